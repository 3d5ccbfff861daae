/** Units offered when entering a recovery time objective, recovery point objective or maximum tolerable outage. */
export type DurationUnit = 'minutes' | 'hours' | 'days' | 'weeks'

const MINUTES_PER: Record<DurationUnit, number> = { minutes: 1, hours: 60, days: 1440, weeks: 10080 }

// Largest first, so the first unit that fits is the most readable one.
const UNITS_LARGEST_FIRST: DurationUnit[] = ['weeks', 'days', 'hours', 'minutes']

const SINGULAR: Record<DurationUnit, string> = {
  minutes: 'minute',
  hours: 'hour',
  days: 'day',
  weeks: 'week',
}

// Fractions such as 0.1 hours are inexact in binary, so "whole" allows for that rounding error.
const TOLERANCE = 1e-9

function assertMinutes(minutes: number): void {
  if (!Number.isInteger(minutes) || minutes < 0) {
    throw new RangeError(`A duration must be a whole number of minutes, zero or more (got ${minutes})`)
  }
}

/**
 * Converts an entered duration to minutes, the unit durations are stored in.
 *
 * Rule: fractions are accepted when they come to a whole number of minutes (1.5 hours is 90 minutes), since
 * people naturally type them; anything else, negatives and non-numbers throw a RangeError rather than being
 * silently rounded into a different target.
 */
export function toMinutes(value: number, unit: DurationUnit): number {
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`A duration must be a number, zero or more (got ${value})`)
  }
  const exact = value * MINUTES_PER[unit]
  const whole = Math.round(exact)
  if (Math.abs(exact - whole) > TOLERANCE) {
    throw new RangeError(`${value} ${unit} is not a whole number of minutes`)
  }
  return whole
}

/**
 * Splits stored minutes back into the value and unit to show in an entry form.
 *
 * Rule: the largest unit that divides the minutes exactly, so what the user typed comes back as typed
 * (1440 → 1 day, 120 → 2 hours) and nothing is lost (90 stays 90 minutes). Zero is shown as 0 minutes.
 */
export function splitMinutes(minutes: number): { value: number; unit: DurationUnit } {
  assertMinutes(minutes)
  if (minutes === 0) return { value: 0, unit: 'minutes' }
  for (const unit of UNITS_LARGEST_FIRST) {
    const size = MINUTES_PER[unit]
    if (minutes % size === 0) return { value: minutes / size, unit }
  }
  // Unreachable: every whole number divides by one minute.
  return { value: minutes, unit: 'minutes' }
}

/**
 * Reads a duration out in UK English, largest unit first and leaving out empty units:
 * '30 minutes', '1 hour', '2 days 4 hours', '1 week'. Zero reads as '0 minutes'.
 */
export function formatDuration(minutes: number): string {
  assertMinutes(minutes)
  if (minutes === 0) return '0 minutes'
  const parts: string[] = []
  let rest = minutes
  for (const unit of UNITS_LARGEST_FIRST) {
    const size = MINUTES_PER[unit]
    const count = Math.floor(rest / size)
    rest -= count * size
    if (count > 0) parts.push(`${count} ${count === 1 ? SINGULAR[unit] : unit}`)
  }
  return parts.join(' ')
}
