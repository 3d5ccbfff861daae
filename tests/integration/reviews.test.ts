import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import {
  addChecklistItemAction,
  addReviewActionAction,
  archiveChecklistItemAction,
  considerChangesAction,
  restoreChecklistItemAction,
  returnReviewAction,
  saveReviewAnswersAction,
  setReviewActionDoneAction,
  signOffReviewAction,
  startReviewAction,
  submitReviewAction,
  updateReviewScheduleAction,
} from '@/lib/reviews/actions'
import { listReviewChanges } from '@/lib/reviews/queries'
import { createServiceAction, updateServiceAction } from '@/lib/services/actions'
import { contextFor, form, makeMember, makeSchool, serviceForm } from '../support/factories'
import { asUser } from '../support/session'

async function setup() {
  const a = await makeSchool('School A')
  const b = await makeSchool('School B')
  const manager = await makeMember(a.id, 'MANAGER')
  const head = await makeMember(a.id, 'HEAD')
  const viewer = await makeMember(a.id, 'VIEWER')
  const managerB = await makeMember(b.id, 'MANAGER')
  const headB = await makeMember(b.id, 'HEAD')
  return {
    a,
    b,
    manager: await contextFor(manager.user.id, a.id),
    head: await contextFor(head.user.id, a.id),
    viewer: await contextFor(viewer.user.id, a.id),
    managerB: await contextFor(managerB.user.id, b.id),
    headB: await contextFor(headB.user.id, b.id),
  }
}
let s: Awaited<ReturnType<typeof setup>>
beforeEach(async () => {
  s = await setup()
  asUser(s.manager)
})

async function start() {
  asUser(s.manager)
  const r = await startReviewAction(null, form({}))
  expect(r.ok).toBe(true)
  return db.review.findFirstOrThrow({
    where: { schoolId: s.a.id },
    orderBy: { number: 'desc' },
    include: { answers: { orderBy: { position: 'asc' } } },
  })
}
const reviewOf = (id: string) => db.review.findUniqueOrThrow({ where: { id } })

/** Answers every question (yes unless given) and marks every changed record considered. */
async function complete(reviewId: string, answers: Record<string, string> = {}) {
  asUser(s.manager)
  const review = await db.review.findUniqueOrThrow({ where: { id: reviewId }, include: { answers: true } })
  const fields: Record<string, string | number> = { reviewId, version: review.version }
  for (const a of review.answers) fields[`a_${a.id}`] = answers[a.id] ?? 'YES'
  for (const [id, v] of Object.entries(answers)) if (v === 'NO') fields[`n_${id}`] = 'Missing'
  expect(await saveReviewAnswersAction(null, form(fields))).toMatchObject({ ok: true })
  const changes = await listReviewChanges(
    s.a.id,
    { ...review, considered: [] },
    { timeZone: 'Europe/London' },
  )
  if (changes.recordCount) {
    const f = new FormData()
    f.set('reviewId', reviewId)
    for (const g of changes.groups) f.append('record[]', g.key)
    expect(await considerChangesAction(null, f)).toMatchObject({ ok: true })
  }
  return reviewOf(reviewId)
}

describe('the schedule', () => {
  it('stores termly or monthly cadence with the school term dates, audited in words', async () => {
    const r = await updateReviewScheduleAction(
      null,
      form({
        version: 1,
        schedule: 'MONTHS',
        months: 6,
        autumnStart: '02/09',
        autumnEnd: '19/12',
        springStart: '5/1',
        springEnd: '27/03',
        summerStart: '13/04',
        summerEnd: '21/07',
        staleDays: 21,
      }),
    )
    expect(r).toEqual({ ok: true, data: { version: 2 } })
    const school = await db.school.findUniqueOrThrow({ where: { id: s.a.id } })
    expect(school).toMatchObject({ reviewSchedule: 'MONTHS', reviewCadenceMonths: 6, planStaleDays: 21 })
    expect(school.termDates).toEqual([
      { name: 'Autumn', start: '09-02', end: '12-19' },
      { name: 'Spring', start: '01-05', end: '03-27' },
      { name: 'Summer', start: '04-13', end: '07-21' },
    ])
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entity: 'ReviewSchedule' } })
    expect(audit.after).toMatchObject({ cadence: 'every 6 months', staleDays: 21 })
  })

  it('refuses a bad date beside its field, a stale version, and other roles', async () => {
    const fields = {
      version: 1,
      schedule: 'TERMLY',
      months: 4,
      autumnStart: '31/02',
      autumnEnd: '19/12',
      springStart: '05/01',
      springEnd: '27/03',
      summerStart: '13/04',
      summerEnd: '21/07',
      staleDays: 21,
    }
    expect(await updateReviewScheduleAction(null, form(fields))).toMatchObject({
      ok: false,
      reason: 'INVALID',
      fieldErrors: { autumnStart: [expect.stringMatching(/day\/month/)] },
    })
    const ok = { ...fields, autumnStart: '01/09' }
    expect((await updateReviewScheduleAction(null, form(ok))).ok).toBe(true)
    expect(await updateReviewScheduleAction(null, form(ok))).toMatchObject({ ok: false, reason: 'STALE' })
    asUser(s.head)
    expect(await updateReviewScheduleAction(null, form({ ...ok, version: 2 }))).toMatchObject({
      reason: 'NOT_FOUND',
    })
  })
})

describe('starting a review and its checklist', () => {
  it('copies the starter checklist with the preparation items on the first review only', async () => {
    const first = await start()
    expect(first).toMatchObject({ number: 1, status: 'OPEN', firstReview: true, coversFrom: null })
    expect(first.answers).toHaveLength(25)
    expect(first.answers.filter((a) => a.section === 'PREPARATION')).toHaveLength(6)
    // Terms by default: a school created now is due at the end of the current or next English term.
    expect(first.dueDate.getUTCFullYear()).toBeGreaterThanOrEqual(new Date().getUTCFullYear())
    expect(await startReviewAction(null, form({}))).toMatchObject({ ok: false, reason: 'CONFLICT' })
  })

  it('asks a question the school added, and not one it retired', async () => {
    expect(
      await addChecklistItemAction(
        null,
        form({ section: 'IMPROVE_PLAN', question: 'Is the paper copy in the safe current?', guidance: '' }),
      ),
    ).toMatchObject({ ok: true })
    const retire = await db.reviewChecklistItem.findFirstOrThrow({
      where: { schoolId: s.a.id, question: { startsWith: 'Can you add' } },
    })
    expect((await archiveChecklistItemAction(null, form({ id: retire.id, version: 1 }))).ok).toBe(true)
    const review = await start()
    const questions = review.answers.map((a) => a.question)
    expect(questions).toContain('Is the paper copy in the safe current?')
    expect(questions).not.toContain(retire.question)
    expect((await restoreChecklistItemAction(null, form({ id: retire.id, version: 2 }))).ok).toBe(true)
    // Another school's question is not found.
    asUser(s.managerB)
    expect(await archiveChecklistItemAction(null, form({ id: retire.id, version: 3 }))).toMatchObject({
      reason: 'NOT_FOUND',
    })
  })

  it('saves answers by version, needs a note for a no, and turns a no into an action tracked to done', async () => {
    const review = await start()
    const [q1, q2] = review.answers
    const noNote = await saveReviewAnswersAction(
      null,
      form({ reviewId: review.id, version: 1, [`a_${q1!.id}`]: 'NO', [`a_${q2!.id}`]: 'YES' }),
    )
    expect(noNote).toMatchObject({
      ok: false,
      reason: 'INVALID',
      fieldErrors: { [`n_${q1!.id}`]: [expect.any(String)] },
    })
    const saved = await saveReviewAnswersAction(
      null,
      form({
        reviewId: review.id,
        version: 1,
        [`a_${q1!.id}`]: 'NO',
        [`n_${q1!.id}`]: 'Standby is old',
        [`a_${q2!.id}`]: 'NOT_APPLICABLE',
      }),
    )
    expect(saved).toEqual({ ok: true, data: { version: 2 } })
    expect(await db.reviewAnswer.findUniqueOrThrow({ where: { id: q1!.id } })).toMatchObject({
      answer: 'NO',
      notes: 'Standby is old',
    })
    expect(
      await saveReviewAnswersAction(null, form({ reviewId: review.id, version: 1, [`a_${q2!.id}`]: 'YES' })),
    ).toMatchObject({ ok: false, reason: 'STALE' })

    const action = await addReviewActionAction(
      null,
      form({
        reviewId: review.id,
        answerId: q1!.id,
        title: 'Upgrade the standby',
        owner: 'Sam',
        dueDate: '2027-01-31',
      }),
    )
    expect(action.ok).toBe(true)
    expect(
      await addReviewActionAction(
        null,
        form({ reviewId: review.id, answerId: q2!.id, title: 'X', owner: 'Sam', dueDate: '2027-01-31' }),
      ),
    ).toMatchObject({ ok: false, reason: 'CONFLICT' })
    const stored = await db.reviewAction.findFirstOrThrow({ where: { reviewId: review.id } })
    expect(stored).toMatchObject({ title: 'Upgrade the standby', owner: 'Sam', doneAt: null })
    expect((await setReviewActionDoneAction(null, form({ id: stored.id, version: 1, done: 'yes' }))).ok).toBe(
      true,
    )
    expect((await db.reviewAction.findUniqueOrThrow({ where: { id: stored.id } })).doneAt).not.toBeNull()
    expect(
      await setReviewActionDoneAction(null, form({ id: stored.id, version: 1, done: 'no' })),
    ).toMatchObject({
      reason: 'STALE',
    })
    asUser(s.managerB)
    expect(
      await setReviewActionDoneAction(null, form({ id: stored.id, version: 2, done: 'no' })),
    ).toMatchObject({
      reason: 'NOT_FOUND',
    })
    expect(
      await saveReviewAnswersAction(null, form({ reviewId: review.id, version: 2, [`a_${q2!.id}`]: 'YES' })),
    ).toMatchObject({ reason: 'NOT_FOUND' })
  })
})

describe('what changed, submitting and signing off', () => {
  it('lists changes since the last signed-off review grouped by record, and needs each considered before submitting', async () => {
    await createServiceAction(null, serviceForm({ name: 'Wi-Fi' }))
    const review = await start()
    const changes = await listReviewChanges(
      s.a.id,
      { ...review, considered: [] },
      { timeZone: 'Europe/London' },
    )
    expect(changes.recordCount).toBe(1)
    expect(changes.groups[0]).toMatchObject({ entity: 'Service', name: 'Wi-Fi', considered: false })
    expect(changes.groups[0]!.entries[0]!.sentence).toMatch(/added the service Wi-Fi/)

    const fields: Record<string, string | number> = { reviewId: review.id, version: 1 }
    for (const a of review.answers) fields[`a_${a.id}`] = 'YES'
    expect((await saveReviewAnswersAction(null, form(fields))).ok).toBe(true)
    expect(
      await submitReviewAction(null, form({ reviewId: review.id, version: 2, comment: '' })),
    ).toMatchObject({
      ok: false,
      reason: 'CONFLICT',
      message: expect.stringMatching(/1 record is not marked/),
    })
    const bogus = new FormData()
    bogus.set('reviewId', review.id)
    bogus.append('record[]', 'Service:not-a-change')
    expect(await considerChangesAction(null, bogus)).toMatchObject({ reason: 'NOT_FOUND' })
    const f = new FormData()
    f.set('reviewId', review.id)
    f.append('record[]', changes.groups[0]!.key)
    expect(await considerChangesAction(null, f)).toMatchObject({ ok: true, data: { considered: 1 } })
    expect(
      await submitReviewAction(null, form({ reviewId: review.id, version: 2, comment: '' })),
    ).toMatchObject({
      ok: true,
    })
    expect((await reviewOf(review.id)).status).toBe('SUBMITTED')
  })

  it('refuses to submit with questions unanswered', async () => {
    const review = await start()
    expect(
      await submitReviewAction(null, form({ reviewId: review.id, version: 1, comment: '' })),
    ).toMatchObject({
      reason: 'CONFLICT',
      message: expect.stringMatching(/25 of 25/),
    })
  })

  it('goes submit -> return -> resubmit -> sign off, then nothing changes and the next covers only later changes', async () => {
    await createServiceAction(null, serviceForm({ name: 'MIS' }))
    const review = await start()
    let r = await complete(review.id)
    expect(
      (await submitReviewAction(null, form({ reviewId: review.id, version: r.version, comment: '' }))).ok,
    ).toBe(true)
    r = await reviewOf(review.id)

    // Only the head teacher decides; the manager cannot sign off, nor can another school's head.
    expect(
      await signOffReviewAction(
        null,
        form({ reviewId: review.id, version: r.version, name: 'M', comment: '' }),
      ),
    ).toMatchObject({ reason: 'NOT_FOUND' })
    asUser(s.viewer)
    expect(
      await returnReviewAction(null, form({ reviewId: review.id, version: r.version, comment: 'x' })),
    ).toMatchObject({
      reason: 'NOT_FOUND',
    })
    asUser(s.headB)
    expect(
      await signOffReviewAction(
        null,
        form({ reviewId: review.id, version: r.version, name: 'H', comment: '' }),
      ),
    ).toMatchObject({ reason: 'NOT_FOUND' })

    asUser(s.head)
    expect(
      await returnReviewAction(null, form({ reviewId: review.id, version: r.version, comment: '' })),
    ).toMatchObject({
      reason: 'INVALID',
      fieldErrors: { comment: [expect.any(String)] },
    })
    expect(
      await returnReviewAction(
        null,
        form({ reviewId: review.id, version: r.version, comment: 'Say more about backups.' }),
      ),
    ).toMatchObject({ ok: true })
    r = await reviewOf(review.id)
    expect(r.status).toBe('RETURNED')

    asUser(s.manager)
    expect(
      await submitReviewAction(null, form({ reviewId: review.id, version: r.version, comment: '' })),
    ).toMatchObject({
      reason: 'INVALID',
      fieldErrors: { comment: [expect.any(String)] },
    })
    expect(
      await submitReviewAction(
        null,
        form({ reviewId: review.id, version: r.version, comment: 'Added the restore test.' }),
      ),
    ).toMatchObject({ ok: true })
    r = await reviewOf(review.id)

    asUser(s.head)
    expect(
      await signOffReviewAction(
        null,
        form({ reviewId: review.id, version: r.version - 1, name: 'Ann Head', comment: '' }),
      ),
    ).toMatchObject({ reason: 'STALE' })
    expect(
      await signOffReviewAction(
        null,
        form({ reviewId: review.id, version: r.version, name: 'Ann Head', comment: 'Good.' }),
      ),
    ).toMatchObject({ ok: true })
    r = await reviewOf(review.id)
    expect(r).toMatchObject({ status: 'SIGNED_OFF', signedOffName: 'Ann Head', signOffComment: 'Good.' })
    const events = await db.reviewEvent.findMany({ where: { reviewId: review.id }, orderBy: { at: 'asc' } })
    expect(events.map((e) => e.kind)).toEqual(['SUBMITTED', 'RETURNED', 'RESUBMITTED', 'SIGNED_OFF'])
    expect(events.map((e) => e.comment)).toEqual([
      '',
      'Say more about backups.',
      'Added the restore test.',
      'Good.',
    ])
    const audit = await db.auditEvent.findMany({
      where: { entity: 'Review', entityId: review.id },
      orderBy: { at: 'asc' },
    })
    expect(audit.map((e) => e.action)).toEqual([
      'start',
      'answer',
      'consider',
      'submit',
      'return',
      'resubmit',
      'sign-off',
    ])

    // Signed off: immutable, for everyone.
    expect(
      await signOffReviewAction(
        null,
        form({ reviewId: review.id, version: r.version, name: 'Again', comment: '' }),
      ),
    ).toMatchObject({ reason: 'CONFLICT' })
    asUser(s.manager)
    const answer = await db.reviewAnswer.findFirstOrThrow({ where: { reviewId: review.id } })
    expect(
      await saveReviewAnswersAction(
        null,
        form({ reviewId: review.id, version: r.version, [`a_${answer.id}`]: 'NO', [`n_${answer.id}`]: 'x' }),
      ),
    ).toMatchObject({ reason: 'CONFLICT', message: expect.stringMatching(/signed off/) })
    expect(
      await submitReviewAction(null, form({ reviewId: review.id, version: r.version, comment: 'x' })),
    ).toMatchObject({
      reason: 'CONFLICT',
    })
    expect(
      await addReviewActionAction(
        null,
        form({ reviewId: review.id, answerId: answer.id, title: 'x', owner: 'y', dueDate: '2027-01-01' }),
      ),
    ).toMatchObject({ reason: 'CONFLICT' })
    expect(await db.reviewAnswer.findUniqueOrThrow({ where: { id: answer.id } })).toMatchObject({
      answer: 'YES',
    })

    // The next review: not the first, covers only what changed since this one was submitted.
    const mis = await db.service.findFirstOrThrow({ where: { schoolId: s.a.id, name: 'MIS' } })
    await updateServiceAction(null, serviceForm({ id: mis.id, version: mis.version, name: 'MIS (Arbor)' }))
    const next = await start()
    expect(next).toMatchObject({ number: 2, firstReview: false })
    expect(next.answers.some((a) => a.section === 'PREPARATION')).toBe(false)
    const changes = await listReviewChanges(
      s.a.id,
      { ...next, considered: [] },
      { timeZone: 'Europe/London' },
    )
    expect(changes.recordCount).toBe(1)
    expect(changes.entries.map((e) => e.action)).toEqual(['update'])
  })

  it('refuses a head teacher signing off a review they submitted themselves', async () => {
    const review = await start()
    const r = await complete(review.id)
    expect(
      (await submitReviewAction(null, form({ reviewId: review.id, version: r.version, comment: '' }))).ok,
    ).toBe(true)
    // The manager who submitted it has since become the head teacher.
    await db.membership.update({
      where: { userId_schoolId: { userId: s.manager.userId, schoolId: s.a.id } },
      data: { role: 'HEAD' },
    })
    asUser({ ...s.manager, role: 'HEAD' })
    expect(
      await signOffReviewAction(
        null,
        form({ reviewId: review.id, version: r.version + 1, name: 'Me', comment: '' }),
      ),
    ).toMatchObject({ ok: false, reason: 'CONFLICT', message: expect.stringMatching(/You submitted/) })
    expect((await reviewOf(review.id)).status).toBe('SUBMITTED')
  })
})
