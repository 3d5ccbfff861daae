import 'server-only'
import { listChanges } from '@/lib/audit/queries'
import { db } from '@/lib/db'
import type { Section } from './checklist'
import { changedRecords } from './mutations'
import { type DueState, dueState, nextReviewDue, readTerms, type Schedule } from './schedule'
import { describeSchedule, REVIEWED_ENTITIES } from './schema'

/** Reviews' "what changed" shows this many changes a page. */
export const CHANGES_PAGE_SIZE = 100

export type ReviewDue = DueState & {
  cadence: string
  /** The review under way, if any, and where it stands. */
  current: { id: string; number: number; status: string } | null
  lastSignedOff: { id: string; number: number; signedOffAt: Date; signedOffName: string | null } | null
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
      select: { id: true, number: true, status: true, signedOffAt: true, signedOffName: true },
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
      ? { id: last.id, number: last.number, signedOffAt: last.signedOffAt, signedOffName: last.signedOffName }
      : null,
  }
}

/** The schedule form's stored values. */
export async function getReviewSchedule(schoolId: string) {
  const s = await db.school.findUniqueOrThrow({
    where: { id: schoolId },
    select: { reviewSchedule: true, reviewCadenceMonths: true, termDates: true, reviewScheduleVersion: true },
  })
  return {
    schedule: s.reviewSchedule,
    months: s.reviewCadenceMonths,
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
      version: true,
      answers: {
        orderBy: { position: 'asc' },
        select: { id: true, section: true, question: true, guidance: true, answer: true, notes: true },
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
