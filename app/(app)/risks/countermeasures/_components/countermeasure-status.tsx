'use client'
import { FormOutcome } from '@/components/forms/action-form'
import { useActionForm } from '@/components/forms/use-action-form'
import { SubmitButton } from '@/components/ui/submit-button'
import { setCountermeasureStatusAction } from '@/lib/risks/actions'
import { COUNTERMEASURE_STATUSES } from '@/lib/risks/schema'

/** One button per status it can move to: "Mark as in place", "Mark as verified". */
export function CountermeasureStatus({
  id,
  version,
  status,
}: {
  id: string
  version: number
  status: string
}) {
  const form = useActionForm(setCountermeasureStatusAction, { version, success: 'The status was changed.' })
  return (
    <div>
      <FormOutcome form={form} failureTitle="The status was not changed" />
      <form action={form.action} className="flex flex-wrap gap-2">
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="version" value={form.version ?? version} />
        {COUNTERMEASURE_STATUSES.filter((s) => s.value !== status).map((s) => (
          <SubmitButton key={s.value} name="status" value={s.value} variant="secondary">
            Mark as {s.label.toLowerCase()}
          </SubmitButton>
        ))}
      </form>
    </div>
  )
}
