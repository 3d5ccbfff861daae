import type { Db } from '@/lib/db'

/**
 * Sign-in throttling. Failures are counted per e-mail and per client address in the database, so every
 * app server shares them. Up to FREE_FAILURES within the window cost nothing; each further failure
 * locks the key for a doubling delay (30 s, 60 s, 2 min ... capped at 15 min).
 */
export const FREE_FAILURES = 5
export const WINDOW_MS = 15 * 60 * 1000
const BASE_LOCK_MS = 30 * 1000
const MAX_LOCK_MS = 15 * 60 * 1000

export function throttleKeys(email: string, ip: string | null): string[] {
  const keys = [`email:${email.trim().toLowerCase()}`]
  if (ip) keys.push(`ip:${ip}`)
  return keys
}

/** Pure rule: how long a key is locked after its nth failure in the window (0 = not locked). */
export function lockDurationMs(failures: number): number {
  if (failures <= FREE_FAILURES) return 0
  return Math.min(MAX_LOCK_MS, BASE_LOCK_MS * 2 ** (failures - FREE_FAILURES - 1))
}

/** Milliseconds until the first of these keys may try again; 0 when none is locked. */
export async function lockedFor(db: Db, keys: string[], now = new Date()): Promise<number> {
  const rows = await db.loginThrottle.findMany({
    where: { key: { in: keys } },
    select: { lockedUntil: true },
  })
  return rows.reduce(
    (max, r) => Math.max(max, r.lockedUntil ? r.lockedUntil.getTime() - now.getTime() : 0),
    0,
  )
}

export async function recordFailure(db: Db, keys: string[], now = new Date()): Promise<void> {
  for (const key of keys) {
    await db.$transaction(async (tx) => {
      const row = await tx.loginThrottle.findUnique({ where: { key } })
      const fresh = !row || now.getTime() - row.windowStartedAt.getTime() > WINDOW_MS
      const failures = fresh ? 1 : row.failures + 1
      const lock = lockDurationMs(failures)
      const data = {
        failures,
        windowStartedAt: fresh ? now : row.windowStartedAt,
        lockedUntil: lock ? new Date(now.getTime() + lock) : null,
      }
      await tx.loginThrottle.upsert({ where: { key }, create: { key, ...data }, update: data })
    })
  }
}

export async function clearFailures(db: Db, email: string): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { key: `email:${email.trim().toLowerCase()}` } })
}
