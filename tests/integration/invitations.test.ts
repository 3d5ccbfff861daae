/*
 * Issue 7, point 8: adding a person is an invitation they accept after signing in. Until then the
 * inviting school learns nothing about whether the e-mail has a login: the reply, the audit row and the
 * list row are the same either way. Point 13: no password ever comes back in a reply.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { verifyPassword } from '@/lib/auth/password'
import type { SchoolContext } from '@/lib/auth/school-context'
import { db } from '@/lib/db'
import {
  acceptInvitationAction,
  declineInvitationAction,
  inviteMemberAction,
  revokeInvitationAction,
} from '@/lib/invitations/actions'
import { inviteMember } from '@/lib/invitations/mutations'
import { listMyInvitations, listSchoolInvitations } from '@/lib/invitations/queries'
import { INVITATION_SENT } from '@/lib/invitations/schema'
import { contextFor, form, makeMember, makeSchool } from '../support/factories'
import { asUser, sessionState } from '../support/session'

// The invited person may belong to no school at all: their session is a user id with no school context.
const signedIn = vi.hoisted(() => ({ userId: null as string | null }))
vi.mock('@/lib/auth/context', async () => {
  const base = await import('../support/mock-context')
  return { ...base, getSessionUserId: async () => signedIn.userId ?? (await base.getSessionUserId()) }
})
vi.mock('next/cache', () => import('../support/mock-next'))
vi.mock('next/headers', () => import('../support/mock-next'))

const FIRST_PASSWORD = 'a first password 4 them'

async function setup() {
  const a = await makeSchool('School A')
  const b = await makeSchool('School B')
  const managerA = await makeMember(a.id, 'MANAGER')
  const teamA = await makeMember(a.id, 'TEAM')
  const managerB = await makeMember(b.id, 'MANAGER')
  return { a, b, managerA, teamA, managerB, ctxA: await contextFor(managerA.user.id, a.id) }
}
let s: Awaited<ReturnType<typeof setup>>

/** Acts as the manager of school A. */
function asManagerA() {
  signedIn.userId = null
  asUser(s.ctxA)
}
/** Acts as a signed-in person, with or without a school. */
function asPerson(userId: string, ctx: SchoolContext | null = null) {
  asUser(ctx)
  signedIn.userId = userId
}

async function invitationState() {
  const [invitations, memberships, users, audit] = await Promise.all([
    db.invitation.findMany({ orderBy: { id: 'asc' } }),
    db.membership.findMany({ orderBy: { id: 'asc' } }),
    db.user.findMany({
      orderBy: { id: 'asc' },
      select: { id: true, email: true, name: true, lastSchoolId: true },
    }),
    db.auditEvent.count(),
  ])
  return { invitations, memberships, users, audit }
}

async function invite(email: string, name = 'Typed Name', role = 'TEAM') {
  asManagerA()
  const r = await inviteMemberAction(null, form({ name, email, role, password: FIRST_PASSWORD }))
  if (!r.ok) throw new Error(`invite refused: ${r.message}`)
  return r.data.invitationId
}

beforeEach(async () => {
  s = await setup()
  sessionState.cookies.clear()
  asManagerA()
})

describe('inviting reveals nothing about other logins', () => {
  it('answers, audits and lists an existing login exactly as a brand-new e-mail', async () => {
    const existing = s.managerB.user
    const hashBefore = (
      await db.user.findUniqueOrThrow({ where: { id: existing.id }, omit: { passwordHash: false } })
    ).passwordHash
    const fields = { name: 'Typed Name', role: 'HEAD', password: FIRST_PASSWORD }
    const rOld = await inviteMemberAction(null, form({ ...fields, email: existing.email }))
    const rNew = await inviteMemberAction(null, form({ ...fields, email: 'brand.new@example.org' }))
    expect(rOld.ok && rNew.ok).toBe(true)
    if (!rOld.ok || !rNew.ok) return
    const strip = (d: { invitationId: string; message: string }) => ({ ...d, invitationId: 'x' })
    expect(strip(rOld.data)).toEqual(strip(rNew.data))
    expect(rOld.data.message).toBe(INVITATION_SENT)

    const audits = await db.auditEvent.findMany({
      where: { schoolId: s.a.id, entity: 'Invitation' },
      orderBy: { at: 'asc' },
      select: { action: true, actorId: true, before: true, after: true },
    })
    expect(audits).toEqual([
      {
        action: 'create',
        actorId: s.managerA.user.id,
        before: null,
        after: { email: existing.email, name: 'Typed Name', role: 'HEAD' },
      },
      {
        action: 'create',
        actorId: s.managerA.user.id,
        before: null,
        after: { email: 'brand.new@example.org', name: 'Typed Name', role: 'HEAD' },
      },
    ])
    // The login's own name appears nowhere the school can read.
    const everything = JSON.stringify([rOld, audits, await listSchoolInvitations(s.a.id)])
    expect(everything).not.toContain(existing.name)

    const rows = await listSchoolInvitations(s.a.id)
    const shape = (email: string) => {
      const r = rows.find((x) => x.email === email)!
      return { name: r.name, role: r.role, status: r.status, invitedBy: r.invitedBy }
    }
    expect(shape(existing.email)).toEqual(shape('brand.new@example.org'))
    expect(shape(existing.email).status).toBe('pending')

    // No membership until accepted; the existing login keeps its name and password.
    expect(await db.membership.count({ where: { schoolId: s.a.id } })).toBe(2)
    const after = await db.user.findUniqueOrThrow({
      where: { id: existing.id },
      omit: { passwordHash: false },
    })
    expect(after.name).toBe(existing.name)
    expect(after.passwordHash).toBe(hashBefore)
    // The new e-mail got a login with the first password, and no school.
    const fresh = await db.user.findUniqueOrThrow({
      where: { email: 'brand.new@example.org' },
      omit: { passwordHash: false },
      include: { memberships: true },
    })
    expect(fresh.name).toBe('Typed Name')
    expect(fresh.memberships).toEqual([])
    expect(await verifyPassword(FIRST_PASSWORD, fresh.passwordHash)).toBe(true)
  })

  it('says plainly when the e-mail is already a member or already invited, writing nothing', async () => {
    await invite('waiting@example.org')
    const before = await invitationState()
    const member = await inviteMemberAction(
      null,
      form({ name: 'X', email: s.teamA.user.email, role: 'TEAM', password: FIRST_PASSWORD }),
    )
    expect(member).toMatchObject({
      ok: false,
      reason: 'CONFLICT',
      message: expect.stringMatching(/already a member/),
    })
    const again = await inviteMemberAction(
      null,
      form({ name: 'X', email: 'Waiting@Example.org', role: 'TEAM', password: FIRST_PASSWORD }),
    )
    expect(again).toMatchObject({
      ok: false,
      reason: 'CONFLICT',
      message: expect.stringMatching(/already been invited/),
    })
    expect(await invitationState()).toEqual(before)
  })

  it('can invite again once an invitation has expired', async () => {
    const longAgo = new Date(Date.now() - 15 * 24 * 60 * 60 * 1000)
    await inviteMember(
      db,
      s.ctxA,
      { name: 'Late', email: 'late@example.org', role: 'TEAM', password: FIRST_PASSWORD },
      longAgo,
    )
    expect((await listSchoolInvitations(s.a.id))[0]?.status).toBe('expired')
    expect(
      await inviteMemberAction(
        null,
        form({ name: 'Late', email: 'late@example.org', role: 'TEAM', password: FIRST_PASSWORD }),
      ),
    ).toMatchObject({ ok: true })
  })
})

describe('no password comes back in any reply', () => {
  it('holds for a bad field, a refusal, a form from another tab and a success', async () => {
    const secret = 'my very secret first password'
    const replies = [
      await inviteMemberAction(
        null,
        form({ name: '', email: 'not-an-email', role: 'TEAM', password: secret }),
      ),
      await inviteMemberAction(
        null,
        form({ name: 'X', email: s.teamA.user.email, role: 'TEAM', password: secret }),
      ),
      await inviteMemberAction(
        null,
        form({ name: 'X', email: 'tab@example.org', role: 'TEAM', password: secret, _school: s.b.id }),
      ),
      await inviteMemberAction(
        null,
        form({ name: 'X', email: 'ok@example.org', role: 'NOPE', password: secret }),
      ),
      await inviteMemberAction(
        null,
        form({ name: 'X', email: 'ok@example.org', role: 'TEAM', password: secret }),
      ),
    ]
    expect(replies.map((r) => r.ok)).toEqual([false, false, false, false, true])
    for (const r of replies) expect(JSON.stringify(r)).not.toContain(secret)
    // What may be shown again still is.
    const bad = replies[0]!
    if (!bad.ok) expect(bad.values).toMatchObject({ email: 'not-an-email', role: 'TEAM' })
    const wrongRole = replies[3]!
    if (!wrongRole.ok) expect(Object.keys(wrongRole.values ?? {})).not.toContain('password')
  })

  it('holds for a refused short password too', async () => {
    const r = await inviteMemberAction(
      null,
      form({ name: 'X', email: 'x@example.org', role: 'TEAM', password: 'short pw' }),
    )
    expect(r).toMatchObject({ ok: false, reason: 'INVALID', fieldErrors: { password: [expect.any(String)] } })
    expect(JSON.stringify(r)).not.toContain('short pw')
  })
})

describe('answering an invitation', () => {
  it('accepting makes the membership in one go, audited in the school, without switching school', async () => {
    const person = s.managerB.user
    const id = await invite(person.email, 'Typed Name', 'HEAD')
    asPerson(person.id, await contextFor(person.id, s.b.id))
    sessionState.cookies.set('school', s.b.id)
    const mine = await listMyInvitations(person.id)
    expect(mine).toMatchObject([
      { id, role: 'HEAD', school: { name: 'School A' }, invitedBy: { name: s.managerA.user.name } },
    ])

    const r = await acceptInvitationAction(null, form({ invitationId: id }))
    expect(r).toMatchObject({ ok: true, data: { schoolId: s.a.id, schoolName: 'School A' } })
    const m = await db.membership.findUniqueOrThrow({
      where: { userId_schoolId: { userId: person.id, schoolId: s.a.id } },
    })
    expect(m.role).toBe('HEAD')
    const inv = await db.invitation.findUniqueOrThrow({ where: { id } })
    expect(inv.acceptedAt).not.toBeNull()
    expect(inv.version).toBe(2)
    const audit = await db.auditEvent.findMany({
      where: { schoolId: s.a.id, actorId: person.id },
      select: { entity: true, action: true },
      orderBy: { entity: 'asc' },
    })
    expect(audit).toEqual([
      { entity: 'Invitation', action: 'accept' },
      { entity: 'Membership', action: 'create' },
    ])
    // Still working where they were: the school cookie and the remembered school are untouched.
    expect(sessionState.cookies.get('school')).toBe(s.b.id)
    expect((await db.user.findUniqueOrThrow({ where: { id: person.id } })).lastSchoolId).toBeNull()
    expect(await listMyInvitations(person.id)).toEqual([])
    // Once is enough.
    expect(await acceptInvitationAction(null, form({ invitationId: id }))).toMatchObject({
      ok: false,
      reason: 'INVALID',
    })
  })

  it('a brand-new person with no school sees and accepts theirs', async () => {
    const id = await invite('newcomer@example.org', 'New Comer', 'VIEWER')
    const user = await db.user.findUniqueOrThrow({ where: { email: 'newcomer@example.org' } })
    asPerson(user.id)
    expect((await listMyInvitations(user.id)).map((i) => i.id)).toEqual([id])
    expect(await acceptInvitationAction(null, form({ invitationId: id }))).toMatchObject({ ok: true })
    expect(await db.membership.count({ where: { userId: user.id, schoolId: s.a.id, role: 'VIEWER' } })).toBe(
      1,
    )
  })

  it('nobody else can accept or decline it, and the refusal is the same as for no invitation', async () => {
    const id = await invite(s.managerB.user.email)
    // Someone in the very school that sent it, and someone with no school at all.
    const stranger = await db.user.create({
      data: { email: 'stranger@example.org', name: 'S', passwordHash: 'x' },
    })
    const before = await invitationState()
    asPerson(stranger.id)
    const missing = await acceptInvitationAction(null, form({ invitationId: 'no-such-invitation' }))
    expect(missing).toMatchObject({ ok: false, reason: 'NOT_FOUND' })
    for (const who of [s.teamA.user.id, s.managerA.user.id, stranger.id]) {
      asPerson(who)
      expect(await acceptInvitationAction(null, form({ invitationId: id }))).toEqual(missing)
      expect(await declineInvitationAction(null, form({ invitationId: id }))).toEqual(missing)
    }
    expect(await invitationState()).toEqual(before)
  })

  it('signed out, nothing happens', async () => {
    const id = await invite(s.managerB.user.email)
    asUser(null)
    signedIn.userId = null
    const before = await invitationState()
    expect(await acceptInvitationAction(null, form({ invitationId: id }))).toMatchObject({
      ok: false,
      reason: 'UNAUTHENTICATED',
    })
    expect(await declineInvitationAction(null, form({ invitationId: id }))).toMatchObject({
      ok: false,
      reason: 'UNAUTHENTICATED',
    })
    expect(await invitationState()).toEqual(before)
  })

  it('an expired invitation cannot be accepted', async () => {
    const person = s.managerB.user
    const longAgo = new Date(Date.now() - 15 * 24 * 60 * 60 * 1000)
    const { invitationId } = await inviteMember(
      db,
      s.ctxA,
      { name: 'P', email: person.email, role: 'MANAGER', password: FIRST_PASSWORD },
      longAgo,
    )
    asPerson(person.id)
    expect(await listMyInvitations(person.id)).toEqual([])
    const before = await invitationState()
    const r = await acceptInvitationAction(null, form({ invitationId }))
    expect(r).toMatchObject({ ok: false, reason: 'INVALID', message: expect.stringMatching(/expired/) })
    expect(await invitationState()).toEqual(before)
  })

  it('a revoked invitation cannot be accepted; revoking is versioned', async () => {
    const person = s.managerB.user
    const id = await invite(person.email)
    asManagerA()
    const beforeStale = await invitationState()
    expect(await revokeInvitationAction(null, form({ invitationId: id, version: 7 }))).toMatchObject({
      ok: false,
      reason: 'STALE',
    })
    expect(await invitationState()).toEqual(beforeStale)
    expect(await revokeInvitationAction(null, form({ invitationId: id, version: 1 }))).toMatchObject({
      ok: true,
      data: { version: 2 },
    })
    expect(
      await db.auditEvent.count({ where: { entityId: id, action: 'revoke', actorId: s.managerA.user.id } }),
    ).toBe(1)
    asPerson(person.id)
    const before = await invitationState()
    const r = await acceptInvitationAction(null, form({ invitationId: id }))
    expect(r).toMatchObject({ ok: false, reason: 'INVALID', message: expect.stringMatching(/withdrawn/) })
    expect(await invitationState()).toEqual(before)
    // Another school's manager cannot revoke it (not found, nothing changes).
    const other = await invite('other@example.org')
    asUser(await contextFor(s.managerB.user.id, s.b.id))
    signedIn.userId = null
    const b2 = await invitationState()
    expect(await revokeInvitationAction(null, form({ invitationId: other, version: 1 }))).toMatchObject({
      ok: false,
      reason: 'NOT_FOUND',
    })
    expect(await invitationState()).toEqual(b2)
  })

  it('declining marks it declined, makes no membership and does not name the login to the school', async () => {
    const person = s.managerB.user
    const id = await invite(person.email)
    asPerson(person.id)
    expect(await declineInvitationAction(null, form({ invitationId: id }))).toMatchObject({ ok: true })
    expect((await db.invitation.findUniqueOrThrow({ where: { id } })).declinedAt).not.toBeNull()
    expect(await db.membership.count({ where: { userId: person.id, schoolId: s.a.id } })).toBe(0)
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: id, action: 'decline' } })
    expect(audit.actorId).toBeNull()
    expect(JSON.stringify(audit)).not.toContain(person.name)
    expect(await acceptInvitationAction(null, form({ invitationId: id }))).toMatchObject({
      ok: false,
      reason: 'INVALID',
    })
    expect((await listSchoolInvitations(s.a.id)).find((r) => r.id === id)?.status).toBe('declined')
  })
})

describe('the old path is gone', () => {
  it('no action attaches a login to a school without their answer', async () => {
    const people = await import('@/lib/people/actions')
    expect(Object.keys(people)).not.toContain('addMemberAction')
  })
})
