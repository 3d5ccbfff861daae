/** Dates and times in the school's own time zone, UK style: 22 Nov 2026, 14:05. */
export function formatDateTime(d: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(d)
}

/** A date-only value (stored at midday UTC, such as "standby last verified"), as the day it names. */
export function formatDay(d: Date): string {
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(d)
}

export function formatDate(d: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone }).format(d)
}
