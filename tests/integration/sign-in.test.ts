import { beforeAll, describe, expect, it } from 'vitest'
import { authenticate } from '@/lib/auth/sign-in'
import { FREE_FAILURES } from '@/lib/auth/throttle'
import { db } from '@/lib/db'
import { makeMember, makeSchool, TEST_PASSWORD } from '../support/factories'

let email: string

beforeAll(async () => {
  const school = await makeSchool()
  email = (await makeMember(school.id, 'MANAGER', 'signin@test.example')).user.email
})

describe('sign-in', () => {
  it('accepts the right password, whatever the case of the e-mail', async () => {
    const r = await authenticate(db, '  SignIn@Test.example ', TEST_PASSWORD, '10.0.0.1')
    expect(r.ok).toBe(true)
    if (r.ok) expect(r.user).toEqual({ id: expect.any(String), email, name: expect.any(String) })
  })

  it('gives a wrong e-mail and a wrong password the same answer in about the same time', async () => {
    const time = async (e: string, p: string) => {
      const t = performance.now()
      const r = await authenticate(db, e, p, null)
      return { r, ms: performance.now() - t }
    }
    await time('nobody@test.example', 'x') // warm the dummy hash
    const wrongEmail = await time('nobody@test.example', TEST_PASSWORD)
    const wrongPassword = await time('other-person@test.example', 'wrong password')
    const wrongPasswordReal = await time(email, 'wrong password')
    expect(wrongEmail.r).toEqual({ ok: false, reason: 'INVALID' })
    expect(wrongPasswordReal.r).toEqual({ ok: false, reason: 'INVALID' })
    // Both verify one scrypt hash (skipping it for an unknown e-mail would make that ~50x faster).
    const ratio =
      Math.min(wrongEmail.ms, wrongPasswordReal.ms) / Math.max(wrongEmail.ms, wrongPasswordReal.ms)
    expect(ratio).toBeGreaterThan(0.35)
    expect(wrongPassword.r).toEqual(wrongEmail.r)
    await db.loginThrottle.deleteMany()
  })

  it('locks an account after repeated failures, in the database, and keeps the lock for the right password', async () => {
    for (let i = 0; i < FREE_FAILURES; i++)
      expect(await authenticate(db, email, 'nope', `10.1.0.${i}`)).toEqual({ ok: false, reason: 'INVALID' })
    expect((await authenticate(db, email, 'nope', '10.1.1.1')).ok).toBe(false)
    const row = await db.loginThrottle.findUniqueOrThrow({ where: { key: `email:${email}` } })
    expect(row.failures).toBe(FREE_FAILURES + 1)
    expect(row.lockedUntil!.getTime()).toBeGreaterThan(Date.now())
    const locked = await authenticate(db, email, TEST_PASSWORD, '10.1.2.2')
    expect(locked).toMatchObject({ ok: false, reason: 'LOCKED' })
    await db.loginThrottle.deleteMany()
  })

  it('locks one address that tries many accounts', async () => {
    for (let i = 0; i <= FREE_FAILURES; i++)
      await authenticate(db, `guess${i}@test.example`, 'nope', '192.0.2.7')
    expect(await authenticate(db, email, TEST_PASSWORD, '192.0.2.7')).toMatchObject({ reason: 'LOCKED' })
    expect((await authenticate(db, email, TEST_PASSWORD, '192.0.2.8')).ok).toBe(true)
    await db.loginThrottle.deleteMany()
  })

  it('never returns the password hash from an ordinary query', async () => {
    const u = await db.user.findFirstOrThrow({ where: { email } })
    expect(Object.keys(u)).not.toContain('passwordHash')
    const m = await db.membership.findFirstOrThrow({ include: { user: true } })
    expect(Object.keys(m.user)).not.toContain('passwordHash')
  })
})
