import type { Db } from '@/lib/db'
import { dummyHash, verifyPassword } from './password'
import { clearFailures, lockedFor, recordFailure, throttleKeys } from './throttle'

export type SignInResult =
  | { ok: true; user: { id: string; email: string; name: string } }
  | { ok: false; reason: 'INVALID' }
  | { ok: false; reason: 'LOCKED'; retryAfterMs: number }

/**
 * Checks an e-mail and password. An unknown e-mail and a wrong password give the same answer after the
 * same work (a dummy hash is verified); repeated failures lock the e-mail and the address for a while.
 */
export async function authenticate(
  db: Db,
  emailInput: string,
  password: string,
  ip: string | null,
): Promise<SignInResult> {
  const email = emailInput.trim().toLowerCase()
  const keys = throttleKeys(email, ip)
  const wait = await lockedFor(db, keys)
  if (wait > 0) return { ok: false, reason: 'LOCKED', retryAfterMs: wait }

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true },
  })
  const valid = await verifyPassword(password, user?.passwordHash ?? (await dummyHash()))
  if (!user || !valid) {
    await recordFailure(db, keys)
    return { ok: false, reason: 'INVALID' }
  }
  await clearFailures(db, email)
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } }
}

export const SIGN_IN_MESSAGES = {
  INVALID: 'That e-mail address and password do not match an account.',
  LOCKED: 'Too many failed attempts. Wait a few minutes, then try again.',
} as const
