'use client'
import { FormOutcome } from '@/components/forms/action-form'
import { useActionForm } from '@/components/forms/use-action-form'
import { SubmitButton } from '@/components/ui/submit-button'
import { revokeInvitationAction } from '@/lib/invitations/actions'

export type InvitationRowView = {
  id: string
  version: number
  name: string
  email: string
  roleLabel: string
  status: 'pending' | 'declined' | 'revoked' | 'expired' | 'accepted'
  sent: string
  invitedBy: string | null
  openUntil: string
}

function statusText(r: InvitationRowView): string {
  switch (r.status) {
    case 'pending':
      return `Invited, waiting for them to accept (open until ${r.openUntil})`
    case 'expired':
      return `Expired on ${r.openUntil}: invite them again if they still need access`
    case 'declined':
      return 'Declined'
    case 'revoked':
      return 'Revoked'
    default:
      return 'Accepted'
  }
}

/** The school's recent invitations: only what the manager typed, and where each stands. */
export function InvitationList({ rows, manage }: { rows: InvitationRowView[]; manage: boolean }) {
  const form = useActionForm(revokeInvitationAction, {
    success: 'Invitation revoked: it can no longer be accepted.',
  })
  if (rows.length === 0) return <p className="text-slate-700">No invitations are waiting.</p>
  return (
    <>
      <FormOutcome form={form} failureTitle="The invitation was not revoked" />
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-300 bg-white">
        {rows.map((r) => (
          <li
            key={r.id}
            className="flex flex-wrap items-start justify-between gap-2 px-4 py-3 text-sm"
            data-testid={`invitation-${r.email}`}
          >
            <div className="min-w-0">
              <p>
                <span className="font-semibold">{r.name}</span>{' '}
                <span className="text-slate-700 [overflow-wrap:anywhere]">{r.email}</span>
              </p>
              <p>
                {r.roleLabel} · {statusText(r)}
              </p>
              <p className="text-slate-700">
                Sent {r.sent}
                {r.invitedBy ? ` by ${r.invitedBy}` : ''}
              </p>
            </div>
            {manage && r.status === 'pending' && (
              <form action={form.action}>
                <input type="hidden" name="invitationId" value={r.id} />
                <input type="hidden" name="version" value={r.version} />
                <SubmitButton
                  variant="danger"
                  pendingText="Revoking…"
                  className="min-h-8 px-3 py-1"
                  aria-label={`Revoke the invitation to ${r.email}`}
                >
                  Revoke
                </SubmitButton>
              </form>
            )}
          </li>
        ))}
      </ul>
    </>
  )
}
