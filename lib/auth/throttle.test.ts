import { describe, expect, it } from 'vitest'
import { FREE_FAILURES, freeFailuresFor, lockDurationMs, throttleKeys } from './throttle'

describe('sign-in throttle rule', () => {
  it('costs nothing for the first few failures', () => {
    for (let n = 0; n <= FREE_FAILURES.email; n++) expect(lockDurationMs(n)).toBe(0)
    expect(lockDurationMs(FREE_FAILURES.email + 1)).toBeGreaterThan(0)
  })
  it('doubles the lock for each failure after that, up to 15 minutes', () => {
    expect(lockDurationMs(FREE_FAILURES.email + 1)).toBe(30_000)
    expect(lockDurationMs(FREE_FAILURES.email + 2)).toBe(60_000)
    expect(lockDurationMs(FREE_FAILURES.email + 3)).toBe(120_000)
    expect(lockDurationMs(FREE_FAILURES.email + 20)).toBe(15 * 60_000)
    expect(lockDurationMs(10_000)).toBe(15 * 60_000)
  })
  it('gives an address (a whole school behind one router) a much larger allowance than an e-mail', () => {
    expect(FREE_FAILURES.ip).toBeGreaterThanOrEqual(6 * FREE_FAILURES.email)
    expect(lockDurationMs(FREE_FAILURES.ip, FREE_FAILURES.ip)).toBe(0)
    expect(lockDurationMs(FREE_FAILURES.ip + 1, FREE_FAILURES.ip)).toBe(30_000)
    expect(lockDurationMs(FREE_FAILURES.ip + 20, FREE_FAILURES.ip)).toBe(15 * 60_000)
    expect(freeFailuresFor('ip:192.0.2.1')).toBe(FREE_FAILURES.ip)
    expect(freeFailuresFor('email:ip:someone@school.example')).toBe(FREE_FAILURES.email)
  })
  it('keys on the normalised e-mail and on the address when known', () => {
    expect(throttleKeys('  Head@School.Example ', '10.0.0.1')).toEqual([
      'email:head@school.example',
      'ip:10.0.0.1',
    ])
    expect(throttleKeys('a@b.c', null)).toEqual(['email:a@b.c'])
  })
  it('keys an IPv6 address on its /64, which one client can rotate through', () => {
    expect(throttleKeys('a@b.c', '2001:db8:1:2:aaaa::1')).toEqual(['email:a@b.c', 'ip:2001:db8:1:2::/64'])
    expect(throttleKeys('a@b.c', '2001:db8:1:2:ffff:ffff:ffff:ffff')[1]).toBe('ip:2001:db8:1:2::/64')
    expect(throttleKeys('a@b.c', '::1')[1]).toBe('ip:::/64')
  })
})
