import { describe, expect, it } from 'vitest'
import { addMonths, restoreStatus } from './restore-status'

const day = (s: string) => new Date(`${s}T12:00:00Z`)

describe('addMonths', () => {
  it('keeps the day of the month, or the last day of a shorter month', () => {
    expect(addMonths(day('2026-03-15'), 6)).toEqual(day('2026-09-15'))
    expect(addMonths(day('2026-08-31'), 6)).toEqual(day('2027-02-28'))
    expect(addMonths(day('2027-08-31'), 6)).toEqual(day('2028-02-29'))
    expect(addMonths(day('2026-11-30'), 3)).toEqual(day('2027-02-28'))
  })
})

describe('restoreStatus', () => {
  const today = day('2026-11-24')

  it('is NEVER with no tests, or with no successful test', () => {
    expect(restoreStatus([], today, 6).kind).toBe('NEVER')
    expect(
      restoreStatus(
        [
          { testedOn: day('2026-11-01'), result: 'FAILED' },
          { testedOn: day('2026-10-01'), result: 'PARTIAL' },
        ],
        today,
        6,
      ).kind,
    ).toBe('NEVER')
  })

  it('is CURRENT up to and including the day the period ends', () => {
    expect(restoreStatus([{ testedOn: day('2026-05-24'), result: 'SUCCESS' }], today, 6)).toEqual({
      kind: 'CURRENT',
      lastSuccess: day('2026-05-24'),
      dueBy: day('2026-11-24'),
    })
  })

  it('is STALE the day after, and uses the latest success whatever the order', () => {
    const r = restoreStatus(
      [
        { testedOn: day('2026-05-23'), result: 'SUCCESS' },
        { testedOn: day('2026-11-20'), result: 'FAILED' },
        { testedOn: day('2026-01-02'), result: 'SUCCESS' },
      ],
      today,
      6,
    )
    expect(r).toEqual({ kind: 'STALE', lastSuccess: day('2026-05-23'), dueSince: day('2026-11-23') })
  })

  it('follows the school period', () => {
    const tests = [{ testedOn: day('2026-09-01'), result: 'SUCCESS' as const }]
    expect(restoreStatus(tests, today, 6).kind).toBe('CURRENT')
    expect(restoreStatus(tests, today, 2).kind).toBe('STALE')
  })
})
