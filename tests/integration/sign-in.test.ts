import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { authenticate, type SignInResult } from '@/lib/auth/sign-in'
import { countAttempt, FREE_FAILURES, lockDurationMs, WINDOW_MS } from '@/lib/auth/throttle'
import { countQueries, db } from '@/lib/db'
import { makeMember, makeSchool, TEST_PASSWORD } from '../support/factories'

let email: string

beforeAll(async () => {
  const school = await makeSchool()
  email = (await makeMember(school.id, 'MANAGER', 'signin@test.example')).user.email
})

afterEach(async () => {
  await db.loginThrottle.deleteMany()
})

const stored = (key: string) => db.loginThrottle.findUnique({ where: { key } })
const tally = (results: SignInResult[]) => ({
  ok: results.filter((r) => r.ok).length,
  INVALID: results.filter((r) => !r.ok && r.reason === 'INVALID').length,
  LOCKED: results.filter((r) => !r.ok && r.reason === 'LOCKED').length,
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
    // No warm-up: the dummy hash is built when the module loads, so even the first unknown e-mail costs
    // one hash, not two.
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
  })

  it('locks an account after repeated failures, in the database, and keeps the lock for the right password', async () => {
    for (let i = 0; i < FREE_FAILURES.email; i++)
      expect(await authenticate(db, email, 'nope', `10.1.0.${i}`)).toEqual({ ok: false, reason: 'INVALID' })
    expect(await authenticate(db, email, 'nope', '10.1.1.1')).toEqual({ ok: false, reason: 'INVALID' })
    const row = await db.loginThrottle.findUniqueOrThrow({ where: { key: `email:${email}` } })
    expect(row.failures).toBe(FREE_FAILURES.email + 1)
    expect(row.lockedUntil!.getTime()).toBeGreaterThan(Date.now())
    const locked = await authenticate(db, email, TEST_PASSWORD, '10.1.2.2')
    expect(locked).toMatchObject({ ok: false, reason: 'LOCKED' })
  })

  it('counts every one of many parallel wrong guesses and checks no more passwords than the allowance', async () => {
    const n = 30
    const results = await Promise.all(
      Array.from({ length: n }, (_, i) => authenticate(db, email, `guess ${i}`, null)),
    )
    // The free failures and the one that sets the lock have their password checked; the rest are
    // refused unchecked, because each attempt is counted before its password is checked.
    expect(tally(results)).toEqual({
      ok: 0,
      INVALID: FREE_FAILURES.email + 1,
      LOCKED: n - FREE_FAILURES.email - 1,
    })
    const row = await stored(`email:${email}`)
    expect(row?.failures).toBe(n)
    expect(row?.lockedUntil?.getTime()).toBeGreaterThan(Date.now())
    expect(await authenticate(db, email, TEST_PASSWORD, null)).toMatchObject({ ok: false, reason: 'LOCKED' })
    expect((await stored(`email:${email}`))?.failures).toBe(n + 1)
  })

  it('refuses the right password sent straight after a burst of parallel wrong ones', async () => {
    const attempts = [
      ...Array.from({ length: 19 }, (_, i) => authenticate(db, email, `guess ${i}`, null)),
      authenticate(db, email, TEST_PASSWORD, null),
    ]
    const results = await Promise.all(attempts)
    expect(results[19]).toMatchObject({ ok: false, reason: 'LOCKED' })
    expect(tally(results)).toEqual({
      ok: 0,
      INVALID: FREE_FAILURES.email + 1,
      LOCKED: 20 - FREE_FAILURES.email - 1,
    })
    expect((await stored(`email:${email}`))?.failures).toBe(20)
  })

  it('gives an address a larger allowance than an e-mail, then locks it for every account', async () => {
    const ip = '192.0.2.7'
    // A school's staff behind one router: many failures (for different people) cost nothing.
    const results = await Promise.all(
      Array.from({ length: FREE_FAILURES.ip }, (_, i) =>
        authenticate(db, `guess${i}@test.example`, 'nope', ip),
      ),
    )
    expect(tally(results)).toEqual({ ok: 0, INVALID: FREE_FAILURES.ip, LOCKED: 0 })
    expect((await stored(`ip:${ip}`))?.failures).toBe(FREE_FAILURES.ip)
    expect((await authenticate(db, email, TEST_PASSWORD, ip)).ok).toBe(true)
    // One more failure goes past the allowance and locks the address, whatever account it tries.
    expect(await authenticate(db, 'one-more@test.example', 'nope', ip)).toEqual({
      ok: false,
      reason: 'INVALID',
    })
    expect(await authenticate(db, email, TEST_PASSWORD, ip)).toMatchObject({ ok: false, reason: 'LOCKED' })
    expect((await authenticate(db, email, TEST_PASSWORD, '192.0.2.8')).ok).toBe(true)
  })

  it('on success clears the e-mail count but takes only its own attempt off the address', async () => {
    const ip = '192.0.2.20'
    for (let i = 0; i < 3; i++) await authenticate(db, email, 'nope', ip)
    expect((await stored(`email:${email}`))?.failures).toBe(3)
    expect((await stored(`ip:${ip}`))?.failures).toBe(3)
    expect((await authenticate(db, email, TEST_PASSWORD, ip)).ok).toBe(true)
    expect(await stored(`email:${email}`)).toBeNull()
    expect((await stored(`ip:${ip}`))?.failures).toBe(3)
  })

  it('throttles an IPv6 client by its /64', async () => {
    for (let i = 0; i < 3; i++)
      await authenticate(db, `v6-${i}@test.example`, 'nope', `2001:db8:5:6::${i + 1}`)
    expect((await stored('ip:2001:db8:5:6::/64'))?.failures).toBe(3)
  })

  it('answers a malformed e-mail (a NUL byte) as a wrong password, before it reaches the database', async () => {
    for (const bad of ['signin@test.example\u0000', '\u0000', 'not an e-mail', `${'a'.repeat(300)}@x.org`]) {
      // With no address to count, nothing at all is sent to the database.
      const { result, queries } = await countQueries(() => authenticate(db, bad, TEST_PASSWORD, null))
      expect(result).toEqual({ ok: false, reason: 'INVALID' })
      expect(queries).toBe(0)
    }
    // With an address, the attempt counts against the address only.
    expect(await authenticate(db, `${email}\u0000`, TEST_PASSWORD, '192.0.2.30')).toEqual({
      ok: false,
      reason: 'INVALID',
    })
    expect((await stored('ip:192.0.2.30'))?.failures).toBe(1)
    expect(await db.loginThrottle.count()).toBe(1)
  })

  it('never returns the password hash from an ordinary query', async () => {
    const u = await db.user.findFirstOrThrow({ where: { email } })
    expect(Object.keys(u)).not.toContain('passwordHash')
    const m = await db.membership.findFirstOrThrow({ include: { user: true } })
    expect(Object.keys(m.user)).not.toContain('passwordHash')
  })
})

describe('throttle counting in the database', () => {
  const key = 'email:clock@test.example'
  const at = (ms: number) => new Date(Date.UTC(2026, 0, 12, 8, 0, 0) + ms)
  const lockedFor = async (now: Date) => {
    const row = await db.loginThrottle.findUniqueOrThrow({ where: { key } })
    return { failures: row.failures, lockMs: row.lockedUntil ? row.lockedUntil.getTime() - now.getTime() : 0 }
  }

  it('sets the same doubling locks as lockDurationMs, and a lock refuses without extending itself', async () => {
    const free = FREE_FAILURES.email
    for (let n = 1; n <= free; n++) expect(await countAttempt(db, [key], at(0))).toBe(0)
    expect(await lockedFor(at(0))).toEqual({ failures: free, lockMs: 0 })
    // The attempt past the allowance may go on (its password is checked), and sets the first lock.
    expect(await countAttempt(db, [key], at(0))).toBe(0)
    expect(await lockedFor(at(0))).toEqual({ failures: free + 1, lockMs: lockDurationMs(free + 1) })
    // While locked: refused, counted, lock unchanged.
    expect(await countAttempt(db, [key], at(10_000))).toBe(20_000)
    expect(await countAttempt(db, [key], at(10_000))).toBe(20_000)
    expect(await lockedFor(at(0))).toEqual({ failures: free + 3, lockMs: lockDurationMs(free + 1) })
    // When the lock ends, one attempt goes through and sets a lock for its own number.
    expect(await countAttempt(db, [key], at(30_000))).toBe(0)
    expect(await lockedFor(at(30_000))).toEqual({ failures: free + 4, lockMs: lockDurationMs(free + 4) })
    expect(lockDurationMs(free + 4)).toBe(240_000)
    for (let i = 0; i < 30; i++) await countAttempt(db, [key], at(31_000))
    expect(await countAttempt(db, [key], at(270_000))).toBe(0)
    expect(await lockedFor(at(270_000))).toEqual({ failures: free + 35, lockMs: 15 * 60_000 })
  })

  it('uses the address allowance for ip: keys', async () => {
    const ipKey = 'ip:198.51.100.4'
    for (let n = 1; n <= FREE_FAILURES.ip + 1; n++) expect(await countAttempt(db, [ipKey], at(0))).toBe(0)
    expect(await countAttempt(db, [ipKey], at(0))).toBe(
      lockDurationMs(FREE_FAILURES.ip + 1, FREE_FAILURES.ip),
    )
  })

  it('starts counting again once the window has passed and no lock is running', async () => {
    for (let n = 1; n <= 3; n++) await countAttempt(db, [key], at(0))
    expect((await lockedFor(at(0))).failures).toBe(3)
    await countAttempt(db, [key], at(WINDOW_MS))
    expect((await lockedFor(at(0))).failures).toBe(4)
    await countAttempt(db, [key], at(2 * WINDOW_MS + 1))
    expect(await db.loginThrottle.findUniqueOrThrow({ where: { key } })).toMatchObject({
      failures: 1,
      windowStartedAt: at(2 * WINDOW_MS + 1),
      lockedUntil: null,
    })
  })

  it('keeps a running lock even after the window has passed', async () => {
    for (let n = 1; n <= FREE_FAILURES.email + 4; n++) await countAttempt(db, [key], at(n < 7 ? 0 : 1))
    // Locked at 0 for 30 s; the refused attempts raise the count, so the next lock (at 30 s) is the cap.
    for (let i = 0; i < 20; i++) await countAttempt(db, [key], at(1000))
    expect(await countAttempt(db, [key], at(30_000))).toBe(0)
    expect((await lockedFor(at(30_000))).lockMs).toBe(15 * 60_000)
    // The window (from 0) ends at 15 min, the lock at 15.5 min: still refused in between.
    expect(await countAttempt(db, [key], at(WINDOW_MS + 10_000))).toBe(20_000)
    expect(await countAttempt(db, [key], at(WINDOW_MS + 30_000))).toBe(0)
    expect((await lockedFor(at(0))).failures).toBe(1)
  })
})
