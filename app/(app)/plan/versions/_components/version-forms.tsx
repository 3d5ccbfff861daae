'use client'
import { ActionForm } from '@/components/forms/action-form'
import { LongText } from '@/components/forms/fields'
import { useActionForm } from '@/components/forms/use-action-form'
import { SubmitButton } from '@/components/ui/submit-button'
import {
  acknowledgePlanAction,
  approvePlanVersionAction,
  publishPlanAction,
  returnPlanVersionAction,
} from '@/lib/plan-versions/actions'

/**
 * The manager publishes the plan as it stands now. A plan with blocking gaps answers with them first;
 * the second press publishes it with them printed on it.
 */
export function PublishForm() {
  const form = useActionForm(publishPlanAction)
  return (
    <ActionForm
      form={form}
      failureTitle="The plan was not published"
      confirmTitle="This plan has gaps that will be printed on it"
      aria-label="Publish the plan"
    >
      <SubmitButton pendingText="Publishing…">
        {form.confirming ? 'Publish with these gaps printed on it' : 'Publish the plan as a new version'}
      </SubmitButton>
    </ActionForm>
  )
}

/** The head teacher approves a version awaiting approval. */
export function ApproveForm({ id, version, number }: { id: string; version: number; number: number }) {
  const form = useActionForm(approvePlanVersionAction, {
    version,
    success: `Version ${number} is approved: it is now the current plan.`,
  })
  return (
    <ActionForm form={form} failureTitle="The version was not approved" aria-label="Approve">
      <input type="hidden" name="id" value={id} />
      <SubmitButton pendingText="Approving…">Approve version {number}</SubmitButton>
    </ActionForm>
  )
}

/** The head teacher returns a version with comments. */
export function ReturnForm({ id, version, number }: { id: string; version: number; number: number }) {
  const form = useActionForm(returnPlanVersionAction, {
    version,
    success: `Version ${number} is returned with your comments.`,
  })
  return (
    <ActionForm
      form={form}
      failureTitle="The version was not returned"
      aria-label="Return with comments"
      idPrefix="return"
    >
      <input type="hidden" name="id" value={id} />
      <LongText name="comment" label="What should change before it is published again" rows={3} />
      <SubmitButton variant="secondary" pendingText="Returning…">
        Return with comments
      </SubmitButton>
    </ActionForm>
  )
}

/** "I hold and have read version N", by the signed-in team member. */
export function AcknowledgeForm({ planVersionId, number }: { planVersionId: string; number: number }) {
  const form = useActionForm(acknowledgePlanAction, {
    success: `Thank you: you have acknowledged version ${number}.`,
  })
  return (
    <ActionForm form={form} failureTitle="Not acknowledged" aria-label="Acknowledge">
      <input type="hidden" name="planVersionId" value={planVersionId} />
      <SubmitButton pendingText="Saving…">I hold and have read version {number}</SubmitButton>
    </ActionForm>
  )
}
