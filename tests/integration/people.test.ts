import { beforeEach, describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { runSchoolAction } from '@/lib/auth/run-action'
import { db } from '@/lib/db'
import { inviteMemberAction } from '@/lib/invitations/actions'
import { changeRoleAction, removeMemberAction, switchSchoolAction } from '@/lib/people/actions'
import { contextFor, form, makeMember, makeSchool, snapshotCounts } from '../support/factories'
import { lastRedirect } from '../support/mock-navigation'
import { asUser, sessionState } from '../support/session'

async function setup() {
  const a = await makeSchool('School A')
  const b = await makeSchool('School B')
  const managerA = await makeMember(a.id, 'MANAGER')
  const teamA = await makeMember(a.id, 'TEAM')
  const managerB = await makeMember(b.id, 'MANAGER')
  return { a, b, managerA, teamA, managerB, ctxA: await contextFor(managerA.user.id, a.id) }
}
let s: Awaited<ReturnType<typeof setup>>

beforeEach(async () => {
  sessionState.redirectedTo = null
  s = await setup()
  asUser(s.ctxA)
})

describe('changing roles and removing people', () => {
  it('changes a role, bumps the version and audits before and after', async () => {
    const r = await changeRoleAction(
      null,
      form({ membershipId: s.teamA.membership.id, role: 'HEAD', version: 1 }),
    )
    expect(r).toEqual({ ok: true, data: { version: 2, self: false } })
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { entityId: s.teamA.membership.id, action: 'update' },
    })
    expect(audit.before).toMatchObject({ role: 'TEAM' })
    expect(audit.after).toMatchObject({ role: 'HEAD' })
  })

  it('refuses a stale version and overwrites nothing', async () => {
    await changeRoleAction(null, form({ membershipId: s.teamA.membership.id, role: 'HEAD', version: 1 }))
    const before = await snapshotCounts()
    const r = await changeRoleAction(
      null,
      form({ membershipId: s.teamA.membership.id, role: 'VIEWER', version: 1 }),
    )
    expect(r).toMatchObject({ ok: false, reason: 'STALE', current: { role: 'HEAD', version: 2 } })
    expect(await snapshotCounts()).toEqual(before)
  })

  it('keeps at least one manager', async () => {
    const before = await snapshotCounts()
    const demote = await changeRoleAction(
      null,
      form({ membershipId: s.managerA.membership.id, role: 'TEAM', version: 1 }),
    )
    expect(demote).toMatchObject({
      ok: false,
      reason: 'INVALID',
      message: expect.stringMatching(/at least one/),
    })
    const remove = await removeMemberAction(
      null,
      form({ membershipId: s.managerA.membership.id, version: 1 }),
    )
    expect(remove).toMatchObject({ ok: false, reason: 'INVALID' })
    expect(await snapshotCounts()).toEqual(before)
    // Even confirmed, the last manager stays a manager.
    const confirmed = await changeRoleAction(
      null,
      form({ membershipId: s.managerA.membership.id, role: 'TEAM', version: 1, confirm: 'yes' }),
    )
    expect(confirmed).toMatchObject({ ok: false, reason: 'INVALID' })
    expect(await snapshotCounts()).toEqual(before)
    // With a second manager, the first may step down.
    const second = await makeMember(s.a.id, 'MANAGER')
    expect(
      await changeRoleAction(
        null,
        form({ membershipId: s.managerA.membership.id, role: 'TEAM', version: 1, confirm: 'yes' }),
      ),
    ).toMatchObject({ ok: true, data: { self: true } })
    expect(await db.membership.count({ where: { schoolId: s.a.id, role: 'MANAGER' } })).toBe(1)
    expect(second.membership.role).toBe('MANAGER')
  })

  it('removes a membership but not the login', async () => {
    const r = await removeMemberAction(null, form({ membershipId: s.teamA.membership.id, version: 1 }))
    expect(r.ok).toBe(true)
    expect(await db.membership.findUnique({ where: { id: s.teamA.membership.id } })).toBeNull()
    expect(await db.user.findUnique({ where: { id: s.teamA.user.id } })).not.toBeNull()
    expect(await db.auditEvent.count({ where: { entityId: s.teamA.membership.id, action: 'delete' } })).toBe(
      1,
    )
  })
})

/** Runs an action and answers where it sent the person (null when it did not redirect). */
async function landing(p: Promise<unknown>): Promise<string | null> {
  sessionState.redirectedTo = null
  await p
  return lastRedirect()
}

describe('changing your own membership (issue 7 point 5)', () => {
  it('asks before making yourself a viewer, changes nothing until confirmed, then lands on the dashboard', async () => {
    await makeMember(s.a.id, 'MANAGER')
    const before = await snapshotCounts()
    const asked = await changeRoleAction(
      null,
      form({ membershipId: s.managerA.membership.id, role: 'VIEWER', version: 1 }),
    )
    expect(asked).toMatchObject({
      ok: false,
      reason: 'NEEDS_CONFIRMATION',
      message:
        'You are about to make yourself a Read-only viewer in this school: you will no longer be able to manage people; you will land on the dashboard.',
      // The form shows the choice again, so confirming posts the same change.
      values: { role: 'VIEWER' },
    })
    expect(await snapshotCounts()).toEqual(before)
    const to = await landing(
      changeRoleAction(
        null,
        form({ membershipId: s.managerA.membership.id, role: 'VIEWER', version: 1, confirm: 'yes' }),
      ),
    )
    expect(to).toBe('/?notice=role-changed')
    expect((await db.membership.findUniqueOrThrow({ where: { id: s.managerA.membership.id } })).role).toBe(
      'VIEWER',
    )
  })

  it('changes someone else’s role at once, without asking', async () => {
    const r = await changeRoleAction(
      null,
      form({ membershipId: s.teamA.membership.id, role: 'VIEWER', version: 1 }),
    )
    expect(r).toMatchObject({ ok: true, data: { self: false } })
    expect(lastRedirect()).toBeNull()
  })

  it('asks before removing yourself, then lands in your next school', async () => {
    await makeMember(s.a.id, 'MANAGER')
    await db.membership.create({ data: { userId: s.managerA.user.id, schoolId: s.b.id, role: 'TEAM' } })
    const before = await snapshotCounts()
    const asked = await removeMemberAction(null, form({ membershipId: s.managerA.membership.id, version: 1 }))
    expect(asked).toMatchObject({
      ok: false,
      reason: 'NEEDS_CONFIRMATION',
      message: expect.stringMatching(/remove yourself/),
    })
    expect(await snapshotCounts()).toEqual(before)
    const to = await landing(
      removeMemberAction(null, form({ membershipId: s.managerA.membership.id, version: 1, confirm: 'yes' })),
    )
    expect(to).toBe('/?notice=left-school')
    expect(await db.membership.findUnique({ where: { id: s.managerA.membership.id } })).toBeNull()
  })

  it('lands on /no-school after removing yourself from your only school', async () => {
    await makeMember(s.a.id, 'MANAGER')
    const to = await landing(
      removeMemberAction(null, form({ membershipId: s.managerA.membership.id, version: 1, confirm: 'yes' })),
    )
    expect(to).toBe('/no-school?notice=left-school')
  })
})

describe('school scoping', () => {
  it('answers not-found for another school’s membership and changes nothing', async () => {
    const before = await snapshotCounts()
    const other = s.managerB.membership.id
    const r1 = await changeRoleAction(null, form({ membershipId: other, role: 'VIEWER', version: 1 }))
    const r2 = await removeMemberAction(null, form({ membershipId: other, version: 1 }))
    expect(r1).toMatchObject({ ok: false, reason: 'NOT_FOUND' })
    expect(r2).toMatchObject({ ok: false, reason: 'NOT_FOUND' })
    expect(await snapshotCounts()).toEqual(before)
  })

  it('switches only to a school the user belongs to', async () => {
    sessionState.cookies.clear()
    const r = await switchSchoolAction({ schoolId: s.b.id })
    expect(r).toMatchObject({ ok: false, reason: 'NOT_FOUND' })
    // The banner's plain form ignores the answer: the person lands on the dashboard with a notice.
    expect(lastRedirect()).toBe('/?notice=school-gone')
    const lastSchool = async () =>
      (await db.user.findUniqueOrThrow({ where: { id: s.managerA.user.id } })).lastSchoolId
    expect(await lastSchool()).toBeNull()
    const ctx = {
      ...s.ctxA,
      schools: [...s.ctxA.schools, { id: s.b.id, name: 'School B', role: 'TEAM' as const }],
    }
    asUser(ctx)
    expect((await switchSchoolAction({ schoolId: s.b.id })).ok).toBe(true)
    expect(await lastSchool()).toBe(s.b.id)
    expect(lastRedirect()).toBe('/')
  })
})

describe('the wrapper refuses', () => {
  it('a signed-out caller, writing nothing', async () => {
    asUser(null)
    const before = await snapshotCounts()
    const r = await inviteMemberAction(
      null,
      form({ name: 'X', email: 'x@example.org', role: 'MANAGER', password: 'a strong first password' }),
    )
    expect(r).toMatchObject({ ok: false, reason: 'UNAUTHENTICATED' })
    expect(await snapshotCounts()).toEqual(before)
  })

  it('a role without the permission with not-found, writing nothing', async () => {
    asUser(await contextFor(s.teamA.user.id, s.a.id))
    const before = await snapshotCounts()
    const r = await inviteMemberAction(
      null,
      form({ name: 'X', email: 'x@example.org', role: 'MANAGER', password: 'a strong first password' }),
    )
    expect(r).toMatchObject({ ok: false, reason: 'NOT_FOUND' })
    const r2 = await changeRoleAction(
      null,
      form({ membershipId: s.teamA.membership.id, role: 'MANAGER', version: 1 }),
    )
    expect(r2).toMatchObject({ ok: false, reason: 'NOT_FOUND' })
    expect(await snapshotCounts()).toEqual(before)
  })

  it('a form stamped for another school, after a switch in another tab, writing nothing', async () => {
    const before = await snapshotCounts()
    const fields = {
      name: 'X',
      email: 'stamp@example.org',
      role: 'TEAM',
      password: 'a strong first password',
    }
    const r = await inviteMemberAction(null, form({ ...fields, _school: s.b.id }))
    expect(r).toMatchObject({ ok: false, reason: 'CONFLICT', message: expect.stringMatching(/another tab/) })
    if (!r.ok) expect(r.values).toMatchObject({ name: 'X', email: 'stamp@example.org' })
    expect(await snapshotCounts()).toEqual(before)
    // Stamped for the current school, the same form goes through.
    expect(await inviteMemberAction(null, form({ ...fields, _school: s.a.id }))).toMatchObject({ ok: true })
  })

  it('turns an unexpected error into a safe message, logging the detail on the server', async () => {
    const logged: unknown[] = []
    const spy = vi.spyOn(console, 'error').mockImplementation((...args) => logged.push(...args))
    const r = await runSchoolAction(
      s.ctxA,
      'people.manage',
      z.object({}),
      async () => {
        throw new Error('relation "secret_table" does not exist at pg.js:123')
      },
      {},
    )
    spy.mockRestore()
    expect(r).toMatchObject({ ok: false, reason: 'ERROR' })
    if (!r.ok) expect(r.message).not.toMatch(/secret_table|pg\.js/)
    expect(String(logged.find((x) => x instanceof Error))).toMatch(/secret_table/)
  })
})
