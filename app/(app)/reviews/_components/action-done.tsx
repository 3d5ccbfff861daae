'use client'
import { FormOutcome } from '@/components/forms/action-form'
import { useActionForm } from '@/components/forms/use-action-form'
import { SubmitButton } from '@/components/ui/submit-button'
import { setReviewActionDoneAction } from '@/lib/reviews/actions'

/** Marks a review action done, or not done after all. */
export function ActionDone({
  id,
  version,
  done,
  title,
}: {
  id: string
  version: number
  done: boolean
  title: string
}) {
  const form = useActionForm(setReviewActionDoneAction, { success: done ? 'Reopened.' : 'Marked as done.' })
  return (
    <form action={form.action} key={form.key} className="mt-2">
      <FormOutcome form={form} failureTitle="Not changed" />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="done" value={done ? 'no' : 'yes'} />
      <SubmitButton variant="secondary" aria-label={done ? `Reopen: ${title}` : `Mark as done: ${title}`}>
        {done ? 'Reopen' : 'Mark as done'}
      </SubmitButton>
    </form>
  )
}
