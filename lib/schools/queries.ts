import 'server-only'
import { AUDIT_ROW_SELECT } from '@/lib/audit/queries'
import { db } from '@/lib/db'

/**
 * The dashboard's figures for one school in one query: the school, its members' roles, the number of
 * recorded changes and the latest five, to describe with describeChanges (nested reads are joins: relationJoins in prisma/schema.prisma).
 */
export async function getSchoolOverview(schoolId: string) {
  const {
    memberships,
    _count,
    auditEvents: recent,
    ...school
  } = await db.school.findUniqueOrThrow({
    where: { id: schoolId },
    select: {
      name: true,
      urn: true,
      timeZone: true,
      goLiveDate: true,
      reviewCadenceMonths: true,
      memberships: { select: { role: true } },
      // The rows of a bulk change count once and show as its one summary, as the activity log shows them.
      _count: { select: { auditEvents: { where: { batchId: null } } } },
      auditEvents: {
        where: { batchId: null },
        orderBy: [{ at: 'desc' }, { id: 'desc' }],
        take: 5,
        select: AUDIT_ROW_SELECT,
      },
    },
  })
  const members: Partial<Record<string, number>> = {}
  for (const m of memberships) members[m.role] = (members[m.role] ?? 0) + 1
  return { school, members, auditCount: _count.auditEvents, recent }
}
