/*
 * Publishing, approving, returning, acknowledging, comparing and checking plan versions (issue 11, items
 * 4, 6, 7, 8), against a real database. The snapshot is made by hand (tests/support/plan-snapshot.ts), so
 * these rules are tested apart from the builder; plan-publish.test.ts publishes through the real action.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { PEER_ADDRESS_HEADER } from '@/lib/auth/client-ip'
import { FREE_FAILURES } from '@/lib/auth/throttle'
import { db } from '@/lib/db'
import { fingerprint, type PlanSnapshot } from '@/lib/plan/snapshot'
import * as versionActions from '@/lib/plan-versions/actions'
import {
  acknowledgePlanAction,
  approvePlanVersionAction,
  archivePlanCopyAction,
  createPlanCopyAction,
  publishPlanAction,
  restorePlanCopyAction,
  returnPlanVersionAction,
  updatePlanCopyAction,
} from '@/lib/plan-versions/actions'
import { publishPlanVersion } from '@/lib/plan-versions/mutations'
import {
  checkFingerprint,
  checkFingerprintThrottled,
  comparePlanVersions,
  getOwnAcknowledgement,
  getPlanDashboard,
  getPlanVersion,
  listAcknowledgements,
  listPlanCopies,
  listPlanVersions,
} from '@/lib/plan-versions/queries'
import { describeCheck } from '@/lib/plan-versions/standing'
import { contextFor, form, makeMember, makeSchool, makeService } from '../support/factories'
import { makeMemberSnapshot, makeSnapshot } from '../support/plan-version-snapshot'
import { asUser } from '../support/session'
import { databaseSnapshot } from '../support/snapshot'
import { makeRole, makeTeamMember } from '../support/team'

async function setup() {
  const a = await makeSchool('School A')
  const b = await makeSchool('School B')
  const manager = await makeMember(a.id, 'MANAGER')
  const head = await makeMember(a.id, 'HEAD')
  const team = await makeMember(a.id, 'TEAM')
  const viewer = await makeMember(a.id, 'VIEWER')
  const managerB = await makeMember(b.id, 'MANAGER')
  const headB = await makeMember(b.id, 'HEAD')
  const member = await makeTeamMember(a.id, { name: 'Sam Patel', membershipId: team.membership.id })
  const other = await makeTeamMember(a.id, { name: 'Jo Other' })
  return {
    a,
    b,
    member,
    other,
    manager: await contextFor(manager.user.id, a.id),
    managerMembership: manager.membership,
    head: await contextFor(head.user.id, a.id),
    team: await contextFor(team.user.id, a.id),
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

const sourceOf = async (schoolId: string) =>
  (await db.school.findUniqueOrThrow({ where: { id: schoolId }, select: { planSourceVersion: true } }))
    .planSourceVersion

/** Publishes a hand-made snapshot for school A as the manager (confirmed), returning the stored row. */
async function publish(overrides: Partial<PlanSnapshot> = {}, actor = s.manager) {
  const snapshot = makeSnapshot({
    school: { id: actor.schoolId, name: 'A', timeZone: 'Europe/London' },
    ...overrides,
  })
  const out = await publishPlanVersion(db, actor, {
    snapshot,
    sourceVersion: await sourceOf(actor.schoolId),
    confirmed: true,
  })
  return db.planVersion.findUniqueOrThrow({ where: { id: out.id } })
}

async function approve(v: { id: string; version: number }, actor = s.head) {
  asUser(actor)
  return approvePlanVersionAction(null, form({ id: v.id, version: v.version }))
}

const reload = (id: string) => db.planVersion.findUniqueOrThrow({ where: { id } })

describe('publishing', () => {
  it('numbers versions, stamps the snapshot with its number and stores a fingerprint recomputable from it', async () => {
    const v1 = await publish()
    const v2 = await publish()
    expect([v1.number, v2.number]).toEqual([1, 2])
    expect(v1.status).toBe('SUBMITTED')
    const stored = v2.snapshot as unknown as PlanSnapshot
    expect(stored.version).toBe(2)
    expect(fingerprint(stored)).toBe(v2.fingerprint)
    expect(v2.fingerprint).toMatch(/^[0-9a-f]{64}$/)
    expect(v1.fingerprint).not.toBe(v2.fingerprint)
    expect(v2.sourceVersion).toBe(await sourceOf(s.a.id))
    expect(v2.publishedByName).toBe(s.manager.userName)
    const audit = await db.auditEvent.findMany({ where: { schoolId: s.a.id, entity: 'PlanVersion' } })
    expect(audit.map((r) => r.action)).toEqual(['publish', 'publish'])
  })

  it('asks before publishing a plan with blocking gaps, and prints them on it once confirmed', async () => {
    const gaps = [
      { kind: 'NO_DEPUTY' as const, text: 'Nobody is the deputy service continuity manager.', ids: [] },
      { kind: 'AT_RISK' as const, text: 'MIS may miss its RTO.', ids: [] },
    ]
    const snapshot = makeSnapshot({ school: { id: s.a.id, name: 'A', timeZone: 'UTC' }, gaps })
    const before = await databaseSnapshot()
    await expect(
      publishPlanVersion(db, s.manager, {
        snapshot,
        sourceVersion: await sourceOf(s.a.id),
        confirmed: false,
      }),
    ).rejects.toMatchObject({ reason: 'NEEDS_CONFIRMATION', message: expect.stringContaining('deputy') })
    expect(await databaseSnapshot()).toEqual(before)
    const out = await publishPlanVersion(db, s.manager, {
      snapshot,
      sourceVersion: await sourceOf(s.a.id),
      confirmed: true,
    })
    const v = await reload(out.id)
    expect(v.gapCount).toBe(2)
    expect((v.snapshot as unknown as PlanSnapshot).gaps).toEqual(gaps)
  })

  it('publishes a plan with only non-blocking gaps without asking', async () => {
    const snapshot = makeSnapshot({
      school: { id: s.a.id, name: 'A', timeZone: 'UTC' },
      gaps: [{ kind: 'AT_RISK', text: 'MIS may miss its RTO.', ids: [] }],
    })
    await expect(
      publishPlanVersion(db, s.manager, {
        snapshot,
        sourceVersion: await sourceOf(s.a.id),
        confirmed: false,
      }),
    ).resolves.toMatchObject({ number: 1 })
  })

  it('refuses a snapshot of another school, and one taken before the plan changed', async () => {
    const snapshot = makeSnapshot({ school: { id: s.b.id, name: 'B', timeZone: 'UTC' } })
    await expect(
      publishPlanVersion(db, s.manager, { snapshot, sourceVersion: await sourceOf(s.a.id), confirmed: true }),
    ).rejects.toMatchObject({ reason: 'NOT_FOUND' })
    const mine = makeSnapshot({ school: { id: s.a.id, name: 'A', timeZone: 'UTC' } })
    const seen = await sourceOf(s.a.id)
    await makeService(s.a.id, { name: 'Changed meanwhile' })
    await expect(
      publishPlanVersion(db, s.manager, { snapshot: mine, sourceVersion: seen, confirmed: true }),
    ).rejects.toMatchObject({ reason: 'CONFLICT' })
    expect(await db.planVersion.count({ where: { schoolId: s.a.id } })).toBe(0)
  })

  it('lets nobody edit a published version: no action changes a snapshot, and the database refuses it', async () => {
    const v = await publish()
    // Every action of this domain, by every role, with the version's id: none touches the snapshot.
    for (const ctx of [s.manager, s.head, s.team, s.viewer]) {
      asUser(ctx)
      for (const action of Object.values(versionActions) as ((a: unknown, b: unknown) => Promise<unknown>)[])
        await action(
          null,
          form({
            id: v.id,
            version: v.version,
            planVersionId: v.id,
            comment: 'x',
            location: 'OTHER',
            holder: 'x',
            notes: '',
          }),
        )
    }
    const after = await reload(v.id)
    expect(after.snapshot).toEqual(v.snapshot)
    expect(after.fingerprint).toBe(v.fingerprint)
    expect(after.number).toBe(v.number)
    expect(fingerprint(after.snapshot as unknown as PlanSnapshot)).toBe(v.fingerprint)
    // Not even a write path that forgot the rule can change it: the trigger refuses.
    await expect(
      db.planVersion.update({ where: { id: v.id }, data: { snapshot: { hacked: true } } }),
    ).rejects.toThrow()
    await expect(
      db.planVersion.update({ where: { id: v.id }, data: { fingerprint: 'f'.repeat(64) } }),
    ).rejects.toThrow()
    expect((await reload(v.id)).snapshot).toEqual(v.snapshot)
  })
})

describe('publishing through the action (the real builder)', () => {
  it('asks to confirm the gaps, then publishes the live plan; a team member or head teacher cannot publish', async () => {
    await makeService(s.a.id, { name: 'MIS', criticality: 1 })
    for (const ctx of [s.team, s.head, s.viewer]) {
      asUser(ctx)
      expect(await publishPlanAction(null, form({ confirm: 'yes' }))).toMatchObject({
        ok: false,
        reason: 'NOT_FOUND',
      })
    }
    asUser(s.manager)
    const first = await publishPlanAction(null, form({}))
    expect(first).toMatchObject({ ok: false, reason: 'NEEDS_CONFIRMATION' })
    expect(first.ok ? '' : first.message).toMatch(/service continuity manager/i)
    expect(await db.planVersion.count({ where: { schoolId: s.a.id } })).toBe(0)
    expect(await publishPlanAction(null, form({ confirm: 'yes' }))).toMatchObject({ ok: true })
    const v = await db.planVersion.findFirstOrThrow({ where: { schoolId: s.a.id } })
    const snap = v.snapshot as unknown as PlanSnapshot
    expect(snap.version).toBe(1)
    expect(snap.services.map((x) => x.name)).toEqual(['MIS'])
    expect(snap.gaps.map((g) => g.kind)).toEqual(expect.arrayContaining(['NO_MANAGER', 'NO_DEPUTY']))
    expect(v.gapCount).toBe(snap.gaps.length)
    // The fingerprint of a stored version is recomputed from its stored snapshot.
    expect(fingerprint(snap)).toBe(v.fingerprint)
  })
})

describe('approving and returning', () => {
  it('approves: the version becomes current and the earlier approved one reads superseded', async () => {
    const v1 = await publish()
    expect(await approve(v1)).toMatchObject({ ok: true })
    const v2 = await publish()
    expect(await approve(v2)).toMatchObject({ ok: true })
    const { versions, current } = await listPlanVersions(s.a.id)
    expect(current).toBe(2)
    expect(versions.map((v) => [v.number, v.standing])).toEqual([
      [2, { kind: 'CURRENT' }],
      [1, { kind: 'SUPERSEDED', by: 2 }],
    ])
    const stored = await reload(v2.id)
    expect(stored).toMatchObject({ status: 'APPROVED', decidedByName: s.head.userName, version: 2 })
    const audit = await db.auditEvent.findMany({
      where: { schoolId: s.a.id, entity: 'PlanVersion', action: 'approve' },
    })
    expect(audit).toHaveLength(2)
  })

  it('only a head teacher approves or returns', async () => {
    const v = await publish()
    for (const ctx of [s.manager, s.team, s.viewer]) {
      expect(await approve(v, ctx)).toMatchObject({ ok: false, reason: 'NOT_FOUND' })
      asUser(ctx)
      expect(
        await returnPlanVersionAction(null, form({ id: v.id, version: v.version, comment: 'No' })),
      ).toMatchObject({ ok: false, reason: 'NOT_FOUND' })
    }
    expect((await reload(v.id)).status).toBe('SUBMITTED')
  })

  it('never lets the publisher approve their own version, even after becoming head teacher', async () => {
    const v = await publish()
    await db.membership.update({ where: { id: s.managerMembership.id }, data: { role: 'HEAD' } })
    const promoted = await contextFor(s.manager.userId, s.a.id)
    expect(promoted.role).toBe('HEAD')
    expect(await approve(v, promoted)).toMatchObject({
      ok: false,
      reason: 'CONFLICT',
      message: expect.stringContaining('You published version 1'),
    })
    expect((await reload(v.id)).status).toBe('SUBMITTED')
  })

  it('another school cannot see or decide a version', async () => {
    const v = await publish()
    expect(await approve(v, s.headB)).toMatchObject({ ok: false, reason: 'NOT_FOUND' })
    expect(await getPlanVersion(s.b.id, 1)).toBeNull()
    expect((await reload(v.id)).status).toBe('SUBMITTED')
  })

  it('returns with a required comment; the version stays listed with it, and the next one is published', async () => {
    const v1 = await publish()
    asUser(s.head)
    const empty = await returnPlanVersionAction(null, form({ id: v1.id, version: 1, comment: '  ' }))
    expect(empty).toMatchObject({
      ok: false,
      reason: 'INVALID',
      fieldErrors: { comment: [expect.any(String)] },
    })
    expect(
      await returnPlanVersionAction(null, form({ id: v1.id, version: 1, comment: 'Add the deputy.' })),
    ).toMatchObject({ ok: true })
    expect(await approve({ id: v1.id, version: 2 })).toMatchObject({ ok: false, reason: 'CONFLICT' })
    const v2 = await publish()
    expect(v2.number).toBe(2)
    const { versions } = await listPlanVersions(s.a.id)
    expect(versions.find((v) => v.number === 1)).toMatchObject({
      status: 'RETURNED',
      decisionComment: 'Add the deputy.',
      standing: { kind: 'RETURNED' },
    })
  })

  it('refuses a decision on a version someone else decided meanwhile (stale)', async () => {
    const v = await publish()
    expect(await approve(v)).toMatchObject({ ok: true })
    asUser(s.head)
    expect(
      await returnPlanVersionAction(null, form({ id: v.id, version: v.version, comment: 'Too late' })),
    ).toMatchObject({ ok: false, reason: 'STALE' })
    expect((await reload(v.id)).status).toBe('APPROVED')
  })

  it('does not approve a version older than the current one', async () => {
    const v1 = await publish()
    const v2 = await publish()
    expect(await approve(v2)).toMatchObject({ ok: true })
    expect(await approve(v1)).toMatchObject({ ok: false, reason: 'CONFLICT' })
  })
})

describe('acknowledging', () => {
  it('a linked team member acknowledges the current version once; a new approval asks again', async () => {
    const v1 = await publish()
    await approve(v1)
    asUser(s.team)
    expect(await acknowledgePlanAction(null, form({ planVersionId: v1.id }))).toMatchObject({
      ok: true,
      data: { number: 1, already: false },
    })
    expect(await acknowledgePlanAction(null, form({ planVersionId: v1.id }))).toMatchObject({
      ok: true,
      data: { already: true },
    })
    expect(await db.planAcknowledgement.count({ where: { planVersionId: v1.id } })).toBe(1)
    expect(
      await db.auditEvent.count({
        where: { schoolId: s.a.id, entity: 'PlanAcknowledgement', action: 'acknowledge' },
      }),
    ).toBe(1)
    expect((await getOwnAcknowledgement(s.a.id, s.team.userId)).acknowledgedAt).toBeInstanceOf(Date)
    const list = await listAcknowledgements(s.a.id, v1.id)
    expect(list.rows.map((r) => [r.name, Boolean(r.acknowledgedAt)])).toEqual([
      ['Jo Other', false],
      ['Sam Patel', true],
    ])
    expect(list.outstanding).toBe(1)
    // Jo has no login: she is not someone to chase in the portal, and is counted apart.
    expect(await getPlanDashboard(s.a.id, 'UTC')).toMatchObject({ notAcknowledged: 0, withoutLogin: 1 })

    const v2 = await publish()
    await approve(v2)
    const own = await getOwnAcknowledgement(s.a.id, s.team.userId)
    expect(own).toMatchObject({ current: { number: 2 }, acknowledgedAt: null })
    // A new approved version asks Sam again.
    expect(await getPlanDashboard(s.a.id, 'UTC')).toMatchObject({ notAcknowledged: 1, withoutLogin: 1 })
    asUser(s.team)
    expect(await acknowledgePlanAction(null, form({ planVersionId: v1.id }))).toMatchObject({
      ok: false,
      reason: 'CONFLICT',
      message: expect.stringContaining('acknowledge version 2'),
    })
    expect(await acknowledgePlanAction(null, form({ planVersionId: v2.id }))).toMatchObject({ ok: true })
  })

  it('refuses an unapproved version, a login with no team member, and roles without the permission', async () => {
    const v = await publish()
    asUser(s.team)
    expect(await acknowledgePlanAction(null, form({ planVersionId: v.id }))).toMatchObject({
      ok: false,
      reason: 'CONFLICT',
    })
    await approve(v)
    asUser(s.manager)
    expect(await acknowledgePlanAction(null, form({ planVersionId: v.id }))).toMatchObject({
      ok: false,
      reason: 'CONFLICT',
      message: expect.stringContaining('not linked'),
    })
    for (const ctx of [s.head, s.viewer]) {
      asUser(ctx)
      expect(await acknowledgePlanAction(null, form({ planVersionId: v.id }))).toMatchObject({
        ok: false,
        reason: 'NOT_FOUND',
      })
    }
    expect(await db.planAcknowledgement.count({ where: { schoolId: s.a.id } })).toBe(0)
  })
})

describe('comparing', () => {
  it('compares two stored versions of the school, and finds nothing of another school', async () => {
    const v1 = await publish()
    const v2 = await publish({
      members: [makeMemberSnapshot('m1', { name: 'Sam Patel', mobile: '07700 900555' })],
    })
    const c = await comparePlanVersions(s.a.id, v1.number, v2.number)
    expect(c?.comparison.contacts.map((d) => d.name)).toEqual(['Sam Patel'])
    expect(c?.comparison.services).toEqual([])
    expect(await comparePlanVersions(s.b.id, 1, 2)).toBeNull()
  })
})

describe('the check page', () => {
  it('says current, then superseded by the new number; unapproved, returned and unknown are not recognised', async () => {
    const v1 = await publish()
    expect(describeCheck(await checkFingerprint(v1.fingerprint))).toBe('Not recognised.')
    await approve(v1)
    expect(describeCheck(await checkFingerprint(v1.fingerprint))).toBe(
      'This is the current approved version of this school’s plan.',
    )
    expect(describeCheck(await checkFingerprint(v1.fingerprint.slice(0, 16)))).toBe(
      'This is the current approved version of this school’s plan.',
    )
    const v2 = await publish()
    expect(describeCheck(await checkFingerprint(v2.fingerprint))).toBe('Not recognised.')
    await approve(v2)
    expect(describeCheck(await checkFingerprint(v1.fingerprint))).toBe(
      'Superseded: version 2 is now current.',
    )
    const v3 = await publish()
    asUser(s.head)
    await returnPlanVersionAction(null, form({ id: v3.id, version: 1, comment: 'No' }))
    expect(describeCheck(await checkFingerprint(v3.fingerprint))).toBe('Not recognised.')
    expect(describeCheck(await checkFingerprint('0'.repeat(64)))).toBe('Not recognised.')
  })

  it('answers for each school only about its own versions: another school says nothing about this one', async () => {
    const mine = await publish()
    await approve(mine)
    asUser(s.managerB)
    const theirs = await publish({}, s.managerB)
    // Their unapproved version is not recognised, and approving ours does not make theirs current.
    expect(describeCheck(await checkFingerprint(theirs.fingerprint))).toBe('Not recognised.')
    await approve(theirs, s.headB)
    const newer = await publish()
    await approve(newer)
    // School B's version 1 is still its current plan, whatever school A approved since.
    expect(describeCheck(await checkFingerprint(theirs.fingerprint))).toBe(
      'This is the current approved version of this school’s plan.',
    )
  })
})

describe('staleness', () => {
  it('is fresh after approval, stale after a step or team member changes, not after a risk changes', async () => {
    const role = await makeRole(s.a.id)
    const svc = await makeService(s.a.id, { name: 'MIS' })
    const plan = await db.contingencyPlan.create({
      data: {
        schoolId: s.a.id,
        serviceId: svc.id,
        name: 'Server failure',
        strategy: 'MANUAL_WORKAROUND',
        procedure: {
          create: {
            schoolId: s.a.id,
            steps: {
              create: {
                schoolId: s.a.id,
                position: 1,
                instruction: 'Call Acme',
                estimatedMinutes: 15,
                recoveryRoleId: role.id,
              },
            },
          },
        },
      },
      select: { procedure: { select: { steps: { select: { id: true, version: true } } } } },
    })
    const category = await db.riskCategory.create({ data: { schoolId: s.a.id, name: 'Cyber' } })
    const v = await publish()
    await approve(v)
    let dash = await getPlanDashboard(s.a.id, 'Europe/London')
    expect(dash).toMatchObject({ stale: false, current: { number: 1 }, changes: [] })

    // A risk is not part of the plan.
    await db.risk.create({
      data: { schoolId: s.a.id, title: 'Ransomware', categoryId: category.id, likelihood: 3, impact: 4 },
    })
    expect((await getPlanDashboard(s.a.id, 'Europe/London')).stale).toBe(false)

    // A step changed through its action: stale, and the change is listed in words.
    const { updateStepAction } = await import('@/lib/contingency/actions')
    asUser(s.manager)
    const step = plan.procedure!.steps[0]!
    expect(
      await updateStepAction(
        null,
        form({ id: step.id, version: step.version, instruction: 'Call Acme on 0161', estimatedMinutes: 20 }),
      ),
    ).toMatchObject({ ok: true })
    dash = await getPlanDashboard(s.a.id, 'Europe/London')
    expect(dash.stale).toBe(true)
    expect(dash.changeCount).toBe(1)
    expect(dash.changes[0]?.says).toMatch(/step/i)

    // A newer approved version is fresh again; then a team member's change makes it stale.
    const v2 = await publish()
    await approve(v2)
    expect((await getPlanDashboard(s.a.id, 'Europe/London')).stale).toBe(false)
    const { updateMemberAction } = await import('@/lib/team/actions')
    const { memberForm } = await import('../support/team')
    asUser(s.manager)
    expect(
      await updateMemberAction(
        null,
        memberForm({ id: s.other.id, version: s.other.version, name: 'Jo Renamed' }),
      ),
    ).toMatchObject({ ok: true })
    dash = await getPlanDashboard(s.a.id, 'Europe/London')
    expect(dash).toMatchObject({ stale: true, current: { number: 2 } })
    expect(dash.changes.map((c) => c.entity)).toEqual(['TeamMember'])
  })

  it('tells the head teacher a version awaits approval', async () => {
    await publish()
    expect((await getPlanDashboard(s.a.id, 'UTC')).awaiting).toMatchObject({ number: 1 })
  })
})

describe('copies of the plan', () => {
  const copyForm = (fields: Record<string, string | number> = {}) =>
    form({
      location: 'GRAB_BAG',
      holder: 'Office grab bag',
      teamMemberId: '',
      versionNumber: '1',
      notes: '',
      ...fields,
    })

  it('records, edits (versioned), flags out of date, archives and restores a copy', async () => {
    const v1 = await publish()
    await approve(v1)
    asUser(s.manager)
    await createPlanCopyAction(null, copyForm()).catch(() => undefined) // redirects on success
    const [copy] = (await listPlanCopies(s.a.id)).copies
    expect(copy).toMatchObject({
      location: 'GRAB_BAG',
      holder: 'Office grab bag',
      versionNumber: 1,
      outOfDate: false,
    })
    const v2 = await publish()
    await approve(v2)
    expect((await listPlanCopies(s.a.id)).copies[0]?.outOfDate).toBe(true)
    asUser(s.manager)
    const upd = await updatePlanCopyAction(
      null,
      copyForm({
        id: copy!.id,
        version: 1,
        location: 'MEMBER_PHONE',
        teamMemberId: s.member.id,
        versionNumber: '2',
      }),
    )
    expect(upd).toMatchObject({ ok: true })
    expect((await listPlanCopies(s.a.id)).copies[0]).toMatchObject({
      memberName: 'Sam Patel',
      versionNumber: 2,
      outOfDate: false,
    })
    expect(await updatePlanCopyAction(null, copyForm({ id: copy!.id, version: 1 }))).toMatchObject({
      ok: false,
      reason: 'STALE',
    })
    expect(await archivePlanCopyAction(null, form({ id: copy!.id, version: 2 }))).toMatchObject({ ok: true })
    expect((await listPlanCopies(s.a.id)).copies).toEqual([])
    expect(await restorePlanCopyAction(null, form({ id: copy!.id, version: 3 }))).toMatchObject({ ok: true })
    const actions = await db.auditEvent.findMany({
      where: { schoolId: s.a.id, entity: 'PlanCopy' },
      orderBy: { at: 'asc' },
      select: { action: true },
    })
    expect(actions.map((a) => a.action)).toEqual(['create', 'update', 'archive', 'restore'])
  })

  it('keeps what was typed on a bad save, and refuses another school’s team member', async () => {
    asUser(s.manager)
    const bad = await createPlanCopyAction(
      null,
      copyForm({ holder: '', versionNumber: 'three', location: 'OFF_SITE', notes: 'In the safe' }),
    )
    expect(bad).toMatchObject({
      ok: false,
      reason: 'INVALID',
      values: { location: 'OFF_SITE', versionNumber: 'three', notes: 'In the safe' },
    })
    expect(bad.ok ? {} : bad.fieldErrors).toMatchObject({
      holder: [expect.any(String)],
      versionNumber: [expect.any(String)],
    })
    const theirs = await makeTeamMember(s.b.id)
    expect(await createPlanCopyAction(null, copyForm({ teamMemberId: theirs.id }))).toMatchObject({
      ok: false,
      reason: 'INVALID',
    })
    asUser(s.head)
    expect(await createPlanCopyAction(null, copyForm())).toMatchObject({ ok: false, reason: 'NOT_FOUND' })
    expect(await db.planCopy.count({ where: { schoolId: s.a.id } })).toBe(0)
  })
})

describe('the check page is throttled like sign-in', () => {
  const from = (address: string) => new Headers({ [PEER_ADDRESS_HEADER]: address })

  it('locks an address after too many unrecognised fingerprints, says so, and leaves other addresses alone', async () => {
    const v = await publish()
    await approve(v)
    const unknown = 'f'.repeat(64)
    // Recognised answers take their attempt back: a school checking its own copies is never locked out.
    for (let i = 0; i < FREE_FAILURES.ip + 5; i++)
      expect(await checkFingerprintThrottled(v.fingerprint, from('203.0.113.7'))).toEqual({ kind: 'CURRENT' })
    // The free allowance, then one more failure that sets the lock (as at sign-in).
    for (let i = 0; i <= FREE_FAILURES.ip; i++)
      expect(await checkFingerprintThrottled(unknown, from('203.0.113.7'))).toEqual({ kind: 'UNKNOWN' })
    const locked = await checkFingerprintThrottled(v.fingerprint, from('203.0.113.7'))
    expect(locked).toMatchObject({ kind: 'LOCKED', retryAfterMs: expect.any(Number) })
    // Another address, and sign-in's own count for this one, are untouched.
    expect(await checkFingerprintThrottled(v.fingerprint, from('198.51.100.9'))).toEqual({ kind: 'CURRENT' })
    expect(await db.loginThrottle.findUnique({ where: { key: 'ip:203.0.113.7' } })).toBeNull()
  })

  it('answers "not recognised" for input that is no fingerprint, and for a prefix shorter than 16', async () => {
    const v = await publish()
    await approve(v)
    for (const typed of ['hello', v.fingerprint.slice(0, 15), `${v.fingerprint}00`, '../../etc/passwd'])
      expect(await checkFingerprintThrottled(typed, from('192.0.2.1'))).toEqual({ kind: 'UNKNOWN' })
    const grouped = v.fingerprint
      .slice(0, 20)
      .toUpperCase()
      .replace(/(.{4})/g, '$1-')
    expect(await checkFingerprintThrottled(grouped, from('192.0.2.1'))).toEqual({ kind: 'CURRENT' })
  })
})

describe('what team members and viewers may read', () => {
  it('shows them approved versions only', async () => {
    const v1 = await publish()
    await approve(v1)
    await publish()
    expect((await listPlanVersions(s.a.id, { approvedOnly: true })).versions.map((v) => v.number)).toEqual([
      1,
    ])
    expect(await getPlanVersion(s.a.id, 2, { approvedOnly: true })).toBeNull()
    expect(await getPlanVersion(s.a.id, 2)).not.toBeNull()
    expect(await comparePlanVersions(s.a.id, 1, 2, { approvedOnly: true })).toBeNull()
  })
})
