import 'server-only'
import { db } from '@/lib/db'
import { readSchoolInvitations, withStatus } from '@/lib/invitations/queries'
import { type DataViewContext, dataView } from '@/lib/records/data-view'

/** Everyone in the school with their role, managers first. */
export async function listMembers(schoolId: string) {
  const rows = await db.membership.findMany({
    where: { schoolId },
    select: {
      id: true,
      role: true,
      version: true,
      createdAt: true,
      user: { select: { id: true, name: true, email: true } },
    },
    orderBy: [{ role: 'asc' }, { user: { name: 'asc' } }],
  })
  return rows
}
export type MemberRow = Awaited<ReturnType<typeof listMembers>>[number]

/**
 * The people page: the school's members and its recent invitations, kept per data version and day
 * (lib/records/data-view.ts); each invitation's status is worked out for the moment it is shown, since an
 * open one lapses at its own time of day.
 */
export async function getPeoplePage(ctx: DataViewContext, now = new Date()) {
  const { members, invitations } = await dataView(ctx, 'people', '', async () => {
    const [members, invitations] = await Promise.all([
      listMembers(ctx.schoolId),
      readSchoolInvitations(ctx.schoolId, now),
    ])
    return { members, invitations }
  })
  return { members, invitations: withStatus(invitations, now) }
}
