/*
 * Whether a data asset's backups have been proved by restoring from them. Only a successful restore
 * counts (a partial or failed one shows that a backup cannot yet be trusted). The period is the school's
 * own (School.restoreTestMonths, 6 by default): a last success older than that many calendar months is
 * stale; no success at all is "never".
 */

export type RestoreResult = 'SUCCESS' | 'PARTIAL' | 'FAILED'
export type RestoreTestSummary = { testedOn: Date; result: RestoreResult }

export type RestoreStatus =
  | { kind: 'NEVER'; lastSuccess: null }
  | { kind: 'STALE'; lastSuccess: Date; dueSince: Date }
  | { kind: 'CURRENT'; lastSuccess: Date; dueBy: Date }

export const DEFAULT_RESTORE_TEST_MONTHS = 6

/** The same day `months` calendar months later (the last day of a shorter month: 31 Aug + 6 = 28 Feb). */
export function addMonths(day: Date, months: number): Date {
  const y = day.getUTCFullYear()
  const m = day.getUTCMonth() + months
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate()
  return new Date(Date.UTC(y, m, Math.min(day.getUTCDate(), last), 12))
}

/** Where the backups of one asset stand: never restore-tested, tested too long ago, or current. */
export function restoreStatus(
  tests: readonly RestoreTestSummary[],
  today: Date,
  months: number,
): RestoreStatus {
  let last: Date | null = null
  for (const t of tests) if (t.result === 'SUCCESS' && (!last || t.testedOn > last)) last = t.testedOn
  if (!last) return { kind: 'NEVER', lastSuccess: null }
  const due = addMonths(last, months)
  return dayOf(due) < dayOf(today)
    ? { kind: 'STALE', lastSuccess: last, dueSince: due }
    : { kind: 'CURRENT', lastSuccess: last, dueBy: due }
}

/** A moment as the day it falls on (UTC), for comparing dates stored at midday UTC. */
const dayOf = (d: Date) => d.toISOString().slice(0, 10)
