'use client'
import { ActionForm } from '@/components/forms/action-form'
import { LongText } from '@/components/forms/fields'
import { useActionForm } from '@/components/forms/use-action-form'
import { SubmitButton } from '@/components/ui/submit-button'
import { acceptProposalAction, dismissProposalAction } from '@/lib/risks/actions'

/** Accept (the server opens the new risk) or dismiss with a reason: one proposal's two forms. */
export function ProposalActions({ proposalKey, title }: { proposalKey: string; title: string }) {
  const accept = useActionForm(acceptProposalAction)
  const dismiss = useActionForm(dismissProposalAction)
  return (
    <div className="mt-3 grid gap-4 sm:grid-cols-[auto_1fr] sm:items-start">
      <ActionForm form={accept} failureTitle="The risk was not added" aria-label={`Accept ${title}`}>
        <input type="hidden" name="key" value={proposalKey} />
        <SubmitButton pendingText="Adding…">Accept as a risk</SubmitButton>
      </ActionForm>
      <ActionForm
        form={dismiss}
        failureTitle="The proposal was not dismissed"
        aria-label={`Dismiss ${title}`}
        idPrefix={`dismiss-${proposalKey.replace(/[^a-zA-Z0-9_-]/g, '-')}`}
      >
        <input type="hidden" name="key" value={proposalKey} />
        <details open={Boolean(dismiss.failure)}>
          <summary className="cursor-pointer text-sm font-semibold text-brand-700 underline">
            Dismiss with a reason
          </summary>
          <div className="mt-2">
            <LongText name="reason" label="Why is this not a risk for the school?" />
            <SubmitButton variant="secondary" pendingText="Dismissing…">
              Dismiss
            </SubmitButton>
          </div>
        </details>
      </ActionForm>
    </div>
  )
}
