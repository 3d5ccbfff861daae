import type { Actor } from '@/lib/actor'
import { writeAudit } from '@/lib/audit'
import type { Db, Tx } from '@/lib/db'
import { checkVersion, expectOneRow, setArchivedVersioned, updateVersioned } from '@/lib/records/versioned'
import { Refusal } from '@/lib/result'
import { checklistProgress, questionsFor, type Section, STARTER_CHECKLIST } from './checklist'
import { hintFor, type ReviewFacts } from './hints'
import { nextReviewDue, readTerms } from './schedule'
import {
  type AddActionInput,
  type AddChecklistItemInput,
  describeSchedule,
  REVIEWED_ENTITIES,
  type SaveAnswersInput,
  type ScheduleInput,
} from './schema'
import { type ProposedReview, REVIEW_KIND_OF } from './triggers'

const actorOf = (actor: Actor) => ({ schoolId: actor.schoolId, actorId: actor.userId })
const reviewName = (n: number) => `Review ${n}`
/** A date-only column stores midday UTC, so the day reads the same in every zone. */
const dateOnly = (day: string) => new Date(`${day}T12:00:00Z`)

async function lockSchool(tx: Tx, schoolId: string) {
  await tx.$queryRaw`SELECT id FROM "School" WHERE id = ${schoolId} FOR UPDATE`
}

// ---- schedule -----------------------------------------------------------------------------------

export async function updateSchedule(db: Db, actor: Actor, input: ScheduleInput) {
  return db.$transaction(async (tx) => {
    const where = { id: actor.schoolId }
    const read = async () => {
      const s = await tx.school.findUnique({
        where,
        select: {
          reviewSchedule: true,
          reviewCadenceMonths: true,
          termDates: true,
          reviewScheduleVersion: true,
          planStaleDays: true,
        },
      })
      if (!s) return null
      const view = {
        schedule: s.reviewSchedule,
        months: s.reviewCadenceMonths,
        terms: readTerms(s.termDates),
      }
      return {
        cadence: describeSchedule(view),
        ...view,
        staleDays: s.planStaleDays,
        version: s.reviewScheduleVersion,
      }
    }
    const { after } = await updateVersioned(tx, {
      actor,
      entity: 'ReviewSchedule',
      id: actor.schoolId,
      version: input.version,
      what: 'review schedule',
      read,
      write: () =>
        tx.school.updateMany({
          where: { ...where, reviewScheduleVersion: input.version },
          data: {
            reviewSchedule: input.schedule,
            reviewCadenceMonths: input.months,
            termDates: input.terms,
            planStaleDays: input.staleDays,
            reviewScheduleVersion: { increment: 1 },
          },
        }),
    })
    return { version: after.version }
  })
}

// ---- checklist ----------------------------------------------------------------------------------

/** Gives a school its own copy of the starter checklist the first time it needs one. */
export async function ensureChecklist(tx: Tx, schoolId: string) {
  const any = await tx.reviewChecklistItem.findFirst({ where: { schoolId }, select: { id: true } })
  if (any) return
  await tx.reviewChecklistItem.createMany({
    data: STARTER_CHECKLIST.map((item, position) => ({ ...item, schoolId, position })),
  })
}

export async function addChecklistItem(db: Db, actor: Actor, input: AddChecklistItemInput) {
  return db.$transaction(async (tx) => {
    await lockSchool(tx, actor.schoolId)
    await ensureChecklist(tx, actor.schoolId)
    const last = await tx.reviewChecklistItem.aggregate({
      where: { schoolId: actor.schoolId, section: input.section },
      _max: { position: true },
    })
    const item = await tx.reviewChecklistItem.create({
      data: { ...input, schoolId: actor.schoolId, position: (last._max.position ?? 0) + 1 },
      select: { id: true, question: true, section: true },
    })
    await writeAudit(tx, {
      ...actorOf(actor),
      entity: 'ReviewChecklistItem',
      entityId: item.id,
      action: 'create',
      after: { name: item.question, section: item.section },
    })
    return { id: item.id }
  })
}

export async function setChecklistItemArchived(
  db: Db,
  actor: Actor,
  input: { id: string; version: number },
  archived: boolean,
) {
  return db.$transaction(async (tx) => {
    const where = { id: input.id, schoolId: actor.schoolId }
    return setArchivedVersioned(tx, {
      actor,
      entity: 'ReviewChecklistItem',
      id: input.id,
      version: input.version,
      what: 'question',
      archived,
      // Retiring a question changes only reviews started afterwards: nothing to confirm.
      confirmed: true,
      read: async () => {
        const i = await tx.reviewChecklistItem.findFirst({
          where,
          select: { question: true, archivedAt: true, version: true },
        })
        return i ? { name: i.question, archivedAt: i.archivedAt, version: i.version } : null
      },
      write: (archivedAt) =>
        tx.reviewChecklistItem.updateMany({
          where: { ...where, version: input.version },
          data: { archivedAt, version: { increment: 1 } },
        }),
    })
  })
}

// ---- starting a review --------------------------------------------------------------------------

/**
 * Starts the next review: its questions are copied from the school's checklist (the preparation items
 * only on the first), it covers the changes since the last signed-off review was submitted, and it is due
 * when the schedule says. One review at a time: an unfinished one must be signed off first.
 */
export async function startReview(db: Db, actor: Actor, now = new Date()) {
  return db.$transaction((tx) => startReviewIn(tx, actor, now, { kind: 'SCHEDULED', reason: null }))
}

/** Starts a review in the caller's transaction: scheduled, or triggered by a change with its reason. */
async function startReviewIn(
  tx: Tx,
  actor: Actor,
  now: Date,
  why: { kind: 'SCHEDULED' | 'CHANGE_TRIGGERED' | 'POST_EXERCISE' | 'POST_INCIDENT'; reason: string | null },
) {
  await lockSchool(tx, actor.schoolId)
  const unfinished = await tx.review.findFirst({
    where: { schoolId: actor.schoolId, status: { not: 'SIGNED_OFF' } },
    select: { id: true, number: true },
  })
  if (unfinished)
    throw new Refusal(
      'CONFLICT',
      `${reviewName(unfinished.number)} is not signed off yet: finish it before starting another.`,
    )
  const [school, last, count] = await Promise.all([
    tx.school.findUniqueOrThrow({
      where: { id: actor.schoolId },
      select: {
        timeZone: true,
        goLiveDate: true,
        createdAt: true,
        reviewSchedule: true,
        reviewCadenceMonths: true,
        termDates: true,
      },
    }),
    tx.review.findFirst({
      where: { schoolId: actor.schoolId, status: 'SIGNED_OFF' },
      orderBy: { signedOffAt: 'desc' },
      select: { signedOffAt: true, submittedAt: true },
    }),
    tx.review.aggregate({ where: { schoolId: actor.schoolId }, _max: { number: true } }),
  ])
  const next = nextReviewDue({
    lastSignedOffAt: last?.signedOffAt ?? null,
    startedAt: school.goLiveDate ?? school.createdAt,
    schedule:
      school.reviewSchedule === 'MONTHS'
        ? { kind: 'MONTHS', months: school.reviewCadenceMonths }
        : { kind: 'TERMLY', terms: readTerms(school.termDates) },
    timeZone: school.timeZone,
  })
  await ensureChecklist(tx, actor.schoolId)
  const items = await tx.reviewChecklistItem.findMany({
    where: { schoolId: actor.schoolId, archivedAt: null },
    select: {
      id: true,
      section: true,
      question: true,
      guidance: true,
      firstReviewOnly: true,
      position: true,
      key: true,
    },
  })
  const firstReview = !last
  const number = (count._max.number ?? 0) + 1
  const review = await tx.review.create({
    data: {
      schoolId: actor.schoolId,
      number,
      kind: why.kind,
      reason: why.reason,
      dueDate: dateOnly(next.due),
      coversFrom: last?.submittedAt ?? null,
      firstReview,
      startedAt: now,
      startedById: actor.userId,
    },
    select: { id: true },
  })
  await tx.reviewAnswer.createMany({
    data: questionsFor(
      items.map((i) => ({ ...i, section: i.section as Section })),
      firstReview,
    ).map((i, position) => ({
      schoolId: actor.schoolId,
      reviewId: review.id,
      itemId: i.id,
      section: i.section,
      question: i.question,
      guidance: i.guidance,
      key: i.key,
      position,
    })),
  })
  await writeAudit(tx, {
    ...actorOf(actor),
    entity: 'Review',
    entityId: review.id,
    action: 'start',
    after: {
      name: reviewName(number),
      dueDate: next.due,
      ...(why.reason ? { reason: why.reason } : {}),
    },
  })
  return { id: review.id, number }
}

// ---- working on a review ------------------------------------------------------------------------

const EDITABLE = ['OPEN', 'RETURNED'] as const

/** The review as the rules need it, in this school; refuses a review that is no longer the manager's to change. */
async function editableReview(tx: Tx, schoolId: string, reviewId: string, version?: number) {
  const review = await tx.review.findFirst({
    where: { id: reviewId, schoolId },
    select: { id: true, number: true, status: true, version: true, coversFrom: true, submittedById: true },
  })
  if (version !== undefined) checkVersion(review, version, 'review')
  if (!review) throw new Refusal('NOT_FOUND', 'That review was not found.')
  if (!(EDITABLE as readonly string[]).includes(review.status))
    throw new Refusal(
      'CONFLICT',
      review.status === 'SIGNED_OFF'
        ? `${reviewName(review.number)} is signed off: nothing in it can change.`
        : `${reviewName(review.number)} is with the head teacher for sign-off: it can change again only if they return it.`,
    )
  return review
}

async function bumpVersion(tx: Tx, review: { id: string; version: number }, schoolId: string, data = {}) {
  const { count } = await tx.review.updateMany({
    where: { id: review.id, schoolId, version: review.version },
    data: { ...data, version: { increment: 1 } },
  })
  expectOneRow(count, review)
  return review.version + 1
}

/** Saves the checklist answers (the whole form at once, by the review's version). */
export async function saveAnswers(db: Db, actor: Actor, input: SaveAnswersInput) {
  return db.$transaction(async (tx) => {
    const review = await editableReview(tx, actor.schoolId, input.reviewId, input.version)
    const stored = await tx.reviewAnswer.findMany({
      where: { reviewId: review.id, schoolId: actor.schoolId },
      select: { id: true, answer: true, notes: true },
    })
    const byId = new Map(stored.map((a) => [a.id, a]))
    let changed = 0
    for (const a of input.answers) {
      const before = byId.get(a.id)
      if (!before) throw new Refusal('NOT_FOUND', 'That question is not part of this review.')
      if (before.answer === a.answer && before.notes === a.notes) continue
      changed++
      await tx.reviewAnswer.update({ where: { id: a.id }, data: { answer: a.answer, notes: a.notes } })
    }
    const version = await bumpVersion(tx, review, actor.schoolId)
    const progress = checklistProgress(stored.map((s) => input.answers.find((a) => a.id === s.id) ?? s))
    await writeAudit(tx, {
      ...actorOf(actor),
      entity: 'Review',
      entityId: review.id,
      action: 'answer',
      after: { name: reviewName(review.number), changed, answered: progress.answered, no: progress.no },
    })
    return { version }
  })
}

/** A "no" becomes an action with an owner and a due date. */
export async function addReviewAction(db: Db, actor: Actor, input: AddActionInput) {
  return db.$transaction(async (tx) => {
    const review = await editableReview(tx, actor.schoolId, input.reviewId)
    const answer = await tx.reviewAnswer.findFirst({
      where: { id: input.answerId, reviewId: review.id, schoolId: actor.schoolId },
      select: { id: true, answer: true },
    })
    if (!answer) throw new Refusal('NOT_FOUND', 'That question is not part of this review.')
    if (answer.answer !== 'NO')
      throw new Refusal(
        'CONFLICT',
        'Only a question answered "no" becomes an action: save that answer first.',
      )
    const created = await tx.reviewAction.create({
      data: {
        schoolId: actor.schoolId,
        reviewId: review.id,
        answerId: answer.id,
        title: input.title,
        owner: input.owner,
        dueDate: dateOnly(input.dueDate),
      },
      select: { id: true },
    })
    await writeAudit(tx, {
      ...actorOf(actor),
      entity: 'ReviewAction',
      entityId: created.id,
      action: 'create',
      after: {
        name: input.title,
        owner: input.owner,
        dueDate: input.dueDate,
        review: reviewName(review.number),
      },
    })
    return { id: created.id }
  })
}

/**
 * Marks an action done, or not done after all. Actions are tracked to done after their review is signed
 * off too: the sign-off records the review, and the work it asked for goes on.
 */
export async function setReviewActionDone(
  db: Db,
  actor: Actor,
  input: { id: string; version: number; done: boolean },
  now = new Date(),
) {
  return db.$transaction(async (tx) => {
    const where = { id: input.id, schoolId: actor.schoolId }
    const found = checkVersion(
      await tx.reviewAction.findFirst({ where, select: { title: true, doneAt: true, version: true } }),
      input.version,
      'action',
    )
    if (Boolean(found.doneAt) === input.done) return { version: found.version }
    const { count } = await tx.reviewAction.updateMany({
      where: { ...where, version: input.version },
      data: { doneAt: input.done ? now : null, version: { increment: 1 } },
    })
    expectOneRow(count, found)
    await writeAudit(tx, {
      ...actorOf(actor),
      entity: 'ReviewAction',
      entityId: input.id,
      action: input.done ? 'complete' : 'reopen',
      before: { name: found.title },
      after: { name: found.title },
    })
    return { version: found.version + 1 }
  })
}

/** The changed records a review covers (by entity and id), up to `until`: what must be considered. */
export async function changedRecords(tx: Tx | Db, schoolId: string, from: Date | null, until: Date) {
  return tx.auditEvent.findMany({
    where: {
      schoolId,
      entity: { in: [...REVIEWED_ENTITIES] },
      at: { gte: from ?? undefined, lt: until },
    },
    distinct: ['entity', 'entityId'],
    select: { entity: true, entityId: true },
  })
}

/** Marks changed records as considered in this review (records that did not change are refused). */
export async function considerChanges(
  db: Db,
  actor: Actor,
  input: { reviewId: string; records: string[] },
  now = new Date(),
) {
  return db.$transaction(async (tx) => {
    const review = await editableReview(tx, actor.schoolId, input.reviewId)
    const changed = new Set(
      (await changedRecords(tx, actor.schoolId, review.coversFrom, now)).map(
        (c) => `${c.entity}:${c.entityId}`,
      ),
    )
    const records = [...new Set(input.records)]
    if (records.some((r) => !changed.has(r)))
      throw new Refusal('NOT_FOUND', 'That change is not one this review covers.')
    const { count } = await tx.reviewChangeConsidered.createMany({
      data: records.map((r) => {
        const [entity = '', entityId = ''] = r.split(':')
        return { schoolId: actor.schoolId, reviewId: review.id, entity, entityId, byId: actor.userId }
      }),
      skipDuplicates: true,
    })
    if (count)
      await writeAudit(tx, {
        ...actorOf(actor),
        entity: 'Review',
        entityId: review.id,
        action: 'consider',
        after: { name: reviewName(review.number), records: count },
      })
    return { considered: count }
  })
}

// ---- submitting and signing off -----------------------------------------------------------------

/**
 * Keeps beside each answer what the portal knew when the review was submitted (hints.ts), so the
 * submitted and signed-off review shows what the head teacher saw. One statement for every answer.
 */
async function keepHints(
  tx: Tx,
  schoolId: string,
  answers: { id: string; key: string | null }[],
  facts: ReviewFacts,
) {
  const ids = answers.map((a) => a.id)
  const hints = answers.map((a) => hintFor(a.key, facts))
  if (!ids.length) return
  await tx.$executeRaw`
    UPDATE "ReviewAnswer" AS a SET "hint" = v.hint
    FROM unnest(${ids}::text[], ${hints}::text[]) AS v(id, hint)
    WHERE a.id = v.id AND a."schoolId" = ${schoolId}`
}

async function userName(tx: Tx, userId: string) {
  return (await tx.user.findUnique({ where: { id: userId }, select: { name: true } }))?.name ?? 'Someone'
}

/**
 * The manager submits the review for sign-off (or resubmits it, answering the head teacher's comments).
 * Every question must be answered and every changed record considered.
 */
export async function submitReview(
  db: Db,
  actor: Actor,
  input: { reviewId: string; version: number; comment: string },
  now = new Date(),
  facts: ReviewFacts | null = null,
) {
  return db.$transaction(async (tx) => {
    const review = await editableReview(tx, actor.schoolId, input.reviewId, input.version)
    const resubmit = review.status === 'RETURNED'
    if (resubmit && !input.comment)
      throw new Refusal('INVALID', 'Answer the head teacher’s comments before resubmitting.', {
        fieldErrors: { comment: ['Say what you changed in answer to the head teacher’s comments.'] },
      })
    const answers = await tx.reviewAnswer.findMany({
      where: { reviewId: review.id, schoolId: actor.schoolId },
      select: { id: true, answer: true, key: true },
    })
    const progress = checklistProgress(answers)
    if (!progress.complete)
      throw new Refusal(
        'CONFLICT',
        `Answer every question first: ${progress.total - progress.answered} of ${progress.total} still have no answer.`,
      )
    const [changed, considered] = await Promise.all([
      changedRecords(tx, actor.schoolId, review.coversFrom, now),
      tx.reviewChangeConsidered.findMany({
        where: { reviewId: review.id, schoolId: actor.schoolId },
        select: { entity: true, entityId: true },
      }),
    ])
    const done = new Set(considered.map((c) => `${c.entity}:${c.entityId}`))
    const open = changed.filter((c) => !done.has(`${c.entity}:${c.entityId}`)).length
    if (open)
      throw new Refusal(
        'CONFLICT',
        `Mark every changed record as considered first: ${open} ${open === 1 ? 'record is' : 'records are'} not marked yet.`,
      )
    if (facts) await keepHints(tx, actor.schoolId, answers, facts)
    const version = await bumpVersion(tx, review, actor.schoolId, {
      status: 'SUBMITTED',
      submittedAt: now,
      submittedById: actor.userId,
    })
    await tx.reviewEvent.create({
      data: {
        schoolId: actor.schoolId,
        reviewId: review.id,
        kind: resubmit ? 'RESUBMITTED' : 'SUBMITTED',
        byId: actor.userId,
        byName: await userName(tx, actor.userId),
        comment: input.comment,
        at: now,
      },
    })
    await writeAudit(tx, {
      ...actorOf(actor),
      entity: 'Review',
      entityId: review.id,
      action: resubmit ? 'resubmit' : 'submit',
      after: { name: reviewName(review.number), ...(input.comment ? { comment: input.comment } : {}) },
    })
    return { version }
  })
}

/** The submitted review, for the head teacher's decision. */
async function submittedReview(tx: Tx, actor: Actor, reviewId: string, version: number) {
  const review = checkVersion(
    await tx.review.findFirst({
      where: { id: reviewId, schoolId: actor.schoolId },
      select: { id: true, number: true, status: true, version: true, submittedById: true },
    }),
    version,
    'review',
  )
  if (review.status !== 'SUBMITTED')
    throw new Refusal(
      'CONFLICT',
      review.status === 'SIGNED_OFF'
        ? `${reviewName(review.number)} is already signed off: nothing in it can change.`
        : `${reviewName(review.number)} has not been submitted for sign-off.`,
    )
  // The person who submitted a review does not sign it off too (a manager who has since become head).
  if (review.submittedById === actor.userId)
    throw new Refusal(
      'CONFLICT',
      'You submitted this review: another head teacher must sign it off or return it.',
    )
  return review
}

/** The head teacher returns a submitted review with comments; the manager answers and resubmits. */
export async function returnReview(
  db: Db,
  actor: Actor,
  input: { reviewId: string; version: number; comment: string },
  now = new Date(),
) {
  return db.$transaction(async (tx) => {
    const review = await submittedReview(tx, actor, input.reviewId, input.version)
    const version = await bumpVersion(tx, review, actor.schoolId, { status: 'RETURNED' })
    await tx.reviewEvent.create({
      data: {
        schoolId: actor.schoolId,
        reviewId: review.id,
        kind: 'RETURNED',
        byId: actor.userId,
        byName: await userName(tx, actor.userId),
        comment: input.comment,
        at: now,
      },
    })
    await writeAudit(tx, {
      ...actorOf(actor),
      entity: 'Review',
      entityId: review.id,
      action: 'return',
      after: { name: reviewName(review.number), comment: input.comment },
    })
    return { version }
  })
}

/** The head teacher signs off a submitted review: from then on nothing in it changes. */
export async function signOffReview(
  db: Db,
  actor: Actor,
  input: { reviewId: string; version: number; name: string; comment: string },
  now = new Date(),
) {
  return db.$transaction(async (tx) => {
    const review = await submittedReview(tx, actor, input.reviewId, input.version)
    const version = await bumpVersion(tx, review, actor.schoolId, {
      status: 'SIGNED_OFF',
      signedOffAt: now,
      signedOffById: actor.userId,
      signedOffName: input.name,
      signOffComment: input.comment,
    })
    await tx.reviewEvent.create({
      data: {
        schoolId: actor.schoolId,
        reviewId: review.id,
        kind: 'SIGNED_OFF',
        byId: actor.userId,
        byName: input.name,
        comment: input.comment,
        at: now,
      },
    })
    await writeAudit(tx, {
      ...actorOf(actor),
      entity: 'Review',
      entityId: review.id,
      action: 'sign-off',
      after: {
        name: reviewName(review.number),
        signedOffName: input.name,
        ...(input.comment ? { comment: input.comment } : {}),
      },
    })
    return { version }
  })
}

// ---- proposals (triggers.ts) ---------------------------------------------------------------------

/**
 * Stores what the triggers propose and moves the point the audit trail is next read from. A cause
 * already proposed (open, started or dismissed) is skipped by its key, which the database holds unique
 * per school, so two page loads at once cannot propose it twice and a dismissed one never comes back.
 * The proposal row is the record of the trigger (its cause and the audit rows it came from); the
 * manager's decision on it is audited.
 */
export async function recordProposals(
  db: Db,
  schoolId: string,
  proposals: readonly ProposedReview[],
  checkedAt: Date,
) {
  return db.$transaction(async (tx) => {
    const created = proposals.length
      ? await tx.reviewProposal.createMany({
          data: proposals.map((p) => ({
            schoolId,
            kind: p.kind,
            causeKey: p.causeKey,
            reason: p.reason,
            auditEventIds: p.auditEventIds,
          })),
          skipDuplicates: true,
        })
      : { count: 0 }
    // The cursor only moves forward: two evaluations at once, or a seeded starting point, never wind it back.
    await tx.school.updateMany({
      where: {
        id: schoolId,
        OR: [{ reviewTriggersCheckedAt: null }, { reviewTriggersCheckedAt: { lt: checkedAt } }],
      },
      data: { reviewTriggersCheckedAt: checkedAt },
    })
    return { created: created.count }
  })
}

/** An open proposal of this school, at the version the form saw. */
async function openProposal(tx: Tx, schoolId: string, id: string, version: number) {
  const p = checkVersion(
    await tx.reviewProposal.findFirst({
      where: { id, schoolId },
      select: { id: true, kind: true, reason: true, status: true, version: true },
    }),
    version,
    'proposal',
  )
  if (p.status !== 'OPEN')
    throw new Refusal(
      'CONFLICT',
      p.status === 'STARTED'
        ? 'A review has already been started for this.'
        : 'This proposal has already been dismissed.',
    )
  return p
}

/**
 * The manager starts a review from a proposal: a review triggered by a change (or after an exercise or
 * an invocation), noting the proposal's reason. Refused while another review is under way: that review
 * covers the change.
 */
export async function startProposedReview(
  db: Db,
  actor: Actor,
  input: { id: string; version: number },
  now = new Date(),
) {
  return db.$transaction(async (tx) => {
    const p = await openProposal(tx, actor.schoolId, input.id, input.version)
    const review = await startReviewIn(tx, actor, now, { kind: REVIEW_KIND_OF[p.kind], reason: p.reason })
    const { count } = await tx.reviewProposal.updateMany({
      where: { id: p.id, schoolId: actor.schoolId, version: p.version },
      data: {
        status: 'STARTED',
        reviewId: review.id,
        decidedById: actor.userId,
        decidedAt: now,
        version: { increment: 1 },
      },
    })
    expectOneRow(count, p)
    await writeAudit(tx, {
      ...actorOf(actor),
      entity: 'ReviewProposal',
      entityId: p.id,
      action: 'start',
      after: { name: p.reason, review: reviewName(review.number) },
    })
    return { id: review.id }
  })
}

/** The manager dismisses a proposal, saying why no review is needed: it stays dismissed. */
export async function dismissProposal(
  db: Db,
  actor: Actor,
  input: { id: string; version: number; reason: string },
  now = new Date(),
) {
  return db.$transaction(async (tx) => {
    const p = await openProposal(tx, actor.schoolId, input.id, input.version)
    const { count } = await tx.reviewProposal.updateMany({
      where: { id: p.id, schoolId: actor.schoolId, version: p.version },
      data: {
        status: 'DISMISSED',
        dismissReason: input.reason,
        decidedById: actor.userId,
        decidedAt: now,
        version: { increment: 1 },
      },
    })
    expectOneRow(count, p)
    await writeAudit(tx, {
      ...actorOf(actor),
      entity: 'ReviewProposal',
      entityId: p.id,
      action: 'dismiss',
      after: { name: p.reason, reason: input.reason },
    })
    return { version: p.version + 1 }
  })
}
