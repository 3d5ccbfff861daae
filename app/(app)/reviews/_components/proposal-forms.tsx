'use client'
import { ActionForm } from '@/components/forms/action-form'
import { LongText } from '@/components/forms/fields'
import { useActionForm } from '@/components/forms/use-action-form'
import { SubmitButton } from '@/components/ui/submit-button'
import { dismissReviewProposalAction, startProposedReviewAction } from '@/lib/reviews/actions'

/** Starts a review from the proposal (the server opens it). */
export function StartProposedReview({ id, version }: { id: string; version: number }) {
  const form = useActionForm(startProposedReviewAction, { version })
  return (
    <ActionForm form={form} failureTitle="The review was not started" idPrefix={`start-${id}`}>
      <input type="hidden" name="id" value={id} />
      <SubmitButton>Start a review for this</SubmitButton>
    </ActionForm>
  )
}

/**
 * Dismisses the proposal, saying why no review is needed. Folded away until opened, so a page of
 * proposals stays short; it opens again by itself when a reason is refused, showing what was typed.
 */
export function DismissProposal({ id, version }: { id: string; version: number }) {
  const form = useActionForm(dismissReviewProposalAction, { version })
  return (
    <details open={Boolean(form.failure)} className="group">
      <summary className="inline-flex min-h-11 cursor-pointer items-center text-brand-700 underline">
        Dismiss with a reason
      </summary>
      <ActionForm
        form={form}
        failureTitle="The proposal was not dismissed"
        idPrefix={`dismiss-${id}`}
        aria-label="Dismiss the proposal"
        className="mt-2"
      >
        <input type="hidden" name="id" value={id} />
        <LongText name="reason" label="Why is no review needed?" rows={2} />
        <SubmitButton variant="secondary">Dismiss</SubmitButton>
      </ActionForm>
    </details>
  )
}
