import { beforeEach, describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { runSchoolAction } from '@/lib/auth/run-action'
import { db } from '@/lib/db'
import {
  addMemberAction,
  changeRoleAction,
  removeMemberAction,
  switchSchoolAction,
} from '@/lib/people/actions'
import { contextFor, form, makeMember, makeSchool, snapshotCounts } from '../support/factories'
import { asUser, sessionState } from '../support/session'

vi.mock('@/lib/auth/context', () => import('../support/mock-context'))
vi.mock('next/cache', () => import('../support/mock-next'))
vi.mock('next/headers', () => import('../support/mock-next'))

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
  s = await setup()
  asUser(s.ctxA)
})

describe('adding people', () => {
  it('creates a login and membership with an audit row', async () => {
    const r = await addMemberAction(
      null,
      form({ name: 'Ann Tech', email: 'Ann@Example.org', role: 'TEAM', password: 'a strong first password' }),
    )
    expect(r).toMatchObject({ ok: true, data: { newLogin: true } })
    const m = await db.membership.findFirstOrThrow({
      where: { schoolId: s.a.id, user: { email: 'ann@example.org' } },
    })
    expect(m.role).toBe('TEAM')
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: m.id } })
    expect(audit).toMatchObject({
      schoolId: s.a.id,
      actorId: s.managerA.user.id,
      entity: 'Membership',
      action: 'create',
    })
  })

  it('gives an existing login from another school a membership, keeping their password', async () => {
    const before = await db.user.findUniqueOrThrow({
      where: { id: s.managerB.user.id },
      select: { passwordHash: true },
    })
    const r = await addMemberAction(
      null,
      form({ name: 'Whoever', email: s.managerB.user.email, role: 'HEAD' }),
    )
    expect(r).toMatchObject({ ok: true, data: { newLogin: false } })
    const after = await db.user.findUniqueOrThrow({
      where: { id: s.managerB.user.id },
      select: { passwordHash: true },
    })
    expect(after.passwordHash).toBe(before.passwordHash)
    expect(await db.membership.count({ where: { userId: s.managerB.user.id } })).toBe(2)
  })

  it('keeps the typing and writes nothing when the input is bad', async () => {
    const before = await snapshotCounts()
    const r = await addMemberAction(
      null,
      form({ name: '', email: 'not-an-email', role: 'TEAM', password: 'short' }),
    )
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.reason).toBe('INVALID')
    expect(Object.keys(r.fieldErrors ?? {}).sort()).toEqual(['email', 'name', 'password'])
    expect(r.values).toMatchObject({ email: 'not-an-email', role: 'TEAM' })
    expect(await snapshotCounts()).toEqual(before)
  })

  it('asks for a first password for a new login, and refuses a duplicate member', async () => {
    const before = await snapshotCounts()
    const r1 = await addMemberAction(null, form({ name: 'New', email: 'new@example.org', role: 'TEAM' }))
    expect(r1).toMatchObject({
      ok: false,
      reason: 'INVALID',
      fieldErrors: { password: [expect.any(String)] },
    })
    const r2 = await addMemberAction(null, form({ name: 'Dup', email: s.teamA.user.email, role: 'TEAM' }))
    expect(r2).toMatchObject({ ok: false, reason: 'CONFLICT' })
    expect(await snapshotCounts()).toEqual(before)
  })
})

describe('changing roles and removing people', () => {
  it('changes a role, bumps the version and audits before and after', async () => {
    const r = await changeRoleAction(
      null,
      form({ membershipId: s.teamA.membership.id, role: 'HEAD', version: 1 }),
    )
    expect(r).toEqual({ ok: true, data: { version: 2 } })
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
    // With a second manager, the first may step down.
    const second = await makeMember(s.a.id, 'MANAGER')
    expect(
      (
        await changeRoleAction(
          null,
          form({ membershipId: s.managerA.membership.id, role: 'TEAM', version: 1 }),
        )
      ).ok,
    ).toBe(true)
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
  })
})

describe('the wrapper refuses', () => {
  it('a signed-out caller, writing nothing', async () => {
    asUser(null)
    const before = await snapshotCounts()
    const r = await addMemberAction(
      null,
      form({ name: 'X', email: 'x@example.org', role: 'MANAGER', password: 'a strong first password' }),
    )
    expect(r).toMatchObject({ ok: false, reason: 'UNAUTHENTICATED' })
    expect(await snapshotCounts()).toEqual(before)
  })

  it('a role without the permission with not-found, writing nothing', async () => {
    asUser(await contextFor(s.teamA.user.id, s.a.id))
    const before = await snapshotCounts()
    const r = await addMemberAction(
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
    const r = await addMemberAction(null, form({ ...fields, _school: s.b.id }))
    expect(r).toMatchObject({ ok: false, reason: 'CONFLICT', message: expect.stringMatching(/another tab/) })
    if (!r.ok) expect(r.values).toMatchObject({ name: 'X', email: 'stamp@example.org' })
    expect(await snapshotCounts()).toEqual(before)
    // Stamped for the current school, the same form goes through.
    expect(await addMemberAction(null, form({ ...fields, _school: s.a.id }))).toMatchObject({ ok: true })
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
