import { describe, expect, it } from 'vitest'
import {
  addMonths,
  dayInZone,
  describeDue,
  dueState,
  ENGLISH_TERMS,
  isMonthDay,
  nextReviewDue,
  readTerms,
  type Schedule,
} from './schedule'

const LONDON = 'Europe/London'
const termly: Schedule = { kind: 'TERMLY', terms: ENGLISH_TERMS }
const at = (iso: string) => new Date(iso)
const start = at('2026-01-10T09:00:00Z')

describe('next review due, termly', () => {
  it('with no review yet: the end of the term the school started in', () => {
    expect(
      nextReviewDue({
        lastSignedOffAt: null,
        startedAt: at('2026-10-01T09:00:00Z'),
        schedule: termly,
        timeZone: LONDON,
      }),
    ).toEqual({
      due: '2026-12-20',
      term: 'Autumn 2026',
    })
  })

  it('with no review yet and starting in a holiday: the end of the next term', () => {
    expect(
      nextReviewDue({
        lastSignedOffAt: null,
        startedAt: at('2026-08-10T09:00:00Z'),
        schedule: termly,
        timeZone: LONDON,
      }).due,
    ).toBe('2026-12-20')
  })

  it('after a sign-off in term: the end of the following term', () => {
    const next = nextReviewDue({
      lastSignedOffAt: at('2026-12-10T15:00:00Z'),
      startedAt: start,
      schedule: termly,
      timeZone: LONDON,
    })
    expect(next).toEqual({ due: '2027-03-31', term: 'Spring 2027' })
  })

  it('after a sign-off in the holiday: the end of the term after it', () => {
    expect(
      nextReviewDue({
        lastSignedOffAt: at('2026-07-30T10:00:00Z'),
        startedAt: start,
        schedule: termly,
        timeZone: LONDON,
      }).due,
    ).toBe('2026-12-20')
  })

  it("reads the sign-off's day in the school's time zone, not UTC", () => {
    // 23:30 UTC on 31 August is 00:30 on 1 September in London: autumn has started, so spring is next.
    const lateUtc = at('2026-08-31T23:30:00Z')
    expect(
      nextReviewDue({ lastSignedOffAt: lateUtc, startedAt: start, schedule: termly, timeZone: LONDON }).due,
    ).toBe('2027-03-31')
    expect(
      nextReviewDue({ lastSignedOffAt: lateUtc, startedAt: start, schedule: termly, timeZone: 'UTC' }).due,
    ).toBe('2026-12-20')
  })

  it("uses the school's own term dates, including a term that runs over the new year", () => {
    const terms = [
      { name: 'Michaelmas', start: '09-05', end: '12-15' },
      { name: 'Lent', start: '12-28', end: '03-20' },
      { name: 'Trinity', start: '04-20', end: '07-10' },
    ]
    const next = nextReviewDue({
      lastSignedOffAt: at('2026-12-01T12:00:00Z'),
      startedAt: start,
      schedule: { kind: 'TERMLY', terms },
      timeZone: LONDON,
    })
    expect(next).toEqual({ due: '2027-03-20', term: 'Lent 2026' })
  })

  it('falls back to English terms when none are given', () => {
    expect(
      nextReviewDue({
        lastSignedOffAt: at('2026-05-01T12:00:00Z'),
        startedAt: start,
        schedule: { kind: 'TERMLY', terms: [] },
        timeZone: LONDON,
      }).due,
    ).toBe('2026-12-20')
  })
})

describe('next review due, every N months', () => {
  it('is N months after the last sign-off, kept within the month', () => {
    const schedule: Schedule = { kind: 'MONTHS', months: 1 }
    expect(
      nextReviewDue({
        lastSignedOffAt: at('2027-01-31T12:00:00Z'),
        startedAt: start,
        schedule,
        timeZone: LONDON,
      }).due,
    ).toBe('2027-02-28')
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29')
    expect(addMonths('2026-11-15', 6)).toBe('2027-05-15')
  })

  it('counts from the start when nothing has been signed off', () => {
    expect(
      nextReviewDue({
        lastSignedOffAt: null,
        startedAt: start,
        schedule: { kind: 'MONTHS', months: 4 },
        timeZone: LONDON,
      }),
    ).toEqual({ due: '2026-05-10', term: null })
  })
})

describe('overdue', () => {
  const next = { due: '2026-12-20', term: 'Autumn 2026' }
  it('is due today on the day, and overdue the day after in the school zone', () => {
    expect(dueState(next, at('2026-12-20T23:30:00Z'), LONDON)).toMatchObject({ daysLeft: 0, overdue: false })
    // 11:30 UTC on 20 December is already 21 December in Auckland.
    expect(dueState(next, at('2026-12-20T11:30:00Z'), 'Pacific/Auckland')).toMatchObject({
      daysLeft: -1,
      overdue: true,
    })
    expect(describeDue(dueState(next, at('2026-12-23T10:00:00Z'), LONDON))).toBe('3 days overdue')
    expect(describeDue(dueState(next, at('2026-12-19T10:00:00Z'), LONDON))).toBe('due in 1 day')
    expect(describeDue({ daysLeft: 0 })).toBe('due today')
  })

  it('reads days in a zone', () => {
    expect(dayInZone(at('2026-06-30T23:30:00Z'), LONDON)).toBe('2026-07-01')
  })
})

describe('stored terms', () => {
  it('checks month-days and falls back to English terms for anything unreadable', () => {
    expect(isMonthDay('02-29')).toBe(true)
    expect(isMonthDay('02-30')).toBe(false)
    expect(isMonthDay('13-01')).toBe(false)
    expect(readTerms(null)).toEqual(ENGLISH_TERMS)
    expect(readTerms([{ name: 'X', start: 'bad', end: '01-01' }])).toEqual(ENGLISH_TERMS)
    expect(readTerms([{ name: 'X', start: '09-01', end: '12-01' }])).toEqual([
      { name: 'X', start: '09-01', end: '12-01' },
    ])
  })
})
