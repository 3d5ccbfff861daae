import { ROLE_LABELS } from '@/lib/auth/permissions'
import { formatDate } from '@/lib/format'
import { listMyInvitations } from '@/lib/invitations/queries'
import { AnswerInvitations } from './answer-invitations'

/** The signed-in person's open invitations to schools, to accept or decline (dashboard and /no-school). */
export async function YourInvitations({ userId }: { userId: string }) {
  const rows = await listMyInvitations(userId)
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
