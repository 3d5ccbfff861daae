import { ROLE_LABELS } from '@/lib/auth/permissions'
import { formatDate } from '@/lib/format'
import { listMyInvitations } from '@/lib/invitations/queries'
import { AnswerInvitations } from './answer-invitations'

/**
 * The signed-in person's open invitations to schools, to accept or decline (dashboard and /no-school).
 * `open` is how many the session query counted (lib/auth/school-context.ts): with none, nothing is read.
 * The answering component is rendered either way, so that after the last one is accepted its "You are now
 * a member" message stays on screen.
 */
export async function YourInvitations({ userId, open }: { userId: string; open?: number }) {
  const rows = open === 0 ? [] : await listMyInvitations(userId)
  return (
    <AnswerInvitations
      invitations={rows.map((r) => ({
        id: r.id,
        schoolName: r.school.name,
        roleLabel: ROLE_LABELS[r.role],
        invitedBy: r.invitedBy?.name ?? null,
        sent: formatDate(r.createdAt, r.school.timeZone),
        openUntil: formatDate(r.expiresAt, r.school.timeZone),
      }))}
    />
  )
}
