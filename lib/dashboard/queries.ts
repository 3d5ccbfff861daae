import 'server-only'
import { countAuditRows, listRecentChanges } from '@/lib/audit/queries'
import { can } from '@/lib/auth/permissions'
import type { SchoolContext } from '@/lib/auth/school-context'
import { getCoverage } from '@/lib/coverage/queries'
import { db } from '@/lib/db'
import { getCatalogueSummary } from '@/lib/dependencies/queries'
import { getOwnAcknowledgement, getPlanDashboard } from '@/lib/plan-versions/queries'
import { dataView } from '@/lib/records/data-view'
import { getReviewDue, loadReviewProposals, seesProposals } from '@/lib/reviews/queries'
import { getRiskSummary } from '@/lib/risks/queries'

/*
 * The dashboard's view query. Its panels summarise every domain (catalogue, risks, coverage, reviews,
 * people), which is a score of queries and a good deal of work; yet they change only when the school's
 * records do, or when the day turns (overdue reviews, risks and restore tests are counted by the day). So
 * each panel is worked out once per `School.dataVersion` (moved by triggers on every write to the school's
 * records, its settings included: migration `data_version`) and calendar day in the school's time zone,
 * and kept as a data view (`lib/records/data-view.ts`), the school's own row among them. A page view then runs two
 * queries whatever the school's size: the session, which brings the data version with it (lib/auth), and
 * a count of the school's audit rows, which names the latest changes kept, described, beside the panels.
 */

type Panels = {
  school: Awaited<ReturnType<typeof readSchool>>
  changes: Awaited<ReturnType<typeof readChanges>>
  catalogue: Awaited<ReturnType<typeof getCatalogueSummary>>
  risks: Awaited<ReturnType<typeof getRiskSummary>> | null
  reviewDue: Awaited<ReturnType<typeof getReviewDue>> | null
  reviewProposals: Awaited<ReturnType<typeof loadReviewProposals>> | null
  coverage: Awaited<ReturnType<typeof getCoverage>> | null
  members: Partial<Record<string, number>>
  plan: Awaited<ReturnType<typeof getPlanDashboard>> | null
  ownAck: Awaited<ReturnType<typeof getOwnAcknowledgement>> | null
}

async function countMembers(schoolId: string) {
  const rows = await db.membership.groupBy({ by: ['role'], where: { schoolId }, _count: { _all: true } })
  const members: Partial<Record<string, number>> = {}
  for (const r of rows) members[r.role] = r._count._all
  return members
}

async function readChanges(schoolId: string, timeZone: string) {
  const [recent, count] = await Promise.all([
    listRecentChanges(schoolId, timeZone),
    // The rows of a bulk change count once and show as its one summary, as the activity log shows them.
    db.auditEvent.count({ where: { schoolId, batchId: null } }),
  ])
  return { recent, count }
}

async function readSchool(schoolId: string) {
  return db.school.findUniqueOrThrow({
    where: { id: schoolId },
    select: { name: true, urn: true, timeZone: true, goLiveDate: true, reviewCadenceMonths: true },
  })
}

/**
 * Everything the dashboard shows that this person may see; panels they may not see are null.
 *
 * `ctx.dataVersion` is the school's data version as the session query read it (lib/auth/school-context.ts):
 * with it and `ctx.auditRows`, a repeat view runs no query of its own. Without them (a context built by
 * hand) they are read first.
 */
export async function getDashboard(
  ctx: Pick<SchoolContext, 'schoolId' | 'role' | 'timeZone' | 'dataVersion' | 'auditRows'> & {
    userId?: string
  },
  now = new Date(),
) {
  const { schoolId, role, timeZone } = ctx
  const seesChanges = can(role, 'audit.read')
  const [dataVersion, auditRows] = await Promise.all([
    ctx.dataVersion ??
      db.school
        .findUniqueOrThrow({ where: { id: schoolId }, select: { dataVersion: true } })
        .then((s) => s.dataVersion),
    seesChanges ? (ctx.auditRows ?? countAuditRows(schoolId)) : 0,
  ])
  // Each panel is a data view (lib/records/data-view.ts, which adds the school, the zone and the day to
  // its key): computed only for the roles that see it.
  const versioned = { schoolId, timeZone, dataVersion }
  const cached = <T>(part: keyof Panels, compute: () => Promise<T>, who = ''): Promise<T> =>
    dataView(versioned, `dashboard-${part}`, who, compute, now)

  // The plan panels too: publishing, approving, acknowledging and every change the staleness list names
  // write rows that move the data version. A person's own acknowledgement is kept per person.
  // The latest changes, described, and how many there are: signing a device out writes an audit row but
  // leaves the data version alone, so these are kept per number of audit rows too (they only grow).
  const [school, changes, catalogue, risks, reviewDue, coverage, members, plan, ownAck, proposals] =
    await Promise.all([
      cached('school', () => readSchool(schoolId)),
      seesChanges
        ? cached('changes', () => readChanges(schoolId, timeZone), String(auditRows))
        : { recent: [], count: 0 },
      cached('catalogue', () => getCatalogueSummary(schoolId, timeZone)),
      can(role, 'risks.read') ? cached('risks', () => getRiskSummary(schoolId, timeZone)) : null,
      can(role, 'review.read') ? cached('reviewDue', () => getReviewDue(schoolId, now)) : null,
      can(role, 'contingency.read') ? cached('coverage', () => getCoverage(schoolId, timeZone, now)) : null,
      can(role, 'people.read') ? cached('members', () => countMembers(schoolId)) : null,
      can(role, 'plan.draft') ? cached('plan', () => getPlanDashboard(schoolId, timeZone)) : null,
      can(role, 'plan.acknowledge') && ctx.userId
        ? cached('ownAck', () => getOwnAcknowledgement(schoolId, ctx.userId!), ctx.userId)
        : null,
      // Evaluated inside the cache: each cause moves the data version or comes with the day (reviews/queries.ts).
      seesProposals(role) ? cached('reviewProposals', () => loadReviewProposals(schoolId, now)) : null,
    ])
  return {
    school,
    auditCount: changes.count,
    recent: changes.recent,
    catalogue,
    risks,
    reviewDue: reviewDue && proposals ? { ...reviewDue, proposals } : reviewDue,
    coverage,
    members: members ?? {},
    plan,
    ownAck,
  }
}
