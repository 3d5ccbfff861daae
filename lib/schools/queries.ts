import 'server-only'
import { db } from '@/lib/db'

/**
 * The dashboard's figures for one school in one query: the school, its members' roles, the number of
 * recorded changes and the latest five (nested reads are joins: relationJoins in prisma/schema.prisma).
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
      _count: { select: { auditEvents: true } },
      auditEvents: {
        orderBy: { at: 'desc' },
        take: 5,
        select: { id: true, at: true, entity: true, action: true, actor: { select: { name: true } } },
      },
    },
  })
  const members: Partial<Record<string, number>> = {}
  for (const m of memberships) members[m.role] = (members[m.role] ?? 0) + 1
  return { school, members, auditCount: _count.auditEvents, recent }
}
