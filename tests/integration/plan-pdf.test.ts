/*
 * The PDF routes (issue 11 item 5, issue 12 item 6) against a real database: who may download what, and
 * that what comes back is a PDF carrying the version's fingerprint. The version rows are inserted directly
 * with a made-up snapshot (tests/support/plan-snapshot.ts) and its real fingerprint.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { GET as packGet } from '@/app/(app)/plan/versions/[number]/pack/route'
import { GET as pdfGet } from '@/app/(app)/plan/versions/[number]/pdf/route'
import { GET as reportGet } from '@/app/(app)/reviews/[id]/report/route'
import { db } from '@/lib/db'
import type { Prisma } from '@/lib/generated/prisma/client'
import { fingerprint, type PlanSnapshot } from '@/lib/plan/snapshot'
import {
  addReviewActionAction,
  considerChangesAction,
  returnReviewAction,
  saveReviewAnswersAction,
  signOffReviewAction,
  startReviewAction,
  submitReviewAction,
} from '@/lib/reviews/actions'
import { listReviewChanges } from '@/lib/reviews/queries'
import { createServiceAction } from '@/lib/services/actions'
import { contextFor, form, makeMember, makeSchool, serviceForm } from '../support/factories'
import { pdfText } from '../support/pdf-text'
import { makeSnapshot } from '../support/plan-snapshot'
import { asUser } from '../support/session'

type Ctx = Awaited<ReturnType<typeof contextFor>>
let s: {
  a: { id: string }
  b: { id: string }
  manager: Ctx
  head: Ctx
  team: Ctx
  teamNoRecord: Ctx
  viewer: Ctx
  managerB: Ctx
  teamMemberId: string
  snapshot: PlanSnapshot
  print: string
}

/** A snapshot whose third member is the team user's own team member record. */
function snapshotFor(schoolId: string, teamMemberId: string, version: number): PlanSnapshot {
  const made = makeSnapshot({ services: 4, schoolId, version })
  return JSON.parse(JSON.stringify(made).replaceAll('"member-2"', JSON.stringify(teamMemberId)))
}

async function insertVersion(schoolId: string, snapshot: PlanSnapshot, status: 'APPROVED' | 'SUBMITTED') {
  const print = fingerprint(snapshot)
  await db.planVersion.create({
    data: {
      schoolId,
      number: snapshot.version,
      snapshot: snapshot as unknown as Prisma.InputJsonValue,
      fingerprint: print,
      sourceVersion: 0,
      status,
      publishedByName: 'Sam Manager',
      ...(status === 'APPROVED' ? { decidedAt: new Date(), decidedByName: 'Alex Head' } : {}),
    },
  })
  return print
}

beforeAll(async () => {
  const a = await makeSchool('School A')
  const b = await makeSchool('School B')
  const manager = await makeMember(a.id, 'MANAGER')
  const head = await makeMember(a.id, 'HEAD')
  const team = await makeMember(a.id, 'TEAM')
  const teamNoRecord = await makeMember(a.id, 'TEAM')
  const viewer = await makeMember(a.id, 'VIEWER')
  const managerB = await makeMember(b.id, 'MANAGER')
  const record = await db.teamMember.create({
    data: {
      schoolId: a.id,
      name: 'Member 03 Okafor',
      membershipId: team.membership.id,
      mobile: '07700 910002',
    },
  })
  const snapshot = snapshotFor(a.id, record.id, 1)
  const print = await insertVersion(a.id, snapshot, 'APPROVED')
  // School B has a version 1 of its own: asking for "version 1" in school A must never reach it.
  await insertVersion(
    b.id,
    makeSnapshot({ services: 1, schoolId: b.id, schoolName: 'School B' }),
    'SUBMITTED',
  )
  // A version only School B has: not found from School A.
  await insertVersion(b.id, makeSnapshot({ services: 1, schoolId: b.id, version: 7 }), 'SUBMITTED')
  s = {
    a,
    b,
    manager: await contextFor(manager.user.id, a.id),
    head: await contextFor(head.user.id, a.id),
    team: await contextFor(team.user.id, a.id),
    teamNoRecord: await contextFor(teamNoRecord.user.id, a.id),
    viewer: await contextFor(viewer.user.id, a.id),
    managerB: await contextFor(managerB.user.id, b.id),
    teamMemberId: record.id,
    snapshot,
    print,
  }
})

const params = <T>(p: T) => ({ params: Promise.resolve(p) })
const pdf = (n: string) =>
  pdfGet(new Request(`http://localhost/plan/versions/${n}/pdf`), params({ number: n }))
const pack = (n: string, query = '') =>
  packGet(new Request(`http://localhost/plan/versions/${n}/pack${query}`), params({ number: n }))
const bytes = async (r: Response) => Buffer.from(await r.arrayBuffer())
const PHONES = () => s.snapshot.members.map((m) => m.mobile)

describe('the full plan PDF', () => {
  it('gives the manager a PDF of the version, stamped with its fingerprint, with the contact sheet', async () => {
    asUser(s.manager)
    const res = await pdf('1')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/pdf')
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="recovery-plan-v1.pdf"')
    expect(res.headers.get('cache-control')).toBe('no-store')
    const body = await bytes(res)
    expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(body.toString('latin1')).toContain(s.print)
    const text = pdfText(body)
    for (const phone of PHONES()) expect(text).toContain(phone)
    expect(text).toContain('Approved by Alex Head')
    // The QR code's address comes from the request when NEXTAUTH_URL is not set.
    expect(text).toContain('http://localhost/check')
  })

  it("gives a viewer (a governor) the plan without the team's phones, and says so", async () => {
    asUser(s.viewer)
    const res = await pdf('1')
    expect(res.status).toBe(200)
    const body = await bytes(res)
    expect(body.toString('latin1')).toContain(s.print)
    const text = pdfText(body)
    for (const phone of PHONES()) expect(text).not.toContain(phone)
    expect(text).toContain('leaves out the recovery team')
    // Suppliers are not personal data: still there.
    expect(text).toContain('0117 496 0123')
  })

  it("answers not found for another school's version, a missing number or nonsense, and 401 signed out", async () => {
    asUser(s.manager)
    expect((await pdf('7')).status).toBe(404)
    expect((await pdf('2')).status).toBe(404)
    expect((await pdf('abc')).status).toBe(404)
    expect((await pdf('0')).status).toBe(404)
    asUser(s.managerB)
    const own = await bytes(await pdf('1'))
    expect(own.toString('latin1')).not.toContain(s.print)
    asUser(null)
    expect((await pdf('1')).status).toBe(401)
  })
})

describe('a version awaiting approval', () => {
  it('is printed for the manager and head teacher, and not found for the team and viewers', async () => {
    const draft = snapshotFor(s.a.id, s.teamMemberId, 2)
    await insertVersion(s.a.id, draft, 'SUBMITTED')
    for (const who of [s.manager, s.head]) {
      asUser(who)
      expect((await pdf('2')).status).toBe(200)
    }
    for (const who of [s.team, s.viewer]) {
      asUser(who)
      expect((await pdf('2')).status).toBe(404)
      expect((await pack('2')).status).toBe(404)
    }
    asUser(s.team)
    expect((await pack('1')).status).toBe(200)
  })
})

describe("a member's pack", () => {
  it('gives a team member their own pack: only their steps, same stamp', async () => {
    asUser(s.team)
    const res = await pack('1')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="recovery-pack-v1.pdf"')
    const body = await bytes(res)
    expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(body.toString('latin1')).toContain(s.print)
    const text = pdfText(body)
    expect(text).toContain('Recovery pack for Member 03 Okafor')
    const me = s.snapshot.members.find((m) => m.id === s.teamMemberId)!
    expect(text).toContain(me.roles.map((r) => r.name).join(', '))
    // Another member's steps are not in it: the first step of a role the member does not hold.
    const mine = new Set(me.roles.map((r) => r.id))
    const foreign = s.snapshot.services
      .flatMap((svc) => svc.plans.flatMap((p) => p.steps))
      .filter((st) => st.role && !mine.has(st.role.id))
    expect(foreign.length).toBeGreaterThan(0)
    for (const st of foreign) expect(text).not.toContain(`As ${st.role!.name}`)
  })

  it('lets only the manager ask for another member, and answers not found to everyone else', async () => {
    asUser(s.manager)
    const other = s.snapshot.members[0]!
    const res = await pack('1', `?member=${other.id}`)
    expect(res.status).toBe(200)
    expect(pdfText(await bytes(res))).toContain(`Recovery pack for ${other.name}`)
    expect((await pack('1', '?member=nobody')).status).toBe(404)

    asUser(s.team)
    expect((await pack('1', `?member=${other.id}`)).status).toBe(404)
    asUser(s.head)
    expect((await pack('1', `?member=${other.id}`)).status).toBe(404)
    // The head teacher holds neither plan.acknowledge nor assignments.read-own.
    expect((await pack('1')).status).toBe(404)
    asUser(s.viewer)
    expect((await pack('1')).status).toBe(404)
  })

  it('answers not found to a team user with no team record, and for a version of another school', async () => {
    asUser(s.teamNoRecord)
    expect((await pack('1')).status).toBe(404)
    asUser(s.team)
    expect((await pack('7')).status).toBe(404)
    // The manager of School B cannot reach School A's member through their own version 1.
    asUser(s.managerB)
    expect((await pack('1', `?member=${s.teamMemberId}`)).status).toBe(404)
  })
})

describe('the review report', () => {
  const report = (id: string) =>
    reportGet(new Request(`http://localhost/reviews/${id}/report`), params({ id }))

  it('exists only once a review is signed off, and prints answers, actions, changes, history and sign-off', async () => {
    asUser(s.manager)
    await createServiceAction(null, serviceForm({ name: 'Wi-Fi for the report' }))
    expect((await startReviewAction(null, form({}))).ok).toBe(true)
    const review = await db.review.findFirstOrThrow({
      where: { schoolId: s.a.id },
      include: { answers: { orderBy: { position: 'asc' } } },
    })
    const fields: Record<string, string | number> = { reviewId: review.id, version: review.version }
    for (const a of review.answers) fields[`a_${a.id}`] = 'YES'
    const no = review.answers[0]!
    fields[`a_${no.id}`] = 'NO'
    fields[`n_${no.id}`] = 'The standby is not tested'
    expect(await saveReviewAnswersAction(null, form(fields))).toMatchObject({ ok: true })
    expect(
      await addReviewActionAction(
        null,
        form({
          reviewId: review.id,
          answerId: no.id,
          title: 'Test the standby',
          owner: 'Sam',
          dueDate: '2027-01-31',
        }),
      ),
    ).toMatchObject({ ok: true })
    let r = await db.review.findUniqueOrThrow({ where: { id: review.id }, include: { considered: true } })
    const changes = await listReviewChanges(s.a.id, { ...r, considered: [] }, { timeZone: 'Europe/London' })
    const f = new FormData()
    f.set('reviewId', review.id)
    for (const g of changes.groups) f.append('record[]', g.key)
    expect(await considerChangesAction(null, f)).toMatchObject({ ok: true })

    // Open: no report, for anyone.
    expect((await report(review.id)).status).toBe(404)

    r = await db.review.findUniqueOrThrow({ where: { id: review.id }, include: { considered: true } })
    expect(
      (await submitReviewAction(null, form({ reviewId: review.id, version: r.version, comment: '' }))).ok,
    ).toBe(true)
    asUser(s.head)
    r = await db.review.findUniqueOrThrow({ where: { id: review.id }, include: { considered: true } })
    expect(
      (
        await returnReviewAction(
          null,
          form({ reviewId: review.id, version: r.version, comment: 'Say more.' }),
        )
      ).ok,
    ).toBe(true)
    asUser(s.manager)
    r = await db.review.findUniqueOrThrow({ where: { id: review.id }, include: { considered: true } })
    expect(
      (
        await submitReviewAction(
          null,
          form({ reviewId: review.id, version: r.version, comment: 'Said more.' }),
        )
      ).ok,
    ).toBe(true)
    // Submitted but not signed off: still no report.
    expect((await report(review.id)).status).toBe(404)
    asUser(s.head)
    r = await db.review.findUniqueOrThrow({ where: { id: review.id }, include: { considered: true } })
    expect(
      (
        await signOffReviewAction(
          null,
          form({ reviewId: review.id, version: r.version, name: 'Alex Head', comment: 'A good review.' }),
        )
      ).ok,
    ).toBe(true)

    asUser(s.viewer)
    const res = await report(review.id)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="review-${review.number}-report.pdf"`,
    )
    const body = await bytes(res)
    expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    const text = pdfText(body).replace(/\n/g, '')
    expect(text).toContain('Signed off by Alex Head')
    expect(text).toContain('A good review.')
    expect(text).toContain('The standby is not tested')
    expect(text).toContain('Test the standby')
    expect(text).toContain('Wi-Fi for the report')
    expect(text).toContain('returned it with comments')
    expect(text).toContain('Say more.')
    expect(text).toContain('Said more.')

    // Another school, a team member (no review.read) and a made-up id: not found.
    asUser(s.managerB)
    expect((await report(review.id)).status).toBe(404)
    asUser(s.team)
    expect((await report(review.id)).status).toBe(404)
    asUser(s.manager)
    expect((await report('nope')).status).toBe(404)
  })
})
