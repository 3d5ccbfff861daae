import type { Db } from '@/lib/db'
import { emailAddress } from '@/lib/validation/text'
import { dummyHash, verifyPassword } from './password'
import { addressKeys, clearAfterSuccess, countAttempt, throttleKeys } from './throttle'

const signInEmail = emailAddress()

export type SignInResult =
  | { ok: true; user: { id: string; email: string; name: string } }
  | { ok: false; reason: 'INVALID' }
  | { ok: false; reason: 'LOCKED'; retryAfterMs: number }

/**
 * Checks an e-mail and password. An unknown e-mail and a wrong password give the same answer after the
 * same work (a dummy hash is verified). Every attempt is counted against the e-mail and the address
 * before the password is checked, so parallel guesses cannot slip past the lock; repeated failures lock
 * the e-mail and the address for a while, and a locked attempt is refused without checking the password.
 */
export async function authenticate(
  db: Db,
  emailInput: string,
  password: string,
  ip: string | null,
): Promise<SignInResult> {
  // A malformed e-mail (a NUL byte, say) never reaches the database: it is counted against the address
  // only, and answered exactly as a wrong password is.
  const parsed = signInEmail.safeParse(emailInput)
  const email = parsed.success ? parsed.data : null
  const keys = email ? throttleKeys(email, ip) : addressKeys(ip)
  const wait = keys.length ? await countAttempt(db, keys) : 0
  if (wait > 0) return { ok: false, reason: 'LOCKED', retryAfterMs: wait }
  if (!email) {
    await verifyPassword(password, await dummyHash())
    return { ok: false, reason: 'INVALID' }
  }

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true },
  })
  const valid = await verifyPassword(password, user?.passwordHash ?? (await dummyHash()))
  // A failure needs no write: the attempt was counted above.
  if (!user || !valid) return { ok: false, reason: 'INVALID' }
  await clearAfterSuccess(db, keys)
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } }
}

export const SIGN_IN_MESSAGES = {
  INVALID: 'That e-mail address and password do not match an account.',
  LOCKED: 'Too many failed attempts. Wait a few minutes, then try again.',
} as const
