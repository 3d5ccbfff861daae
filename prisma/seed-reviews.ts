/*
 * Demo reviews for the demo school (issue 12): a first review that was returned once and then signed off
 * by the head teacher, with an action done, and the next review in progress, half answered. Dates are
 * relative to today so the demo always looks current. Idempotent: nothing is added if the school has
 * any review.
 */
import { db } from '../lib/db'
import { questionsFor, type Section } from '../lib/reviews/checklist'
import { ensureChecklist } from '../lib/reviews/mutations'
import { nextReviewDue, readTerms } from '../lib/reviews/schedule'
import { criticalServiceTriggers } from '../lib/reviews/triggers'

const DAY = 86_400_000

export async function seedReviews(
  schoolId: string,
  logins: { manager: string; head: string },
): Promise<number> {
  if (await db.review.findFirst({ where: { schoolId }, select: { id: true } })) return 0
  const [manager, head, school] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { email: logins.manager }, select: { id: true, name: true } }),
    db.user.findUniqueOrThrow({ where: { email: logins.head }, select: { id: true, name: true } }),
    db.school.findUniqueOrThrow({ where: { id: schoolId }, select: { timeZone: true, termDates: true } }),
  ])
  await db.$transaction((tx) => ensureChecklist(tx, schoolId))
  const items = (
    await db.reviewChecklistItem.findMany({
      where: { schoolId, archivedAt: null },
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
  ).map((i) => ({ ...i, section: i.section as Section }))
  const now = Date.now()
  const at = (daysAgo: number, hour = 10) => {
    const d = new Date(now - daysAgo * DAY)
    d.setUTCHours(hour, 0, 0, 0)
    return d
  }
  const day = (d: Date) => new Date(`${d.toISOString().slice(0, 10)}T12:00:00Z`)

  // Review 1: the first, signed off about four months ago after one return.
  const started = at(150)
  const submitted = at(141, 15)
  const signedOff = at(138, 9)
  const first = await db.review.create({
    data: {
      schoolId,
      number: 1,
      status: 'SIGNED_OFF',
      dueDate: day(at(135)),
      firstReview: true,
      startedAt: started,
      startedById: manager.id,
      submittedAt: submitted,
      submittedById: manager.id,
      signedOffAt: signedOff,
      signedOffById: head.id,
      signedOffName: head.name,
      signOffComment: 'A clear first review. Please keep the tabletop exercise on the autumn calendar.',
      version: 8,
    },
  })
  const rehearse = 'Do you need to rehearse your plans, for the first time or again?'
  const firstQuestions = questionsFor(items, true)
  await db.reviewAnswer.createMany({
    data: firstQuestions.map((q, position) => ({
      schoolId,
      reviewId: first.id,
      itemId: q.id,
      section: q.section,
      question: q.question,
      key: q.key,
      guidance: q.guidance,
      position,
      answer:
        q.question === rehearse
          ? 'NO'
          : q.section === 'IMPROVE_COUNTERMEASURES' && position % 3 === 0
            ? 'NOT_APPLICABLE'
            : 'YES',
      notes:
        q.question === rehearse ? 'The plan has never been rehearsed: no tabletop exercise held yet.' : '',
      hint: q.key === 'improve.rehearse' ? 'No exercise has been recorded.' : null,
    })),
  })
  const no = await db.reviewAnswer.findFirstOrThrow({ where: { reviewId: first.id, answer: 'NO' } })
  await db.reviewAction.create({
    data: {
      schoolId,
      reviewId: first.id,
      answerId: no.id,
      title: 'Hold a tabletop exercise of a whole-day MIS outage',
      owner: manager.name,
      dueDate: day(at(60)),
      doneAt: at(64, 16),
      version: 2,
    },
  })
  const events = [
    { kind: 'SUBMITTED', byId: manager.id, byName: manager.name, comment: '', at: at(145, 14) },
    {
      kind: 'RETURNED',
      byId: head.id,
      byName: head.name,
      comment: 'Please say who holds the second key to the off-site backup safe.',
      at: at(143, 11),
    },
    {
      kind: 'RESUBMITTED',
      byId: manager.id,
      byName: manager.name,
      comment: 'The bursar holds the second key; the plan now says so.',
      at: submitted,
    },
    {
      kind: 'SIGNED_OFF',
      byId: head.id,
      byName: head.name,
      comment: first.signOffComment ?? '',
      at: signedOff,
    },
  ]
  await db.reviewEvent.createMany({ data: events.map((e) => ({ ...e, schoolId, reviewId: first.id })) })

  // Review 2: in progress, started a week ago, covering what changed since review 1 was submitted.
  const due = nextReviewDue({
    lastSignedOffAt: signedOff,
    startedAt: started,
    schedule: { kind: 'TERMLY', terms: readTerms(school.termDates) },
    timeZone: school.timeZone,
  })
  const second = await db.review.create({
    data: {
      schoolId,
      number: 2,
      status: 'OPEN',
      dueDate: new Date(`${due.due}T12:00:00Z`),
      coversFrom: submitted,
      startedAt: at(7),
      startedById: manager.id,
      version: 2,
    },
  })
  const secondQuestions = questionsFor(items, false)
  await db.reviewAnswer.createMany({
    data: secondQuestions.map((q, position) => ({
      schoolId,
      reviewId: second.id,
      itemId: q.id,
      section: q.section,
      question: q.question,
      key: q.key,
      guidance: q.guidance,
      position,
      answer: q.section === 'KEEP_UP_TO_DATE' ? 'YES' : null,
      notes: position === 0 ? 'The new Wi-Fi access points are recorded as assets.' : '',
    })),
  })
  const audit = (
    reviewId: string,
    name: string,
    action: string,
    when: Date,
    actorId: string,
    after = {},
  ) => ({
    schoolId,
    actorId,
    entity: 'Review',
    entityId: reviewId,
    action,
    at: when,
    after: { name, ...after },
  })
  await db.auditEvent.createMany({
    data: [
      audit(first.id, 'Review 1', 'start', started, manager.id, {
        dueDate: first.dueDate.toISOString().slice(0, 10),
      }),
      audit(first.id, 'Review 1', 'submit', events[0]!.at, manager.id),
      audit(first.id, 'Review 1', 'return', events[1]!.at, head.id, { comment: events[1]!.comment }),
      audit(first.id, 'Review 1', 'resubmit', submitted, manager.id, { comment: events[2]!.comment }),
      audit(first.id, 'Review 1', 'sign-off', signedOff, head.id, { signedOffName: head.name }),
      audit(second.id, 'Review 2', 'start', at(7), manager.id, { dueDate: due.due }),
    ],
  })
  await seedProposal(schoolId, school.timeZone)
  return 2
}

/**
 * Review triggers in the demo: the seeded history is the starting point (the cursor is set a minute
 * ahead, past the overlap evaluations read back), and one vital service loaded with the starter
 * catalogue is shown as a proposal, with the key its audit row gives, so no evaluation proposes it again.
 */
async function seedProposal(schoolId: string, timeZone: string) {
  await db.school.update({
    where: { id: schoolId },
    data: { reviewTriggersCheckedAt: new Date(Date.now() + 60_000) },
  })
  const rows = await db.auditEvent.findMany({
    where: { schoolId, entity: 'Service', action: { in: ['create', 'load-starter'] } },
    orderBy: { at: 'desc' },
    take: 50,
    select: { id: true, at: true, entity: true, entityId: true, action: true, before: true, after: true },
  })
  const [first] = criticalServiceTriggers({ timeZone, events: rows })
  if (first)
    await db.reviewProposal.createMany({
      data: [{ schoolId, ...first }],
      skipDuplicates: true,
    })
}
