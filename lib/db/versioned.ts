import { Refusal, STALE_MESSAGE } from '@/lib/result'

/**
 * Optimistic concurrency for one record: `current` is the row as read in this transaction (null when it
 * is not in the school), `version` what the user's form was built from. A missing record is NOT_FOUND;
 * an older version is STALE and carries the current row so the user can compare it with their typing.
 */
export function checkVersion<T extends { version: number }>(
  current: T | null,
  version: number,
  what: string,
): T {
  if (!current) throw new Refusal('NOT_FOUND', `That ${what} was not found.`)
  if (current.version !== version) throw new Refusal('STALE', STALE_MESSAGE, { current })
  return current
}

/** After an updateMany guarded by { id, schoolId, version }: zero rows means someone got there first. */
export function expectOneRow(count: number, current: unknown): void {
  if (count !== 1) throw new Refusal('STALE', STALE_MESSAGE, { current })
}
