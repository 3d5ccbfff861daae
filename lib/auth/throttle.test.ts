import { describe, expect, it } from 'vitest'
import { FREE_FAILURES, lockDurationMs, throttleKeys } from './throttle'

describe('sign-in throttle rule', () => {
  it('costs nothing for the first few failures', () => {
    for (let n = 0; n <= FREE_FAILURES; n++) expect(lockDurationMs(n)).toBe(0)
  })
  it('doubles the lock for each failure after that, up to 15 minutes', () => {
    expect(lockDurationMs(FREE_FAILURES + 1)).toBe(30_000)
    expect(lockDurationMs(FREE_FAILURES + 2)).toBe(60_000)
    expect(lockDurationMs(FREE_FAILURES + 3)).toBe(120_000)
    expect(lockDurationMs(FREE_FAILURES + 20)).toBe(15 * 60_000)
  })
  it('keys on the normalised e-mail and on the address when known', () => {
    expect(throttleKeys('  Head@School.Example ', '10.0.0.1')).toEqual([
      'email:head@school.example',
      'ip:10.0.0.1',
    ])
    expect(throttleKeys('a@b.c', null)).toEqual(['email:a@b.c'])
  })
})
