/*
 * Server-side sessions, through the real request path: a real next-auth JWT in the cookie jar, read by
 * lib/auth/context.ts and checked against the Session table. Only Next's request (cookies, headers) is
 * replaced.
 */
import { decode, encode, type JWT } from 'next-auth/jwt'
import { beforeEach, describe, expect, it, vi } from 'vitest'

const jar = vi.hoisted(() => {
  process.env.NEXTAUTH_SECRET = 'sessions-test-secret-0123456789abcdef'
  return new Map<string, string>()
})
// The real session check (tests/support/mock-request.ts replaces it for every other file).
vi.unmock('@/lib/auth/context')
vi.mock('next/headers', () => ({
  cookies: async () => ({
    getAll: () => [...jar].map(([name, value]) => ({ name, value })),
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined),
    has: (name: string) => jar.has(name),
  }),
  headers: async () => new Headers(),
}))
vi.mock('next/cache', () => import('../support/mock-next'))

import { changePasswordAction } from '@/lib/auth/account-actions'
import { getSchoolContext, getSessionUserId } from '@/lib/auth/context'
import { authOptions, SESSION_MAX_AGE_S } from '@/lib/auth/options'
import { verifyPassword } from '@/lib/auth/password'
import { authenticate } from '@/lib/auth/sign-in'
import { countQueries, db } from '@/lib/db'
import { removeMember } from '@/lib/people/mutations'
import { form, makeMember, makeSchool, TEST_PASSWORD } from '../support/factories'

const SECRET = process.env.NEXTAUTH_SECRET as string
const COOKIE = 'next-auth.session-token'

/** Signs in as next-auth does: its jwt callback at sign-in, then the sealed token in the cookie. */
async function signIn(userId: string): Promise<JWT> {
  const jwt = authOptions.callbacks?.jwt as unknown as (p: {
    token: JWT
    user?: { id: string }
  }) => Promise<JWT>
  const token = await jwt({ token: { sub: userId }, user: { id: userId } })
  await presentToken(token)
  return token
}
/** Puts a token in the cookie, sealed with a fresh expiry: what GET /api/auth/session hands back. */
async function presentToken(token: JWT) {
  jar.set(COOKIE, await encode({ token, secret: SECRET, maxAge: SESSION_MAX_AGE_S }))
}
const sessionRow = (id: unknown) => db.session.findUnique({ where: { id: String(id) } })

let schoolId: string
let person: Awaited<ReturnType<typeof makeMember>>
beforeEach(async () => {
  jar.clear()
  schoolId = (await makeSchool('Session School')).id
  person = await makeMember(schoolId, 'TEAM')
})

describe('a session', () => {
  it('starts at sign-in with a row that ends eight hours later, and is checked in one query', async () => {
    const before = Date.now()
    const token = await signIn(person.user.id)
    const row = await sessionRow(token.sid)
    expect(row?.userId).toBe(person.user.id)
    expect(row!.expiresAt.getTime() - before).toBeGreaterThanOrEqual(SESSION_MAX_AGE_S * 1000 - 10)
    expect(row!.expiresAt.getTime() - before).toBeLessThan(SESSION_MAX_AGE_S * 1000 + 5_000)
    const { result, queries } = await countQueries(() => getSchoolContext())
    expect(result).toMatchObject({ userId: person.user.id, schoolId, role: 'TEAM', sessionId: token.sid })
    expect(queries).toBe(1)
    expect(await getSessionUserId()).toBe(person.user.id)
  })

  it('is signed out when its row is deleted, though the token itself is still valid', async () => {
    const token = await signIn(person.user.id)
    await db.session.delete({ where: { id: String(token.sid) } })
    expect(await decode({ token: jar.get(COOKIE), secret: SECRET })).toMatchObject({ sid: token.sid })
    expect(await getSchoolContext()).toBeNull()
    expect(await getSessionUserId()).toBeNull()
  })

  it('is signed out after its eight hours even when a re-issued token claims a later expiry', async () => {
    const token = await signIn(person.user.id)
    // Eight hours have passed since sign-in; the token was re-issued a moment ago (as GET
    // /api/auth/session does), so it claims to be good for eight more.
    await db.session.update({
      where: { id: String(token.sid) },
      data: {
        createdAt: new Date(Date.now() - SESSION_MAX_AGE_S * 1000 - 1000),
        expiresAt: new Date(Date.now() - 1000),
      },
    })
    await presentToken(token)
    const claims = await decode({ token: jar.get(COOKIE), secret: SECRET })
    expect((claims?.exp as number) * 1000).toBeGreaterThan(Date.now() + (SESSION_MAX_AGE_S - 60) * 1000)
    expect(await getSchoolContext()).toBeNull()
    expect(await getSessionUserId()).toBeNull()
  })

  it('refuses a token from before server-side sessions (no session id)', async () => {
    await presentToken({ sub: person.user.id, uid: person.user.id })
    expect(await getSessionUserId()).toBeNull()
  })

  it('refuses a session id presented with another user id', async () => {
    const other = await makeMember(schoolId, 'MANAGER')
    const token = await signIn(person.user.id)
    await presentToken({ ...token, uid: other.user.id })
    expect(await getSchoolContext()).toBeNull()
  })

  it('sweeps sessions that have already expired when someone signs in', async () => {
    const stale = await db.session.create({
      data: { userId: person.user.id, expiresAt: new Date(Date.now() - 60_000) },
    })
    const live = await signIn(person.user.id)
    expect(await sessionRow(stale.id)).toBeNull()
    expect(await sessionRow(live.sid)).not.toBeNull()
  })
})

describe('ending sessions', () => {
  it('signing out deletes the row, so a copy of the token is signed out too', async () => {
    const token = await signIn(person.user.id)
    const copied = jar.get(COOKIE)
    const signOut = authOptions.events?.signOut as unknown as (m: { token: JWT }) => Promise<void>
    await signOut({ token })
    expect(await sessionRow(token.sid)).toBeNull()
    jar.set(COOKIE, copied as string)
    expect(await getSessionUserId()).toBeNull()
  })

  it('removal from a school ends every session of that person at once', async () => {
    const manager = await makeMember(schoolId, 'MANAGER')
    const other = await makeMember(schoolId, 'VIEWER')
    const laptop = await signIn(person.user.id)
    const phone = await signIn(person.user.id)
    const bystander = await signIn(other.user.id)
    await presentToken(laptop)
    expect(await getSchoolContext()).not.toBeNull()
    await removeMember(
      db,
      { schoolId, userId: manager.user.id },
      { membershipId: person.membership.id, version: 1 },
    )
    expect(await sessionRow(laptop.sid)).toBeNull()
    expect(await sessionRow(phone.sid)).toBeNull()
    expect(await getSessionUserId()).toBeNull()
    // Nobody else is signed out.
    expect(await sessionRow(bystander.sid)).not.toBeNull()
  })
})

describe('changing your password', () => {
  const NEW = 'a brand new long password'
  const change = (currentPassword: string, newPassword = NEW, confirmPassword = newPassword) =>
    changePasswordAction(null, form({ currentPassword, newPassword, confirmPassword }))
  const storedHash = async () =>
    (await db.user.findUniqueOrThrow({ where: { id: person.user.id }, omit: { passwordHash: false } }))
      .passwordHash

  it('needs the current password, ends every other session and keeps this one', async () => {
    const elsewhere = await signIn(person.user.id)
    const here = await signIn(person.user.id)
    const r = await change(TEST_PASSWORD)
    expect(r).toEqual({ ok: true, data: { endedSessions: 1 } })
    expect(await sessionRow(elsewhere.sid)).toBeNull()
    expect(await sessionRow(here.sid)).not.toBeNull()
    expect(await getSessionUserId()).toBe(person.user.id)
    expect(await verifyPassword(NEW, await storedHash())).toBe(true)
    expect((await authenticate(db, person.user.email, NEW, null)).ok).toBe(true)
    expect(await authenticate(db, person.user.email, TEST_PASSWORD, null)).toEqual({
      ok: false,
      reason: 'INVALID',
    })
  })

  it('refuses a wrong current password, keeps the stored hash and every session, and echoes nothing', async () => {
    const elsewhere = await signIn(person.user.id)
    await signIn(person.user.id)
    const hash = await storedHash()
    const r = await change('not my password at all')
    expect(r).toMatchObject({
      ok: false,
      reason: 'INVALID',
      fieldErrors: { currentPassword: [expect.any(String)] },
    })
    // No password comes back in the result (the wrapper keeps secret fields out of `values`).
    expect(JSON.stringify(r)).not.toContain(NEW)
    expect(JSON.stringify(r)).not.toContain('not my password at all')
    expect(await storedHash()).toBe(hash)
    expect(await sessionRow(elsewhere.sid)).not.toBeNull()
  })

  it('locks after repeated wrong current passwords, even against the right one', async () => {
    await signIn(person.user.id)
    const hash = await storedHash()
    for (let i = 0; i < 6; i++) expect((await change(`wrong guess ${i}`)).ok).toBe(false)
    const r = await change(TEST_PASSWORD)
    expect(r).toMatchObject({ ok: false, reason: 'INVALID', message: expect.stringMatching(/Too many/) })
    expect(await storedHash()).toBe(hash)
    expect(
      (await db.loginThrottle.findUnique({ where: { key: `password:${person.user.id}` } }))?.failures,
    ).toBe(7)
  })

  it('refuses a short, mismatched, control-character or unchanged new password with field messages', async () => {
    await signIn(person.user.id)
    const hash = await storedHash()
    expect(await change(TEST_PASSWORD, 'too short')).toMatchObject({
      fieldErrors: { newPassword: [expect.stringMatching(/12/)] },
    })
    expect(await change(TEST_PASSWORD, NEW, `${NEW}!`)).toMatchObject({
      fieldErrors: { confirmPassword: [expect.any(String)] },
    })
    expect(await change(TEST_PASSWORD, `${NEW}\u0000`)).toMatchObject({
      fieldErrors: { newPassword: [expect.stringMatching(/control character/)] },
    })
    expect(await change(TEST_PASSWORD, TEST_PASSWORD)).toMatchObject({
      fieldErrors: { newPassword: [expect.any(String)] },
    })
    expect(await storedHash()).toBe(hash)
  })

  it('is refused when signed out', async () => {
    const hash = await storedHash()
    expect(await change(TEST_PASSWORD)).toMatchObject({ ok: false, reason: 'UNAUTHENTICATED' })
    expect(await storedHash()).toBe(hash)
  })
})
