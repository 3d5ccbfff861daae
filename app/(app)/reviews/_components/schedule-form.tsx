'use client'
import { ActionForm } from '@/components/forms/action-form'
import { Radios, Text } from '@/components/forms/fields'
import { useActionForm } from '@/components/forms/use-action-form'
import { SubmitButton } from '@/components/ui/submit-button'
import { updateReviewScheduleAction } from '@/lib/reviews/actions'

const TERMS = [
  { key: 'autumn', label: 'Autumn term' },
  { key: 'spring', label: 'Spring term' },
  { key: 'summer', label: 'Summer term' },
] as const

/** The review cadence: termly with the school's own term dates, or every N months. */
export function ScheduleForm({ initial, version }: { initial: Record<string, string>; version: number }) {
  const form = useActionForm(updateReviewScheduleAction, { initial, version, success: 'Schedule saved.' })
  return (
    <ActionForm form={form} failureTitle="The schedule was not saved" aria-label="Review schedule">
      <Radios
        name="schedule"
        legend="How often is the plan reviewed?"
        options={[
          {
            value: 'TERMLY',
            label: 'Termly',
            hint: 'Due at the end of each term, with the term dates below.',
          },
          {
            value: 'MONTHS',
            label: 'Every few months',
            hint: 'Due this many months after the last sign-off.',
          },
        ]}
        fallback="TERMLY"
      />
      <div className="max-w-40">
        <Text name="months" label="Months between reviews" inputMode="numeric" />
      </div>
      <p className="mb-2 text-sm text-slate-700">
        Term dates as day/month, repeating each year. Typical English terms are filled in: change them to your
        school&apos;s own.
      </p>
      <div className="grid gap-x-4 sm:grid-cols-2">
        {TERMS.map((t) => (
          <fieldset key={t.key} className="mb-2 sm:col-span-2">
            <legend className="text-sm font-semibold">{t.label}</legend>
            <div className="grid grid-cols-2 gap-3">
              <Text name={`${t.key}Start`} label="First day" />
              <Text name={`${t.key}End`} label="Last day" />
            </div>
          </fieldset>
        ))}
      </div>
      <div className="max-w-sm">
        <Text
          name="staleDays"
          label="Days the plan may be out of date"
          hint="A review is proposed once the approved plan has been out of date for longer."
          inputMode="numeric"
        />
      </div>
      <SubmitButton>Save the schedule</SubmitButton>
    </ActionForm>
  )
}
