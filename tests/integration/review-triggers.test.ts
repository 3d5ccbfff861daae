/*
 * Review triggers (issue 12, item 5) and what the portal knows beside the checklist (item 2), against a
 * real database: proposals evaluated as the manager or head loads the page, never twice for one cause,
 * started as a review triggered by a change or dismissed with a reason for good; every action refused
 * where it must be; and the reviews page's query count does not grow with proposals and changes.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { getDashboard } from '@/lib/dashboard/queries'
import { countQueries, db } from '@/lib/db'
import { formatDate } from '@/lib/format'
import { changeRoleAction } from '@/lib/people/actions'
import {
  considerChangesAction,
  dismissReviewProposalAction,
  saveReviewAnswersAction,
  startProposedReviewAction,
  startReviewAction,
  submitReviewAction,
} from '@/lib/reviews/actions'
import {
  evaluateReviewTriggers,
  getReview,
  getReviewDue,
  getReviewHints,
  getReviewPanel,
  listDecidedProposals,
  listOpenProposals,
  listOpenReviewActions,
  listReviewChanges,
  listReviews,
} from '@/lib/reviews/queries'
import { createServiceAction, updateServiceAction } from '@/lib/services/actions'
import { createMemberAction } from '@/lib/team/actions'
import { ensureBuiltInRoles } from '@/lib/team/mutations'
import { seed } from '@/prisma/seed'
import { contextFor, form, makeMember, makeSchool, serviceForm } from '../support/factories'
import { asUser } from '../support/session'
import { getSchoolDataVersion } from '../support/versions'

const TZ = 'Europe/London'
const today = () => formatDate(new Date(), TZ)

async function setup() {
  const a = await makeSchool('School A')
  const b = await makeSchool('School B')
  const manager = await makeMember(a.id, 'MANAGER')
  const head = await makeMember(a.id, 'HEAD')
  const viewer = await makeMember(a.id, 'VIEWER')
  const team = await makeMember(a.id, 'TEAM')
  const managerB = await makeMember(b.id, 'MANAGER')
  return {
    a,
    b,
    teamMembership: team.membership,
    teamName: team.user.name,
    manager: await contextFor(manager.user.id, a.id),
    head: await contextFor(head.user.id, a.id),
    viewer: await contextFor(viewer.user.id, a.id),
    team: await contextFor(team.user.id, a.id),
    managerB: await contextFor(managerB.user.id, b.id),
  }
}
let s: Awaited<ReturnType<typeof setup>>
beforeEach(async () => {
  s = await setup()
  asUser(s.manager)
})

/** What the manager sees on loading the dashboard: the triggers evaluated, then the open proposals. */
async function load(schoolId = s.a.id) {
  return (await getReviewPanel(schoolId, 'MANAGER')).proposals ?? []
}
const proposals = (schoolId = s.a.id) =>
  db.reviewProposal.findMany({ where: { schoolId }, orderBy: { createdAt: 'asc' } })

async function addService(name: string, criticality: number) {
  const r = await createServiceAction(null, serviceForm({ name, criticality }))
  expect(r.ok, JSON.stringify(r)).toBe(true)
  return db.service.findFirstOrThrow({ where: { schoolId: s.a.id, name } })
}

describe('evaluating the triggers', () => {
  it('starts from the first load when no review was ever signed off, proposing nothing from the past', async () => {
    await addService('Wi-Fi', 1)
    expect(await load()).toEqual([])
    expect(
      (await db.school.findUniqueOrThrow({ where: { id: s.a.id } })).reviewTriggersCheckedAt,
    ).not.toBeNull()
  })

  it('proposes a review when a service is raised to vital, once, and only in its school', async () => {
    await load()
    const wifi = await addService('Wi-Fi', 3)
    expect(await load()).toEqual([]) // a medium service added: nothing
    const r = await updateServiceAction(
      null,
      serviceForm({ name: 'Wi-Fi', criticality: 1, id: wifi.id, version: 1 }),
    )
    expect(r.ok).toBe(true)
    const open = await load()
    expect(open.map((p) => [p.kind, p.reason])).toEqual([
      ['CRITICAL_SERVICE', `The service Wi-Fi was raised from medium to vital on ${today()}.`],
    ])
    const [stored] = await proposals()
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { schoolId: s.a.id, entity: 'Service', entityId: wifi.id, action: 'update' },
    })
    expect(stored).toMatchObject({
      status: 'OPEN',
      auditEventIds: [audit.id],
      causeKey: `SERVICE:${audit.id}`,
    })
    // Loaded again, and with the cursor wound back: the same cause never proposes twice.
    await load()
    await db.school.update({ where: { id: s.a.id }, data: { reviewTriggersCheckedAt: new Date(0) } })
    await load()
    expect(await proposals()).toHaveLength(1)
    expect(await load(s.b.id)).toEqual([])
    expect(await proposals(s.b.id)).toEqual([])
  })

  it('proposes when a vital service is added or a high service’s RTO changes', async () => {
    await load()
    await addService('Payments', 1)
    const phones = await addService('Phones', 2)
    await load()
    await updateServiceAction(
      null,
      serviceForm({
        name: 'Phones',
        criticality: 2,
        rtoValue: 1,
        rtoUnit: 'hours',
        id: phones.id,
        version: 1,
      }),
    )
    const reasons = (await load()).map((p) => p.reason).sort()
    expect(reasons).toEqual([
      `The high service Phones had its recovery time objective changed from 4 hours to 1 hour on ${today()}.`,
      `The service Payments was added as vital on ${today()}.`,
      `The service Phones was added as high on ${today()}.`,
    ])
  })

  it('proposes when a member becomes head teacher or a team member takes on the continuity manager role', async () => {
    await ensureBuiltInRoles(db, s.a.id)
    await load()
    const r = await changeRoleAction(
      null,
      form({ membershipId: s.teamMembership.id, role: 'HEAD', version: s.teamMembership.version }),
    )
    expect(r.ok, JSON.stringify(r)).toBe(true)
    const cm = await db.recoveryRole.findFirstOrThrow({
      where: { schoolId: s.a.id, builtIn: 'CONTINUITY_MANAGER' },
    })
    const m = await createMemberAction(
      null,
      form({ name: 'Ann Other', systemAccess: 'yes', [`role_${cm.id}`]: 'yes' }),
    )
    expect(m.ok, JSON.stringify(m)).toBe(true)
    expect((await load()).map((p) => p.reason).sort()).toEqual([
      `Ann Other took on the service continuity manager role in the recovery team on ${today()}.`,
      `${s.teamName} became head teacher on ${today()}.`,
    ])
  })

  it('proposes when the approved plan has been out of date for more than the set days', async () => {
    const DAY = 86_400_000
    const approvedAt = new Date(Date.now() - 30 * DAY)
    const v = await db.planVersion.create({
      data: {
        schoolId: s.a.id,
        number: 3,
        snapshot: {},
        fingerprint: `fp-${s.a.id}`,
        sourceVersion: 0,
        status: 'APPROVED',
        publishedAt: approvedAt,
        publishedByName: 'M',
        decidedAt: approvedAt,
      },
    })
    await addService('Printing', 4) // moves the plan source version: the plan is out of date
    await db.auditEvent.updateMany({
      where: { schoolId: s.a.id, entity: 'Service' },
      data: { at: new Date(Date.now() - 20 * DAY) },
    })
    await db.school.update({ where: { id: s.a.id }, data: { planStaleDays: 21 } })
    expect(await load()).toEqual([])
    await db.school.update({ where: { id: s.a.id }, data: { planStaleDays: 14 } })
    const [p] = await load()
    expect(p).toMatchObject({ kind: 'PLAN_STALE' })
    expect(p!.reason).toMatch(
      /^The plan has been out of date for 20 days: it changed on .*, after version 3 was approved\.$/,
    )
    expect((await proposals())[0]!.causeKey).toBe(`PLAN_STALE:${v.id}`)
  })

  it('leaves out proposals raised before the last signed-off review was submitted', async () => {
    await load()
    await addService('Wi-Fi', 1)
    await load()
    const submittedAt = new Date(Date.now() + 1000)
    await db.review.create({
      data: {
        schoolId: s.a.id,
        number: 1,
        status: 'SIGNED_OFF',
        dueDate: new Date(),
        submittedAt,
        signedOffAt: submittedAt,
      },
    })
    expect(await load()).toEqual([])
  })

  it('shows proposals on the cached dashboard to the manager, and moving the cursor keeps the cache', async () => {
    const dashboard = (role: 'MANAGER' | 'HEAD' | 'VIEWER') =>
      getDashboard({ schoolId: s.a.id, role, timeZone: TZ })
    expect((await dashboard('MANAGER')).reviewDue?.proposals).toEqual([])
    const { dataVersion } = await getSchoolDataVersion(s.a.id)
    await db.school.update({ where: { id: s.a.id }, data: { reviewTriggersCheckedAt: new Date() } })
    expect((await getSchoolDataVersion(s.a.id)).dataVersion).toBe(dataVersion)
    await addService('Wi-Fi', 1)
    const reasons = (await dashboard('MANAGER')).reviewDue?.proposals?.map((p) => p.reason)
    expect(reasons).toEqual([`The service Wi-Fi was added as vital on ${today()}.`])
    expect((await dashboard('HEAD')).reviewDue?.proposals).toHaveLength(1)
    expect((await dashboard('VIEWER')).reviewDue?.proposals).toBeUndefined()
    // Dismissed: the next dashboard shows it gone (the proposal's write moved the data version).
    const [p] = await proposals()
    await dismissReviewProposalAction(null, form({ id: p!.id, version: 1, reason: 'A correction.' }))
    expect((await dashboard('MANAGER')).reviewDue?.proposals).toEqual([])
  })

  it('evaluates for the manager and the head teacher only', async () => {
    await load()
    await addService('Wi-Fi', 1)
    expect((await getReviewPanel(s.a.id, 'VIEWER')).proposals).toBeUndefined()
    expect(await proposals()).toHaveLength(0)
    expect((await getReviewPanel(s.a.id, 'HEAD')).proposals).toHaveLength(1)
  })
})

describe('the demo', () => {
  it('seeds one proposal, and its history is the starting point: loading proposes nothing more', async () => {
    await seed()
    const demo = await db.school.findFirstOrThrow({ where: { urn: '100001' } })
    const seeded = await proposals(demo.id)
    expect(seeded).toHaveLength(1)
    expect(seeded[0]!.reason).toMatch(
      /^The service .* was added from the starter catalogue as (vital|high) on /,
    )
    const open = await load(demo.id)
    expect(open.map((p) => p.id)).toEqual([seeded[0]!.id])
    expect(await proposals(demo.id)).toHaveLength(1)
  })
})

describe('starting and dismissing a proposal', () => {
  async function twoProposals() {
    await load()
    await addService('Wi-Fi', 1)
    await addService('Payments', 2)
    const open = await load()
    expect(open).toHaveLength(2)
    return open
  }

  it('starts a review triggered by a change, noting its reason, audited', async () => {
    const [p, other] = await twoProposals()
    const r = await startProposedReviewAction(null, form({ id: p!.id, version: p!.version }))
    expect(r).toMatchObject({ ok: true })
    const review = await db.review.findFirstOrThrow({
      where: { schoolId: s.a.id },
      include: { answers: true },
    })
    expect(review).toMatchObject({ kind: 'CHANGE_TRIGGERED', reason: p!.reason, status: 'OPEN', number: 1 })
    expect(review.answers.length).toBeGreaterThan(0)
    expect(await db.reviewProposal.findUniqueOrThrow({ where: { id: p!.id } })).toMatchObject({
      status: 'STARTED',
      reviewId: review.id,
      decidedById: s.manager.userId,
      version: 2,
    })
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { entity: 'ReviewProposal', entityId: p!.id },
    })
    expect(audit).toMatchObject({ action: 'start', actorId: s.manager.userId })
    expect(audit.after).toMatchObject({ name: p!.reason, review: 'Review 1' })
    // The other proposal stays open, shown, but starting it is refused: the open review covers it.
    expect((await load()).map((x) => x.id)).toEqual([other!.id])
    expect(await startProposedReviewAction(null, form({ id: other!.id, version: 1 }))).toMatchObject({
      ok: false,
      reason: 'CONFLICT',
      message: expect.stringMatching(/Review 1 is not signed off yet/),
    })
    // A started proposal cannot be started or dismissed again.
    expect(await startProposedReviewAction(null, form({ id: p!.id, version: 2 }))).toMatchObject({
      reason: 'CONFLICT',
    })
    expect(
      await dismissReviewProposalAction(null, form({ id: p!.id, version: 2, reason: 'x' })),
    ).toMatchObject({
      reason: 'CONFLICT',
    })
  })

  it('dismisses with a required reason, for good', async () => {
    const [p] = await twoProposals()
    const empty = await dismissReviewProposalAction(null, form({ id: p!.id, version: 1, reason: '  ' }))
    expect(empty).toMatchObject({
      ok: false,
      reason: 'INVALID',
      fieldErrors: { reason: ['Say why no review is needed for this.'] },
      values: { reason: '  ' },
    })
    const ok = await dismissReviewProposalAction(
      null,
      form({ id: p!.id, version: 1, reason: 'The change was a correction.' }),
    )
    expect(ok).toEqual({ ok: true, data: { version: 2 } })
    expect(await db.reviewProposal.findUniqueOrThrow({ where: { id: p!.id } })).toMatchObject({
      status: 'DISMISSED',
      dismissReason: 'The change was a correction.',
      decidedById: s.manager.userId,
    })
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { entity: 'ReviewProposal', entityId: p!.id },
    })
    expect(audit).toMatchObject({ action: 'dismiss' })
    expect(audit.after).toMatchObject({ name: p!.reason, reason: 'The change was a correction.' })
    // It does not come back, even when the trail is read again from the start.
    await db.school.update({ where: { id: s.a.id }, data: { reviewTriggersCheckedAt: new Date(0) } })
    const open = await load()
    expect(open.map((x) => x.id)).not.toContain(p!.id)
    expect(await proposals()).toHaveLength(2)
    expect((await listDecidedProposals(s.a.id)).map((x) => x.id)).toEqual([p!.id])
    // A stale version is refused as such.
    const [q] = open
    await dismissReviewProposalAction(null, form({ id: q!.id, version: 1, reason: 'a' }))
    expect(
      await dismissReviewProposalAction(null, form({ id: q!.id, version: 1, reason: 'b' })),
    ).toMatchObject({
      reason: 'STALE',
    })
  })

  it('refuses other roles and other schools as not found, changing nothing', async () => {
    const [p] = await twoProposals()
    for (const ctx of [s.head, s.viewer, s.team, s.managerB]) {
      asUser(ctx)
      expect(await startProposedReviewAction(null, form({ id: p!.id, version: 1 }))).toMatchObject({
        ok: false,
        reason: 'NOT_FOUND',
      })
      expect(
        await dismissReviewProposalAction(null, form({ id: p!.id, version: 1, reason: 'No.' })),
      ).toMatchObject({
        ok: false,
        reason: 'NOT_FOUND',
      })
    }
    asUser(null)
    expect(await startProposedReviewAction(null, form({ id: p!.id, version: 1 }))).toMatchObject({
      reason: 'UNAUTHENTICATED',
    })
    expect(await db.reviewProposal.findUniqueOrThrow({ where: { id: p!.id } })).toMatchObject({
      status: 'OPEN',
      version: 1,
    })
    expect(await db.review.count({ where: { schoolId: s.a.id } })).toBe(0)
  })
})

describe('what the portal knows beside the questions', () => {
  it('gives starter questions their keys and hints, keeps them when submitted, and none for the school’s own', async () => {
    await addService('Wi-Fi', 1)
    // The starter checklist is copied with its keys when the first review starts.
    expect((await startReviewAction(null, form({}))).ok).toBe(true)
    const items = await db.reviewChecklistItem.findMany({ where: { schoolId: s.a.id } })
    expect(items.every((i) => i.key)).toBe(true)
    const reviewRow = await db.review.findFirstOrThrow({ where: { schoolId: s.a.id } })
    const own = await db.reviewAnswer.create({
      data: {
        schoolId: s.a.id,
        reviewId: reviewRow.id,
        section: 'IMPROVE_PLAN',
        question: 'Is the safe copy current?',
        position: 99,
      },
    })
    const review = (await getReview(s.a.id, reviewRow.id))!
    const changes = await listReviewChanges(s.a.id, review, { timeZone: TZ })
    const hints = await getReviewHints(s.a.id, review, { timeZone: TZ, changed: changes.byEntity })
    const byKey = (key: string) => hints[review.answers.find((a) => a.key === key)!.id]
    expect(byKey('improve.adequate')).toBe('1 service has no contingency plan.')
    expect(byKey('keep.services')).toBe('1 service changed since the last review.')
    expect(byKey('improve.rehearse')).toBe('No exercise has been recorded.')
    expect(byKey('prepare.roles')).toBe('Nobody holds the service continuity manager role yet.')
    expect(hints[own.id]).toBeUndefined()

    // Submitted: each answer keeps what the portal knew then.
    const fields: Record<string, string | number> = { reviewId: review.id, version: review.version }
    for (const a of [...review.answers, own]) fields[`a_${a.id}`] = 'YES'
    expect(await saveReviewAnswersAction(null, form(fields))).toMatchObject({ ok: true })
    const f = new FormData()
    f.set('reviewId', review.id)
    for (const g of changes.groups) f.append('record[]', g.key)
    expect(await considerChangesAction(null, f)).toMatchObject({ ok: true })
    const submit = await submitReviewAction(
      null,
      form({ reviewId: review.id, version: review.version + 1, comment: '' }),
    )
    expect(submit).toMatchObject({ ok: true })
    const stored = await db.reviewAnswer.findMany({ where: { reviewId: review.id } })
    const adequate = stored.find((a) => a.key === 'improve.adequate')!
    expect(adequate.hint).toBe('1 service has no contingency plan.')
    expect(stored.find((a) => a.id === own.id)!.hint).toBeNull()
    expect(stored.filter((a) => a.key === 'counter.financial').every((a) => a.hint === null)).toBe(true)
    // After submission the page shows what was kept, not what the portal knows now.
    await addService('Payments', 1)
    const after = (await getReview(s.a.id, review.id))!
    const kept = await getReviewHints(s.a.id, after, { timeZone: TZ, changed: {} })
    expect(kept[adequate.id]).toBe('1 service has no contingency plan.')
  })
})

describe('query counts', () => {
  /** The reviews page as the manager loads it: due date, triggers evaluated, proposals, reviews, actions. */
  async function reviewsPage(schoolId: string) {
    const due = await getReviewDue(schoolId)
    await evaluateReviewTriggers(schoolId, due)
    return Promise.all([
      listOpenProposals(schoolId, due),
      listDecidedProposals(schoolId),
      listReviews(schoolId),
      listOpenReviewActions(schoolId),
    ])
  }

  /** A school with `n` vital services added since the last evaluation, and `n` proposals already decided. */
  async function schoolWith(n: number) {
    const school = await makeSchool()
    const manager = await makeMember(school.id, 'MANAGER')
    await ensureBuiltInRoles(db, school.id)
    await db.school.update({
      where: { id: school.id },
      data: { reviewTriggersCheckedAt: new Date(Date.now() - 3_600_000) },
    })
    for (let i = 0; i < n; i++) {
      await db.auditEvent.create({
        data: {
          schoolId: school.id,
          entity: 'Service',
          entityId: `svc${i}`,
          action: 'create',
          after: { name: `Service ${i}`, criticality: 1, rtoMinutes: 60 },
        },
      })
      await db.auditEvent.create({
        data: {
          schoolId: school.id,
          actorId: manager.user.id,
          entity: 'Membership',
          entityId: manager.membership.id,
          action: 'update',
          before: { email: 'x@y.z', role: 'TEAM' },
          after: { email: 'x@y.z', role: i % 2 ? 'HEAD' : 'MANAGER' },
        },
      })
      await db.reviewProposal.create({
        data: {
          schoolId: school.id,
          kind: 'CRITICAL_SERVICE',
          reason: 'r',
          causeKey: `old${i}`,
          status: 'DISMISSED',
          decidedAt: new Date(),
        },
      })
    }
    return school.id
  }

  it('does not grow with changes and proposals', async () => {
    const small = await schoolWith(2)
    const large = await schoolWith(40)
    const a = await countQueries(() => reviewsPage(small))
    const b = await countQueries(() => reviewsPage(large))
    expect(await db.reviewProposal.count({ where: { schoolId: large, status: 'OPEN' } })).toBe(80)
    expect(b.queries).toBe(a.queries)
    // Loaded again (nothing new to propose): still the same.
    const c = await countQueries(() => reviewsPage(small))
    const d = await countQueries(() => reviewsPage(large))
    expect(d.queries).toBe(c.queries)
  })
})
