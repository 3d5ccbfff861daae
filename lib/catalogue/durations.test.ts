import { describe, expect, it } from 'vitest'
import { formatDuration, splitMinutes, toMinutes } from './durations'

describe('toMinutes', () => {
  it('converts each unit', () => {
    expect(toMinutes(45, 'minutes')).toBe(45)
    expect(toMinutes(4, 'hours')).toBe(240)
    expect(toMinutes(2, 'days')).toBe(2880)
    expect(toMinutes(1, 'weeks')).toBe(10080)
    expect(toMinutes(0, 'days')).toBe(0)
  })

  it('accepts fractions that make whole minutes, despite binary rounding', () => {
    expect(toMinutes(1.5, 'hours')).toBe(90)
    expect(toMinutes(0.1, 'hours')).toBe(6)
    expect(toMinutes(0.5, 'days')).toBe(720)
  })

  it('refuses part minutes, negatives and non-numbers', () => {
    expect(() => toMinutes(0.5, 'minutes')).toThrow('0.5 minutes is not a whole number of minutes')
    expect(() => toMinutes(0.01, 'hours')).toThrow(RangeError)
    expect(() => toMinutes(-1, 'hours')).toThrow(RangeError)
    expect(() => toMinutes(Number.NaN, 'hours')).toThrow(RangeError)
    expect(() => toMinutes(Number.POSITIVE_INFINITY, 'days')).toThrow(RangeError)
  })
})

describe('splitMinutes', () => {
  it('picks the largest unit that divides exactly', () => {
    expect(splitMinutes(1440)).toEqual({ value: 1, unit: 'days' })
    expect(splitMinutes(90)).toEqual({ value: 90, unit: 'minutes' })
    expect(splitMinutes(120)).toEqual({ value: 2, unit: 'hours' })
    expect(splitMinutes(20160)).toEqual({ value: 2, unit: 'weeks' })
    expect(splitMinutes(4320)).toEqual({ value: 3, unit: 'days' })
    expect(splitMinutes(1500)).toEqual({ value: 25, unit: 'hours' })
    expect(splitMinutes(7)).toEqual({ value: 7, unit: 'minutes' })
  })

  it('shows zero as 0 minutes', () => {
    expect(splitMinutes(0)).toEqual({ value: 0, unit: 'minutes' })
  })

  it('round-trips with toMinutes', () => {
    for (const m of [1, 59, 60, 61, 1439, 1440, 10079, 10080, 30240, 527040]) {
      const { value, unit } = splitMinutes(m)
      expect(toMinutes(value, unit)).toBe(m)
    }
  })

  it('refuses negative and part minutes', () => {
    expect(() => splitMinutes(-60)).toThrow(RangeError)
    expect(() => splitMinutes(1.5)).toThrow(
      'A duration must be a whole number of minutes, zero or more (got 1.5)',
    )
  })
})

describe('formatDuration', () => {
  it('reads durations in UK English', () => {
    expect(formatDuration(30)).toBe('30 minutes')
    expect(formatDuration(1)).toBe('1 minute')
    expect(formatDuration(60)).toBe('1 hour')
    expect(formatDuration(240)).toBe('4 hours')
    expect(formatDuration(1440)).toBe('1 day')
    expect(formatDuration(3120)).toBe('2 days 4 hours')
    expect(formatDuration(10080)).toBe('1 week')
    expect(formatDuration(0)).toBe('0 minutes')
  })

  it('combines units largest first and leaves out empty ones', () => {
    expect(formatDuration(90)).toBe('1 hour 30 minutes')
    expect(formatDuration(10080 + 1)).toBe('1 week 1 minute')
    expect(formatDuration(2 * 10080 + 3 * 1440 + 60 + 5)).toBe('2 weeks 3 days 1 hour 5 minutes')
  })

  it('refuses negative and part minutes', () => {
    expect(() => formatDuration(-1)).toThrow(RangeError)
    expect(() => formatDuration(2.5)).toThrow(RangeError)
  })
})
