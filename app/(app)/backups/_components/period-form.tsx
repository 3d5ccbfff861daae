'use client'
import { ActionForm } from '@/components/forms/action-form'
import { Text } from '@/components/forms/fields'
import { useActionForm } from '@/components/forms/use-action-form'
import { SubmitButton } from '@/components/ui/submit-button'
import { setRestorePeriodAction } from '@/lib/backups/actions'

/** The school's period after which data needs a new successful restore test. */
export function RestorePeriodForm({ months, version }: { months: number; version: number }) {
  const form = useActionForm(setRestorePeriodAction, {
    initial: { restoreTestMonths: String(months) },
    version,
    success: 'Saved.',
  })
  return (
    <ActionForm form={form} failureTitle="Not saved" aria-label="Restore test period">
      <div className="flex flex-wrap items-end gap-3">
        <div className="w-56">
          <Text
            name="restoreTestMonths"
            label="Restore-test every (months)"
            inputMode="numeric"
            hint="Data not restored successfully within this many months is flagged."
          />
        </div>
        <div className="mb-4">
          <SubmitButton variant="secondary">Save period</SubmitButton>
        </div>
      </div>
    </ActionForm>
  )
}
