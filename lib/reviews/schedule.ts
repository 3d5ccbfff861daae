/*
 * When the next plan review is due (domain.md "Review due"; seed 000: "review your service-continuity
 * recovery plan on a regular basis"). Pure: no Prisma, no clock. Dates are calendar days in the school's
 * time zone, as "YYYY-MM-DD" strings, so a sign-off at 23:30 UTC on 31 August counts as 1 September in
 * London and nothing depends on the server's own zone.
 */
import { dayIn } from '@/lib/catalogue/standby'

/** A calendar day, "YYYY-MM-DD". */
export type Day = string

/** A school term as it repeats each year: month-day of its first and last day ("09-01", "12-20"). */
export type Term = { name: string; start: string; end: string }

/**
 * Typical English term dates (they vary a few days each year by local authority): autumn from early
 * September to the Christmas holiday, spring from early January to the Easter holiday (end of March or
 * early April), summer from mid April to late July.
 */
export const ENGLISH_TERMS: readonly Term[] = [
  { name: 'Autumn', start: '09-01', end: '12-20' },
  { name: 'Spring', start: '01-05', end: '03-31' },
  { name: 'Summer', start: '04-15', end: '07-22' },
]

export type Schedule = { kind: 'TERMLY'; terms: readonly Term[] } | { kind: 'MONTHS'; months: number }

const MONTH_DAY = /^(\d\d)-(\d\d)$/

/** True for a real month-day ("02-29" is allowed: it falls on 1 March in other years). */
export function isMonthDay(v: string): boolean {
  const m = MONTH_DAY.exec(v)
  if (!m) return false
  const month = Number(m[1])
  const day = Number(m[2])
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(2024, month)
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0')

function toDay(year: number, month: number, day: number): Day {
  // Roll over (29 February in a common year becomes 1 March) through UTC arithmetic.
  const d = new Date(Date.UTC(year, month - 1, day))
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}

/** The calendar day a moment falls on in a time zone (one kept formatter per zone: see dayIn). */
export function dayInZone(at: Date, timeZone: string): Day {
  return dayIn(at, timeZone)
}

/** A day plus whole months, kept within the month (31 January + 1 month = 28 or 29 February). */
export function addMonths(day: Day, months: number): Day {
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number)
  const index = y * 12 + (m - 1) + months
  const year = Math.floor(index / 12)
  const month = (index % 12) + 1
  return toDay(year, month, Math.min(d, daysInMonth(year, month)))
}

/** Whole days from a to b (negative when b is earlier). */
export function daysBetween(a: Day, b: Day): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000)
}

type TermDates = { name: string; start: Day; end: Day }

/** Each term's dates in the years around `year`, in order. A term ending before it starts runs into the next year. */
export function termsAround(year: number, terms: readonly Term[]): TermDates[] {
  const out: TermDates[] = []
  for (let y = year - 1; y <= year + 2; y++)
    for (const t of terms) {
      const [sm = 1, sd = 1] = t.start.split('-').map(Number)
      const [em = 1, ed = 1] = t.end.split('-').map(Number)
      const start = toDay(y, sm, sd)
      let end = toDay(y, em, ed)
      if (end < start) end = toDay(y + 1, em, ed)
      out.push({ name: t.name, start, end })
    }
  return out.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0))
}

export type NextDue = {
  due: Day
  /** Termly: the term the review is due at the end of ("Spring 2027"). */
  term: string | null
}

/**
 * When the next review is due. Termly: a signed-off review counts for the term it falls in (or, in a
 * holiday, the term just ended), so the next is due at the end of the first term that starts after it;
 * with no review signed off yet, at the end of the term the school started in (go-live, or when it
 * joined the portal). Every N months: N months after the last sign-off, or after that start.
 */
export function nextReviewDue(input: {
  lastSignedOffAt: Date | null
  /** When the school's continuity process started (go-live date, or when it joined the portal). */
  startedAt: Date
  schedule: Schedule
  timeZone: string
}): NextDue {
  const from = dayInZone(input.lastSignedOffAt ?? input.startedAt, input.timeZone)
  const s = input.schedule
  if (s.kind === 'MONTHS') return { due: addMonths(from, Math.max(1, s.months)), term: null }
  const terms = s.terms.length ? s.terms : ENGLISH_TERMS
  const all = termsAround(Number(from.slice(0, 4)), terms)
  const within = input.lastSignedOffAt ? undefined : all.find((t) => t.start <= from && from <= t.end)
  // Four years of terms around the day: a term starting after it always exists.
  const next = (within ?? all.find((t) => t.start > from))!
  return { due: next.end, term: `${next.name} ${next.start.slice(0, 4)}` }
}

export type DueState = {
  due: Day
  term: string | null
  /** Days from today to the due date: negative when overdue. */
  daysLeft: number
  overdue: boolean
}

/** The next due date as the dashboard shows it: overdue once the due day has passed in the school's zone. */
export function dueState(next: NextDue, now: Date, timeZone: string): DueState {
  const daysLeft = daysBetween(dayInZone(now, timeZone), next.due)
  return { ...next, daysLeft, overdue: daysLeft < 0 }
}

/** "due in 12 days", "due today", "3 days overdue". */
export function describeDue(s: Pick<DueState, 'daysLeft'>): string {
  const n = Math.abs(s.daysLeft)
  const days = `${n} ${n === 1 ? 'day' : 'days'}`
  if (s.daysLeft === 0) return 'due today'
  return s.daysLeft > 0 ? `due in ${days}` : `${days} overdue`
}

/** Reads a school's stored terms (JSON), falling back to the English ones for anything unreadable. */
export function readTerms(stored: unknown): Term[] {
  if (!Array.isArray(stored)) return [...ENGLISH_TERMS]
  const terms = stored.filter(
    (t): t is Term =>
      typeof t === 'object' &&
      t !== null &&
      typeof (t as Term).name === 'string' &&
      isMonthDay(String((t as Term).start)) &&
      isMonthDay(String((t as Term).end)),
  )
  return terms.length ? terms : [...ENGLISH_TERMS]
}
