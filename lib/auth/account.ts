import type { Db } from '@/lib/db'
import { Refusal } from '@/lib/result'
import type { ChangePasswordInput } from './account-schema'
import { hashPassword, verifyPassword } from './password'
import { endSessions } from './sessions'
import { countAttempt } from './throttle'

export const WRONG_CURRENT_PASSWORD = 'That is not your current password.'
export const TOO_MANY_PASSWORD_ATTEMPTS =
  'Too many wrong passwords. Wait a few minutes, then try again. Nothing was changed.'

/**
 * A signed-in person changes their own password. The current password is required (a session left open
 * on a shared computer must not be enough to take the account over), and wrong ones are counted and
 * locked out like sign-in attempts (lib/auth/throttle.ts, a key of their own). On success every other
 * session of theirs ends at once, in the same transaction as the new hash: whoever else holds one is
 * signed out. The session making the change (`sessionId`) stays signed in.
 */
export async function changePassword(
  db: Db,
  actor: { userId: string; sessionId?: string },
  input: ChangePasswordInput,
): Promise<{ endedSessions: number }> {
  const key = `password:${actor.userId}`
  if ((await countAttempt(db, [key])) > 0)
    throw new Refusal('INVALID', TOO_MANY_PASSWORD_ATTEMPTS, {
      fieldErrors: { currentPassword: [TOO_MANY_PASSWORD_ATTEMPTS] },
    })
  const { passwordHash: stored } = await db.user.findUniqueOrThrow({
    where: { id: actor.userId },
    select: { passwordHash: true },
  })
  if (!(await verifyPassword(input.currentPassword, stored)))
    throw new Refusal('INVALID', 'Your current password was not right.', {
      fieldErrors: { currentPassword: [WRONG_CURRENT_PASSWORD] },
    })
  const passwordHash = await hashPassword(input.newPassword)
  const endedSessions = await db.$transaction(async (tx) => {
    // Only over the hash that was checked: of two changes sent at once, the second finds it gone.
    const { count } = await tx.user.updateMany({
      where: { id: actor.userId, passwordHash: stored },
      data: { passwordHash },
    })
    if (count === 0)
      throw new Refusal(
        'STALE',
        'Your password was changed meanwhile, in another window. Nothing was changed here.',
      )
    return endSessions(tx, actor.userId, actor.sessionId)
  })
  await db.loginThrottle.deleteMany({ where: { key } })
  return { endedSessions }
}
