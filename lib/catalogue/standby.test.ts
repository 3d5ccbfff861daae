import { describe, expect, it } from 'vitest'
import { dayIn, standbyDrift } from './standby'

const LONDON = 'Europe/London'
// Verification dates are date-only values, stored at midday UTC (lib/assets/schema.ts).
const verified = (day: string) => new Date(`${day}T12:00:00Z`)
const changed = new Date('2026-03-10T09:00:00Z')

describe('standbyDrift', () => {
  it('reports no standby whatever the dates say', () => {
    expect(
      standbyDrift(
        { hasStandby: false, specificationChangedAt: changed, standbyVerifiedAt: verified('2026-03-09') },
        LONDON,
      ),
    ).toBe('NO_STANDBY')
    expect(
      standbyDrift({ hasStandby: false, specificationChangedAt: null, standbyVerifiedAt: null }, LONDON),
    ).toBe('NO_STANDBY')
  })

  it('reports a standby nobody has verified', () => {
    expect(
      standbyDrift({ hasStandby: true, specificationChangedAt: null, standbyVerifiedAt: null }, LONDON),
    ).toBe('NEVER_VERIFIED')
    expect(
      standbyDrift({ hasStandby: true, specificationChangedAt: changed, standbyVerifiedAt: null }, LONDON),
    ).toBe('NEVER_VERIFIED')
  })

  it('warns when the primary changed on a later day than the standby was verified', () => {
    expect(
      standbyDrift(
        { hasStandby: true, specificationChangedAt: changed, standbyVerifiedAt: verified('2026-03-09') },
        LONDON,
      ),
    ).toBe('MAY_NOT_MATCH')
  })

  it('counts a check on the same day as the change as made after it, even late in the evening', () => {
    const lateEvening = new Date('2026-03-10T23:30:00Z') // 23:30 in London (GMT in March)
    expect(
      standbyDrift(
        { hasStandby: true, specificationChangedAt: lateEvening, standbyVerifiedAt: verified('2026-03-10') },
        LONDON,
      ),
    ).toBe('OK')
  })

  it("uses the school's time zone for the day of the change", () => {
    // 00:30 on 11 March in Auckland is still 10 March in UTC and in London.
    const justAfterMidnightNz = new Date('2026-03-10T11:30:00Z')
    const input = {
      hasStandby: true,
      specificationChangedAt: justAfterMidnightNz,
      standbyVerifiedAt: verified('2026-03-10'),
    }
    expect(standbyDrift(input, LONDON)).toBe('OK')
    expect(standbyDrift(input, 'Pacific/Auckland')).toBe('MAY_NOT_MATCH')
  })

  it('is content when the standby was verified after the change', () => {
    expect(
      standbyDrift(
        { hasStandby: true, specificationChangedAt: changed, standbyVerifiedAt: verified('2026-03-11') },
        LONDON,
      ),
    ).toBe('OK')
  })

  it('is content when the specification was never changed after the asset was recorded', () => {
    expect(
      standbyDrift(
        { hasStandby: true, specificationChangedAt: null, standbyVerifiedAt: verified('2026-03-09') },
        LONDON,
      ),
    ).toBe('OK')
  })
})

describe('dayIn', () => {
  it('gives the calendar day in the zone, across midnight and summer time', () => {
    expect(dayIn(new Date('2026-07-01T23:30:00Z'), LONDON)).toBe('2026-07-02') // BST
    expect(dayIn(new Date('2026-01-01T23:30:00Z'), LONDON)).toBe('2026-01-01') // GMT
  })
})
