import type { Db } from '@/lib/db'
import { addressNetwork } from './client-ip'

/**
 * Sign-in throttling. Attempts are counted per e-mail and per client address in the database, so every
 * app server shares them. Up to the key's free allowance of failures within the window cost nothing;
 * each further failure locks the key for a doubling delay (30 s, 60 s, 2 min ... capped at 15 min).
 * A school's staff often share one address, so an address gets a far larger allowance than an e-mail.
 */
export const FREE_FAILURES = { email: 5, ip: 30 } as const
export const WINDOW_MS = 15 * 60 * 1000
const BASE_LOCK_MS = 30 * 1000
const MAX_LOCK_MS = 15 * 60 * 1000

export function throttleKeys(email: string, ip: string | null): string[] {
  return [`email:${email.trim().toLowerCase()}`, ...addressKeys(ip)]
}

/** The address's key alone (none when the address is unknown). */
export function addressKeys(ip: string | null): string[] {
  return ip ? [`ip:${addressNetwork(ip)}`] : []
}

export function freeFailuresFor(key: string): number {
  return key.startsWith('ip:') ? FREE_FAILURES.ip : FREE_FAILURES.email
}

/** Pure rule: how long a key is locked after its nth failure in the window (0 = not locked). */
export function lockDurationMs(failures: number, free: number = FREE_FAILURES.email): number {
  if (failures <= free) return 0
  return Math.min(MAX_LOCK_MS, BASE_LOCK_MS * 2 ** (failures - free - 1))
}

/**
 * Counts one attempt against every key before the password is checked, and says whether the attempt
 * may go on: 0 when it may, otherwise the milliseconds until the longest lock ends (the attempt is
 * refused, and still counted). An attempt counts as a failure until clearAfterSuccess takes it back.
 *
 * Counting first, in one statement per key, is what stops parallel guesses: each attempt gets its own
 * number under the row lock, the attempt that goes past the allowance sets the lock in that same
 * statement, and every later attempt finds the lock already set. An attempt refused by a lock does not
 * extend it, but it raises the count, so the next lock is longer.
 */
export async function countAttempt(db: Db, keys: string[], now = new Date()): Promise<number> {
  let wait = 0
  for (const key of keys) {
    const free = freeFailuresFor(key)
    const windowStart = new Date(now.getTime() - WINDOW_MS)
    // "fresh": the window has passed and no lock is running, so counting starts again at 1. The lock in
    // SQL is lockDurationMs (tests/integration/sign-in.test.ts holds the two to the same numbers).
    const counted = await db.$queryRaw<{ failures: number }[]>`
      INSERT INTO "LoginThrottle" AS t ("key", "failures", "windowStartedAt", "lockedUntil", "updatedAt")
      VALUES (${key}, 1, ${now}, NULL, ${now})
      ON CONFLICT ("key") DO UPDATE SET
        "failures" = CASE WHEN t."windowStartedAt" < ${windowStart} THEN 1 ELSE t."failures" + 1 END,
        "windowStartedAt" = CASE WHEN t."windowStartedAt" < ${windowStart} THEN EXCLUDED."windowStartedAt"
          ELSE t."windowStartedAt" END,
        "lockedUntil" = CASE WHEN t."windowStartedAt" < ${windowStart} OR t."failures" + 1 <= ${free} THEN NULL
          ELSE EXCLUDED."updatedAt" + interval '1 millisecond' * LEAST(${MAX_LOCK_MS}::float8,
            ${BASE_LOCK_MS}::float8 * power(2::float8, LEAST(t."failures" - ${free}, 30)::float8)) END,
        "updatedAt" = EXCLUDED."updatedAt"
      WHERE t."lockedUntil" IS NULL OR t."lockedUntil" <= EXCLUDED."updatedAt"
      RETURNING "failures"`
    if (counted.length > 0) continue
    // The key was locked: the statement above changed nothing, so count the refused attempt here.
    const [locked] = await db.$queryRaw<{ lockedUntil: Date | null }[]>`
      UPDATE "LoginThrottle" SET "failures" = "failures" + 1, "updatedAt" = ${now}
      WHERE "key" = ${key}
      RETURNING "lockedUntil"`
    wait = Math.max(wait, 1, (locked?.lockedUntil?.getTime() ?? 0) - now.getTime())
  }
  return wait
}

/**
 * After a successful sign-in: the e-mail's count is cleared; the address's count only loses this
 * attempt (others behind the same address may still be guessing), and a lock that this attempt set is
 * lifted.
 */
export async function clearAfterSuccess(db: Db, keys: string[]): Promise<void> {
  for (const key of keys) {
    if (key.startsWith('email:')) {
      await db.loginThrottle.deleteMany({ where: { key } })
      continue
    }
    await db.$executeRaw`
      UPDATE "LoginThrottle" SET
        "failures" = GREATEST("failures" - 1, 0),
        "lockedUntil" = CASE WHEN "failures" - 1 <= ${freeFailuresFor(key)} THEN NULL ELSE "lockedUntil" END
      WHERE "key" = ${key}`
  }
}
