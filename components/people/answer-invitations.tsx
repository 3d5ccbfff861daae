'use client'
import { useActionState } from 'react'
import { Notice } from '@/components/ui/notice'
import { SubmitButton } from '@/components/ui/submit-button'
import { acceptInvitationAction, declineInvitationAction } from '@/lib/invitations/actions'
import type { ActionResult } from '@/lib/result'

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
  const [accepted, accept] = useActionState<ActionResult<{ schoolName: string }> | null, FormData>(
    acceptInvitationAction,
    null,
  )
  const [declined, decline] = useActionState<ActionResult<{ schoolName: string }> | null, FormData>(
    declineInvitationAction,
    null,
  )
  const failure = [accepted, declined].find((s) => s && !s.ok)
  if (invitations.length === 0 && !accepted && !declined) return null
  return (
    <section aria-labelledby="invitations-for-you-h" className="mb-8">
      <h2 id="invitations-for-you-h" className="mb-3 text-lg font-bold">
        Invitations for you
      </h2>
      {failure && !failure.ok && (
        <Notice tone="error" title="Nothing was changed">
          {failure.message}
        </Notice>
      )}
      {accepted?.ok && (
        <Notice tone="success" title="Invitation accepted">
          You are now a member of {accepted.data.schoolName}. Choose it in the school switcher when you want
          to work in it.
        </Notice>
      )}
      {declined?.ok && (
        <Notice tone="success" title="Invitation declined">
          You declined the invitation from {declined.data.schoolName}.
        </Notice>
      )}
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
              <form action={accept}>
                <input type="hidden" name="invitationId" value={inv.id} />
                <SubmitButton
                  pendingText="Accepting…"
                  aria-label={`Accept the invitation from ${inv.schoolName}`}
                >
                  Accept
                </SubmitButton>
              </form>
              <form action={decline}>
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
