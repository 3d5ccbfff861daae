import 'server-only'
import { db } from '@/lib/db'

/** The dashboard's figures for one school, read from the database in one round of queries. */
export async function getSchoolOverview(schoolId: string) {
  const [school, roles, auditCount] = await Promise.all([
    db.school.findUniqueOrThrow({
      where: { id: schoolId },
      select: { name: true, urn: true, timeZone: true, goLiveDate: true, reviewCadenceMonths: true },
    }),
    db.membership.groupBy({ by: ['role'], where: { schoolId }, _count: { _all: true } }),
    // The rows of a bulk change count once, as the activity log shows them.
    db.auditEvent.count({ where: { schoolId, batchId: null } }),
  ])
  const members = Object.fromEntries(roles.map((r) => [r.role, r._count._all])) as Partial<
    Record<string, number>
  >
  return { school, members, auditCount }
}
