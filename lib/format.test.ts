import { describe, expect, it } from 'vitest'
import { formatDate, formatDateTime, formatDay } from './format'

describe('dates in the school time zone', () => {
  const at = new Date('2026-11-22T23:30:00Z')

  it('formats UK style in the zone asked for, each zone with its own kept formatter', () => {
    expect(formatDateTime(at, 'Europe/London')).toBe('22 Nov 2026, 23:30')
    expect(formatDateTime(at, 'Pacific/Auckland')).toBe('23 Nov 2026, 12:30')
    expect(formatDate(at, 'Europe/London')).toBe('22 Nov 2026')
    expect(formatDate(at, 'Pacific/Auckland')).toBe('23 Nov 2026')
    // Asked again after the other zone: still its own zone.
    expect(formatDateTime(at, 'Europe/London')).toBe('22 Nov 2026, 23:30')
  })

  it('shows a date-only value as the day it names', () => {
    expect(formatDay(new Date('2026-03-01T12:00:00Z'))).toBe('1 Mar 2026')
  })

  it('refuses an unknown time zone every time, not only the first', () => {
    expect(() => formatDate(at, 'Mars/Olympus')).toThrow(RangeError)
    expect(() => formatDate(at, 'Mars/Olympus')).toThrow(RangeError)
  })
})
