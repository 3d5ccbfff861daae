import 'server-only'
import { listChanges } from '@/lib/audit/queries'
import { can } from '@/lib/auth/permissions'
import { getCoverage } from '@/lib/coverage/queries'
import { db } from '@/lib/db'
import { getCatalogueSummary } from '@/lib/dependencies/queries'
import type { Role } from '@/lib/generated/prisma/enums'
import { getPlanStaleness } from '@/lib/plan-versions/queries'
import { getRiskSummary } from '@/lib/risks/queries'
import type { Section } from './checklist'
import { hintFor, type ReviewFacts } from './hints'
import { changedRecords, recordProposals } from './mutations'
import { type DueState, dueState, nextReviewDue, readTerms, type Schedule } from './schedule'
import { describeSchedule, REVIEWED_ENTITIES } from './schema'
import { proposeReviews, triggerWindowStart } from './triggers'

/** Reviews' "what changed" shows this many changes a page. */
export const CHANGES_PAGE_SIZE = 100

export type ReviewDue = DueState & {
  cadence: string
  /** The review under way, if any, and where it stands. */
  current: { id: string; number: number; status: string } | null
  lastSignedOff: {
    id: string
    number: number
    signedOffAt: Date
    signedOffName: string | null
    /** When it was submitted: the changes it covered run up to here. */
    submittedAt: Date | null
  } | null
  /** Open review proposals (triggers.ts), for the manager and the head teacher only. */
  proposals?: OpenProposal[]
}

/**
 * The schedule and where the school stands: the next due date (overdue or not), the review under way and
 * the last signed off. Two queries, for the dashboard panel and the reviews page.
 */
export async function getReviewDue(schoolId: string, now = new Date()): Promise<ReviewDue> {
  const [school, reviews] = await Promise.all([
    db.school.findUniqueOrThrow({
      where: { id: schoolId },
      select: {
        timeZone: true,
        goLiveDate: true,
        createdAt: true,
        reviewSchedule: true,
        reviewCadenceMonths: true,
        termDates: true,
      },
    }),
    db.review.findMany({
      // One review is under way at most, so the newest two hold it and the last signed off.
      where: { schoolId },
      orderBy: { number: 'desc' },
      take: 2,
      select: {
        id: true,
        number: true,
        status: true,
        signedOffAt: true,
        signedOffName: true,
        submittedAt: true,
      },
    }),
  ])
  const current = reviews.find((r) => r.status !== 'SIGNED_OFF') ?? null
  const last = reviews.find((r) => r.status === 'SIGNED_OFF' && r.signedOffAt) ?? null
  const terms = readTerms(school.termDates)
  const schedule: Schedule =
    school.reviewSchedule === 'MONTHS'
      ? { kind: 'MONTHS', months: school.reviewCadenceMonths }
      : { kind: 'TERMLY', terms }
  const next = nextReviewDue({
    lastSignedOffAt: last?.signedOffAt ?? null,
    startedAt: school.goLiveDate ?? school.createdAt,
    schedule,
    timeZone: school.timeZone,
  })
  return {
    ...dueState(next, now, school.timeZone),
    cadence: describeSchedule({ schedule: school.reviewSchedule, months: school.reviewCadenceMonths, terms }),
    current: current && { id: current.id, number: current.number, status: current.status },
    lastSignedOff: last?.signedOffAt
      ? {
          id: last.id,
          number: last.number,
          signedOffAt: last.signedOffAt,
          signedOffName: last.signedOffName,
          submittedAt: last.submittedAt,
        }
      : null,
  }
}

/** The schedule form's stored values. */
export async function getReviewSchedule(schoolId: string) {
  const s = await db.school.findUniqueOrThrow({
    where: { id: schoolId },
    select: {
      reviewSchedule: true,
      reviewCadenceMonths: true,
      termDates: true,
      reviewScheduleVersion: true,
      planStaleDays: true,
    },
  })
  return {
    schedule: s.reviewSchedule,
    months: s.reviewCadenceMonths,
    staleDays: s.planStaleDays,
    terms: readTerms(s.termDates),
    version: s.reviewScheduleVersion,
  }
}

/** Every review of the school, newest first (a school has a few a year: no paging needed). */
export async function listReviews(schoolId: string) {
  return db.review.findMany({
    where: { schoolId },
    orderBy: { number: 'desc' },
    select: {
      id: true,
      number: true,
      kind: true,
      status: true,
      dueDate: true,
      startedAt: true,
      submittedAt: true,
      signedOffAt: true,
      signedOffName: true,
      _count: { select: { actions: { where: { doneAt: null } } } },
    },
  })
}

/** One review with its questions, actions, history and what is marked considered: one query (joins). */
export async function getReview(schoolId: string, id: string) {
  const review = await db.review.findFirst({
    where: { id, schoolId },
    select: {
      id: true,
      number: true,
      kind: true,
      status: true,
      dueDate: true,
      coversFrom: true,
      firstReview: true,
      startedAt: true,
      submittedAt: true,
      signedOffAt: true,
      signedOffName: true,
      signOffComment: true,
      reason: true,
      version: true,
      answers: {
        orderBy: { position: 'asc' },
        select: {
          id: true,
          section: true,
          question: true,
          guidance: true,
          answer: true,
          notes: true,
          key: true,
          hint: true,
        },
      },
      actions: {
        orderBy: [{ dueDate: 'asc' }, { createdAt: 'asc' }],
        select: {
          id: true,
          answerId: true,
          title: true,
          owner: true,
          dueDate: true,
          doneAt: true,
          version: true,
        },
      },
      events: {
        orderBy: { at: 'asc' },
        select: { id: true, kind: true, byName: true, comment: true, at: true },
      },
      considered: { select: { entity: true, entityId: true } },
    },
  })
  if (!review) return null
  return { ...review, answers: review.answers.map((a) => ({ ...a, section: a.section as Section })) }
}
export type ReviewView = NonNullable<Awaited<ReturnType<typeof getReview>>>

/** Until when a review covers changes: while it is being worked on, up to now; once submitted, up to then. */
export function coversUntil(review: Pick<ReviewView, 'status' | 'submittedAt'>, now = new Date()): Date {
  return review.status === 'SUBMITTED' || review.status === 'SIGNED_OFF' ? (review.submittedAt ?? now) : now
}

/**
 * What changed since the last signed-off review, from the audit trail, in words and grouped by record,
 * with which records are marked considered. A fixed number of queries whatever the number of changes.
 */
export async function listReviewChanges(
  schoolId: string,
  review: Pick<ReviewView, 'id' | 'status' | 'submittedAt' | 'coversFrom' | 'considered'>,
  opts: { timeZone: string; page?: number },
  now = new Date(),
) {
  const until = coversUntil(review, now)
  const [page, records] = await Promise.all([
    listChanges(schoolId, {
      timeZone: opts.timeZone,
      since: review.coversFrom ?? undefined,
      until,
      entity: REVIEWED_ENTITIES,
      groupByRecord: true,
      page: opts.page,
      pageSize: CHANGES_PAGE_SIZE,
    }),
    changedRecords(db, schoolId, review.coversFrom, until),
  ])
  const done = new Set(review.considered.map((c) => `${c.entity}:${c.entityId}`))
  const keys = records.map((r) => `${r.entity}:${r.entityId}`)
  const byEntity: Record<string, number> = {}
  for (const r of records) byEntity[r.entity] = (byEntity[r.entity] ?? 0) + 1
  return {
    ...page,
    groups: (page.records ?? []).map((g) => ({
      ...g,
      key: `${g.entity}:${g.entityId}`,
      considered: done.has(`${g.entity}:${g.entityId}`),
    })),
    recordCount: keys.length,
    byEntity,
    consideredCount: keys.filter((k) => done.has(k)).length,
    unconsideredOnPage: (page.records ?? [])
      .map((g) => `${g.entity}:${g.entityId}`)
      .filter((k) => !done.has(k)),
    until,
  }
}

/** The school's checklist, as stored (or the starter set it will get, before its first review). */
export async function listChecklist(schoolId: string) {
  return db.reviewChecklistItem.findMany({
    where: { schoolId },
    orderBy: [{ section: 'asc' }, { position: 'asc' }],
    select: {
      id: true,
      section: true,
      question: true,
      guidance: true,
      firstReviewOnly: true,
      source: true,
      archivedAt: true,
      version: true,
    },
  })
}

/** Open review actions across reviews, soonest due first (for the reviews page). */
export async function listOpenReviewActions(schoolId: string) {
  return db.reviewAction.findMany({
    where: { schoolId, doneAt: null },
    orderBy: { dueDate: 'asc' },
    take: 50,
    select: {
      id: true,
      title: true,
      owner: true,
      dueDate: true,
      version: true,
      review: { select: { id: true, number: true } },
    },
  })
}

// ---- what the portal knows beside the questions (hints.ts) ---------------------------------------

/**
 * The counts the hints beside the checklist are built from, in a fixed number of queries: the catalogue
 * summary (cached per catalogue version), the coverage report, the risk summary, team members with no
 * training, who joined and left the recovery team, and (unless the page has them) the changed records.
 */
export async function getReviewFacts(
  schoolId: string,
  opts: { timeZone: string; coversFrom: Date | null; changed?: Readonly<Record<string, number>> },
  now = new Date(),
): Promise<ReviewFacts> {
  const since = opts.coversFrom ? { gte: opts.coversFrom } : undefined
  const [catalogue, coverage, risks, untrained, moves, changedRows] = await Promise.all([
    getCatalogueSummary(schoolId, opts.timeZone),
    getCoverage(schoolId, opts.timeZone, now),
    getRiskSummary(schoolId, opts.timeZone),
    db.teamMember.count({ where: { schoolId, leftAt: null, training: { none: {} } } }),
    db.auditEvent.groupBy({
      by: ['action'],
      where: { schoolId, entity: 'TeamMember', action: { in: ['create', 'rejoin', 'leave'] }, at: since },
      _count: { _all: true },
    }),
    opts.changed ? null : changedRecords(db, schoolId, opts.coversFrom, now),
  ])
  let changed = opts.changed
  if (!changed) {
    const byEntity: Record<string, number> = {}
    for (const r of changedRows ?? []) byEntity[r.entity] = (byEntity[r.entity] ?? 0) + 1
    changed = byEntity
  }
  const moved = (action: string) => moves.find((m) => m.action === action)?._count._all ?? 0
  const untested = coverage.gaps.filter((g) => g.kind === 'RESTORE_UNTESTED')
  const never = untested.filter((g) => g.context === 'Never restore-tested').length
  return {
    changed,
    ...catalogue,
    servicesWithoutPlan: coverage.counts.SERVICE_NO_PLAN,
    plansWithoutSteps: coverage.counts.PLAN_NO_STEPS,
    stepsWithNobody: coverage.counts.STEP_NOBODY,
    openRisks: risks.open,
    risksOverdue: risks.reviewDue,
    // Exercises are not recorded by the portal yet: none.
    exercises: { count: 0, monthsSinceLast: null },
    restoreNeverTested: never,
    restoreOverdue: untested.length - never,
    membersWithoutTraining: untrained,
    teamJoined: moved('create') + moved('rejoin'),
    teamLeft: moved('leave'),
    noContinuityManager: coverage.counts.NO_MANAGER > 0,
  }
}

/** The facts for one review of the school (null when it is not the school's), for submitting it. */
export async function getReviewFactsFor(
  schoolId: string,
  reviewId: string,
  timeZone: string,
  now = new Date(),
) {
  const review = await db.review.findFirst({
    where: { id: reviewId, schoolId },
    select: { coversFrom: true },
  })
  return review ? getReviewFacts(schoolId, { timeZone, coversFrom: review.coversFrom }, now) : null
}

/**
 * The hint beside each question of a review, by answer id: what the portal knows now while the review
 * is being worked on, and what it knew when it was submitted once it has been.
 */
export async function getReviewHints(
  schoolId: string,
  review: Pick<ReviewView, 'status' | 'coversFrom' | 'answers'>,
  opts: { timeZone: string; changed: Readonly<Record<string, number>> },
): Promise<Record<string, string>> {
  const hints: Record<string, string> = {}
  if (review.status === 'OPEN' || review.status === 'RETURNED') {
    const facts = await getReviewFacts(schoolId, { ...opts, coversFrom: review.coversFrom })
    for (const a of review.answers) {
      const h = hintFor(a.key, facts)
      if (h) hints[a.id] = h
    }
  } else for (const a of review.answers) if (a.hint) hints[a.id] = a.hint
  return hints
}

// ---- review proposals (triggers.ts) --------------------------------------------------------------

/** Rows read back over the last evaluation, in case a change committed just after it read the trail. */
const OVERLAP_MS = 60_000
/** At most this many audit rows are read per evaluation; the next evaluation reads on from the last. */
const EVENTS_CAP = 1000
const TRIGGER_ENTITIES = ['Service', 'Membership', 'TeamMember']

/**
 * Evaluates the review triggers and stores what they propose (mutations.ts recordProposals), when the
 * manager or the head teacher loads the dashboard or the reviews page: no scheduler is needed, and a
 * proposal is there the moment someone who can act on it looks. A fixed number of queries whatever the
 * number of changes: the school's setting and cursor, the plan's staleness (getPlanStaleness), the
 * built-in service continuity manager role, the audit rows since the cursor, the names of members
 * whose rows carry only an e-mail address, and one transaction that stores new proposals and moves the
 * cursor. A cause already proposed is never proposed again (its key is unique per school).
 */
export async function evaluateReviewTriggers(
  schoolId: string,
  due: Pick<ReviewDue, 'lastSignedOff'>,
  now = new Date(),
) {
  const [school, staleness, cmRole] = await Promise.all([
    db.school.findUniqueOrThrow({
      where: { id: schoolId },
      select: { timeZone: true, planStaleDays: true, reviewTriggersCheckedAt: true },
    }),
    getPlanStaleness(schoolId),
    db.recoveryRole.findFirst({
      where: { schoolId, builtIn: 'CONTINUITY_MANAGER' },
      select: { id: true },
    }),
  ])
  const checked = school.reviewTriggersCheckedAt
  const since = triggerWindowStart(
    due.lastSignedOff?.submittedAt ?? null,
    checked && new Date(checked.getTime() - OVERLAP_MS),
  )
  const events = since
    ? await db.auditEvent.findMany({
        where: { schoolId, entity: { in: TRIGGER_ENTITIES }, at: { gt: since, lte: now } },
        orderBy: [{ at: 'asc' }, { id: 'asc' }],
        take: EVENTS_CAP,
        select: { id: true, at: true, entity: true, entityId: true, action: true, before: true, after: true },
      })
    : []
  const unnamed = events
    .filter((e) => e.entity === 'Membership' && !(e.after as { name?: unknown } | null)?.name)
    .map((e) => e.entityId)
  const members = unnamed.length
    ? await db.membership.findMany({
        where: { schoolId, id: { in: [...new Set(unnamed)] } },
        select: { id: true, user: { select: { name: true } } },
      })
    : []
  const proposals = proposeReviews({
    now,
    timeZone: school.timeZone,
    staleDays: school.planStaleDays,
    plan: staleness.current && {
      versionId: staleness.current.id,
      versionNumber: staleness.current.number,
      stale: staleness.stale,
      staleSince: staleness.staleSince,
    },
    events,
    continuityManagerRoleId: cmRole?.id ?? null,
    memberNames: Object.fromEntries(members.map((m) => [m.id, m.user.name])),
  })
  // Read up to the cap: the next evaluation carries on from the last row read.
  const cursor = events.length === EVENTS_CAP ? events[EVENTS_CAP - 1]!.at : now
  return recordProposals(db, schoolId, proposals, cursor)
}

const PROPOSAL_SELECT = {
  id: true,
  kind: true,
  reason: true,
  status: true,
  createdAt: true,
  dismissReason: true,
  decidedAt: true,
  version: true,
  review: { select: { id: true, number: true } },
} as const

/**
 * Open proposals, newest first. Those raised before the last signed-off review was submitted are left
 * out: that review considered every change before its submission, so it covered them.
 */
export async function listOpenProposals(schoolId: string, due: Pick<ReviewDue, 'lastSignedOff'>) {
  const after = due.lastSignedOff?.submittedAt
  return db.reviewProposal.findMany({
    where: { schoolId, status: 'OPEN', ...(after ? { createdAt: { gt: after } } : {}) },
    orderBy: { createdAt: 'desc' },
    take: 50,
    select: PROPOSAL_SELECT,
  })
}
export type OpenProposal = Awaited<ReturnType<typeof listOpenProposals>>[number]

/** The proposals decided lately (started or dismissed, with the reason), newest first. */
export async function listDecidedProposals(schoolId: string) {
  return db.reviewProposal.findMany({
    where: { schoolId, status: { in: ['STARTED', 'DISMISSED'] } },
    orderBy: { decidedAt: 'desc' },
    take: 10,
    select: PROPOSAL_SELECT,
  })
}

/** Whether this role sees and evaluates proposals: the manager and the head teacher. */
export const seesProposals = (role: Role) => can(role, 'review.edit') || can(role, 'review.signoff')

/**
 * The open proposals for the dashboard, the triggers evaluated first (for the manager and the head
 * teacher). The dashboard keeps it per data version and day (lib/dashboard/queries.ts): every cause of a
 * proposal is a write that moves the data version (services, memberships, the team) or the turn of the
 * day (the plan out of date for N days), and storing a new proposal moves it once more.
 */
export async function loadReviewProposals(schoolId: string, now = new Date()) {
  const due = await getReviewDue(schoolId, now)
  await evaluateReviewTriggers(schoolId, due, now)
  return listOpenProposals(schoolId, due)
}

/**
 * The review panel as the dashboard shows it, uncached: when the next review is due and, for the manager
 * and the head teacher, the open proposals (evaluated first).
 */
export async function getReviewPanel(schoolId: string, role: Role, now = new Date()): Promise<ReviewDue> {
  const due = await getReviewDue(schoolId, now)
  if (!seesProposals(role)) return due
  await evaluateReviewTriggers(schoolId, due, now)
  return { ...due, proposals: await listOpenProposals(schoolId, due) }
}
