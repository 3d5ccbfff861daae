import 'server-only'
import { getBackupOverview } from '@/lib/backups/queries'
import { db } from '@/lib/db'
import { formatDate } from '@/lib/format'
import { listRoleCoverage } from '@/lib/team/queries'
import { countGaps, findGaps } from './gaps'

/**
 * The coverage report: every gap in the school's preparedness with what to do about it, and the count
 * of each kind (the dashboard shows the counts). A fixed number of queries whatever the size of the
 * school: live services with their live plans and step counts, the steps of live procedures with the
 * role each names, the roles with their holders (`listRoleCoverage`), the current members with their
 * off-site contact fields and NCSC records, and the backups overview (`getBackupOverview`).
 *
 * Contact details are read only to decide whether an off-site contact exists; none leaves this function.
 */
export async function getCoverage(schoolId: string, timeZone = 'Europe/London', today = new Date()) {
  const [services, steps, roles, members, backups] = await Promise.all([
    db.service.findMany({
      where: { schoolId, archivedAt: null },
      orderBy: [{ criticality: 'asc' }, { rtoMinutes: 'asc' }, { name: 'asc' }],
      select: {
        id: true,
        name: true,
        contingencyPlans: {
          where: { archivedAt: null },
          orderBy: { name: 'asc' },
          select: { id: true, name: true, procedure: { select: { _count: { select: { steps: true } } } } },
        },
      },
    }),
    db.procedureStep.findMany({
      where: {
        schoolId,
        procedure: {
          OR: [
            { plan: { archivedAt: null, service: { archivedAt: null } } },
            { asset: { archivedAt: null } },
          ],
        },
      },
      orderBy: [{ procedureId: 'asc' }, { position: 'asc' }, { id: 'asc' }],
      select: {
        id: true,
        instruction: true,
        recoveryRoleId: true,
        procedureId: true,
        procedure: {
          select: {
            plan: { select: { id: true, name: true } },
            asset: { select: { id: true, name: true } },
          },
        },
      },
    }),
    listRoleCoverage(schoolId),
    db.teamMember.findMany({
      where: { schoolId, leftAt: null },
      orderBy: { name: 'asc' },
      select: {
        id: true,
        name: true,
        mobile: true,
        otherPhone: true,
        personalEmail: true,
        systemAccess: true,
        training: { select: { kind: true, heldOn: true } },
      },
    }),
    getBackupOverview(schoolId, { check: 'all' }, today),
  ])

  // A step's number is its place in its procedure (the order the plan page shows for untangled steps).
  const seen = new Map<string, number>()
  const numbered = steps.flatMap((s) => {
    const n = (seen.get(s.procedureId) ?? 0) + 1
    seen.set(s.procedureId, n)
    const owner = s.procedure.plan ?? s.procedure.asset
    if (!owner) return []
    return [
      {
        id: s.id,
        number: n,
        instruction: s.instruction,
        roleId: s.recoveryRoleId,
        where: { kind: s.procedure.plan ? ('plan' as const) : ('restore' as const), ...owner },
      },
    ]
  })

  const gaps = findGaps({
    today,
    services: services.map((s) => ({
      id: s.id,
      name: s.name,
      plans: s.contingencyPlans.map((p) => ({
        id: p.id,
        name: p.name,
        steps: p.procedure?._count.steps ?? 0,
      })),
    })),
    steps: numbered,
    roles,
    members,
    data: backups.rows,
    restoreTestMonths: backups.restoreTestMonths,
    formatDate: (d) => formatDate(d, timeZone),
  })
  return { gaps, counts: countGaps(gaps), total: gaps.length }
}
export type Coverage = Awaited<ReturnType<typeof getCoverage>>
