'use client'
import { ActionForm } from '@/components/forms/action-form'
import { useActionForm } from '@/components/forms/use-action-form'
import { SubmitButton } from '@/components/ui/submit-button'
import { startReviewAction } from '@/lib/reviews/actions'

/** Starts the next review (the server opens it). */
export function StartReview() {
  const form = useActionForm(startReviewAction)
  return (
    <ActionForm form={form} failureTitle="The review was not started">
      <SubmitButton>Start the review</SubmitButton>
    </ActionForm>
  )
}
