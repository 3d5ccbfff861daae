'use server'
import { db } from '@/lib/db'
import { changePassword } from './account'
import { changePasswordSchema } from './account-schema'
import { schoolAction } from './action'

/**
 * Changes the signed-in person's own password and signs out their other sessions (this one stays). The
 * wrapper never sends password fields back in a refusal.
 */
export const changePasswordAction = schoolAction('school.read', changePasswordSchema, (input, ctx) =>
  changePassword(db, { userId: ctx.userId, sessionId: ctx.sessionId }, input),
)
