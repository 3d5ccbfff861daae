'use server'
import { db } from '@/lib/db'
import type { ActionResult } from '@/lib/result'
import { changePassword } from './account'
import { changePasswordSchema } from './account-schema'
import { schoolAction } from './action'

const changePasswordInSession = schoolAction('school.read', changePasswordSchema, (input, ctx) =>
  changePassword(db, { userId: ctx.userId, sessionId: ctx.sessionId }, input),
)

/**
 * Changes the signed-in person's own password and signs out their other sessions. A refusal never sends
 * the submitted values back: they are passwords.
 */
export async function changePasswordAction(
  first: unknown,
  second?: unknown,
): Promise<ActionResult<{ endedSessions: number }>> {
  const result = await changePasswordInSession(first, second)
  if (result.ok) return result
  const { values: _passwords, ...rest } = result
  return rest
}
