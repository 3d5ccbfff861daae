/** Dates and times in the school's own time zone, UK style: 22 Nov 2026, 14:05. */
export function formatDateTime(d: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(d)
}

export function formatDate(d: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone }).format(d)
}
