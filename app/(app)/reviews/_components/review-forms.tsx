'use client'
import { ActionForm, FormOutcome } from '@/components/forms/action-form'
import { LongText, Text } from '@/components/forms/fields'
import { useActionForm } from '@/components/forms/use-action-form'
import { SubmitButton } from '@/components/ui/submit-button'
import {
  addReviewActionAction,
  considerChangesAction,
  returnReviewAction,
  signOffReviewAction,
  submitReviewAction,
} from '@/lib/reviews/actions'

/** A "no" becomes an action with an owner and a due date. */
export function AddActionForm({ reviewId, answerId }: { reviewId: string; answerId: string }) {
  const form = useActionForm(addReviewActionAction, { success: 'Action added.' })
  return (
    <ActionForm
      form={form}
      failureTitle="The action was not added"
      aria-label="Add an action"
      className="mt-2"
    >
      <input type="hidden" name="reviewId" value={reviewId} />
      <input type="hidden" name="answerId" value={answerId} />
      <div className="grid gap-x-3 sm:grid-cols-3">
        <div className="sm:col-span-3">
          <Text id={`f-${answerId}-title`} name="title" label="What needs doing" />
        </div>
        <Text id={`f-${answerId}-owner`} name="owner" label="Who will do it" />
        <Text id={`f-${answerId}-due`} name="dueDate" label="Due by" type="date" />
      </div>
      <SubmitButton variant="secondary">Add the action</SubmitButton>
    </ActionForm>
  )
}

/** Marks changed records considered: one record, or every record on the page. */
export function ConsiderForm({
  reviewId,
  records,
  label,
}: {
  reviewId: string
  records: string[]
  label: string
}) {
  const form = useActionForm(considerChangesAction, { success: 'Marked as considered.' })
  return (
    <form action={form.action} key={form.key}>
      <FormOutcome form={form} failureTitle="Not marked" />
      <input type="hidden" name="reviewId" value={reviewId} />
      {records.map((r) => (
        <input key={r} type="hidden" name="record[]" value={r} />
      ))}
      <SubmitButton variant="secondary" pendingText="Marking…">
        {label}
      </SubmitButton>
    </form>
  )
}

/** The manager submits the review for sign-off, or resubmits it answering the head teacher's comments. */
export function SubmitForm({
  reviewId,
  version,
  resubmit,
}: {
  reviewId: string
  version: number
  resubmit: boolean
}) {
  const form = useActionForm(submitReviewAction, { version, success: 'Submitted for sign-off.' })
  return (
    <ActionForm form={form} failureTitle="The review was not submitted" aria-label="Submit for sign-off">
      <input type="hidden" name="reviewId" value={reviewId} />
      <LongText
        name="comment"
        label={
          resubmit ? 'Your answer to the head teacher’s comments' : 'Note for the head teacher (optional)'
        }
        rows={3}
      />
      <SubmitButton>{resubmit ? 'Resubmit for sign-off' : 'Submit for sign-off'}</SubmitButton>
    </ActionForm>
  )
}

/** The head teacher signs off the submitted review. */
export function SignOffForm({
  reviewId,
  version,
  name,
}: {
  reviewId: string
  version: number
  name: string
}) {
  const form = useActionForm(signOffReviewAction, { version, initial: { name }, success: 'Signed off.' })
  return (
    <ActionForm form={form} failureTitle="The review was not signed off" aria-label="Sign off">
      <input type="hidden" name="reviewId" value={reviewId} />
      <Text name="name" label="Your name" autoComplete="name" />
      <LongText id="f-signoff-comment" name="comment" label="Comment (optional)" rows={3} />
      <SubmitButton>Sign off the review</SubmitButton>
    </ActionForm>
  )
}

/** The head teacher returns the submitted review with comments. */
export function ReturnForm({ reviewId, version }: { reviewId: string; version: number }) {
  const form = useActionForm(returnReviewAction, { version, success: 'Returned with your comments.' })
  return (
    <ActionForm form={form} failureTitle="The review was not returned" aria-label="Return with comments">
      <input type="hidden" name="reviewId" value={reviewId} />
      <LongText id="f-return-comment" name="comment" label="What should be looked at again" rows={3} />
      <SubmitButton variant="secondary">Return with comments</SubmitButton>
    </ActionForm>
  )
}
