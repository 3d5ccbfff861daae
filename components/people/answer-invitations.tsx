'use client'
import { FormOutcome } from '@/components/forms/action-form'
import { useActionForm } from '@/components/forms/use-action-form'
import { SubmitButton } from '@/components/ui/submit-button'
import { acceptInvitationAction, declineInvitationAction } from '@/lib/invitations/actions'

export type InvitationView = {
  id: string
  schoolName: string
  roleLabel: string
  invitedBy: string | null
  sent: string
  openUntil: string
}

/**
 * The person's open invitations with Accept and Decline. The answer's message is held here, above the
 * list, so it stays on screen after the answered invitation leaves the list.
 */
export function AnswerInvitations({ invitations }: { invitations: InvitationView[] }) {
  const accepting = useActionForm(acceptInvitationAction, {
    success: (d) =>
      `You are now a member of ${d.schoolName}. Choose it in the school switcher when you want to work in it.`,
  })
  const declining = useActionForm(declineInvitationAction, {
    success: (d) => `You declined the invitation from ${d.schoolName}.`,
  })
  if (invitations.length === 0 && !accepting.result && !declining.result) return null
  return (
    <section aria-labelledby="invitations-for-you-h" className="mb-8">
      <h2 id="invitations-for-you-h" className="mb-3 text-lg font-bold">
        Invitations for you
      </h2>
      <FormOutcome form={accepting} failureTitle="Nothing was changed" />
      <FormOutcome form={declining} failureTitle="Nothing was changed" />
      <ul className="flex flex-col gap-3">
        {invitations.map((inv) => (
          <li
            key={inv.id}
            className="rounded-lg border border-slate-300 bg-white p-4 text-slate-900"
            data-testid={`invitation-${inv.schoolName}`}
          >
            <p className="font-semibold">
              {inv.schoolName} invites you as a {inv.roleLabel}
            </p>
            <p className="mb-3 text-sm text-slate-700">
              {inv.invitedBy ? `Invited by ${inv.invitedBy}` : 'Invited'} on {inv.sent}; open until{' '}
              {inv.openUntil}.
            </p>
            <div className="flex flex-wrap gap-2">
              <form action={accepting.action}>
                <input type="hidden" name="invitationId" value={inv.id} />
                <SubmitButton
                  pendingText="Accepting…"
                  aria-label={`Accept the invitation from ${inv.schoolName}`}
                >
                  Accept
                </SubmitButton>
              </form>
              <form action={declining.action}>
                <input type="hidden" name="invitationId" value={inv.id} />
                <SubmitButton
                  variant="secondary"
                  pendingText="Declining…"
                  aria-label={`Decline the invitation from ${inv.schoolName}`}
                >
                  Decline
                </SubmitButton>
              </form>
            </div>
          </li>
        ))}
      </ul>
    </section>
  )
}
