import type { Db, Tx } from '@/lib/db'

/**
 * Sessions end eight hours (a school day) after sign-in, however busy the user. The limit is held by
 * the Session row, not by the cookie: next-auth re-issues its JWT with a later expiry whenever
 * GET /api/auth/session is called, so the JWT's own `exp` proves nothing about when the person signed in.
 */
export const SESSION_MAX_AGE_S = 8 * 60 * 60

/**
 * Starts a server-side session at sign-in: the JWT carries only its id, so deleting the row ends the
 * session at once wherever the token was copied to. Sessions that have already expired (anyone's) are
 * swept here, so the table never grows with old sign-ins and no scheduled job is needed.
 */
export async function startSession(db: Db, userId: string, now = new Date()): Promise<{ id: string }> {
  await db.session.deleteMany({ where: { expiresAt: { lte: now } } })
  return db.session.create({
    data: { userId, createdAt: now, expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_S * 1000) },
    select: { id: true },
  })
}

/** Ends one session (sign-out). Ending one that is already gone is not an error. */
export async function endSession(db: Db | Tx, sessionId: string): Promise<void> {
  await db.session.deleteMany({ where: { id: sessionId } })
}

/**
 * Ends every session of a person, at once (removal from a school, a password change): call it inside
 * the mutation's transaction so that the change and the sign-out stand or fall together. `exceptId`
 * keeps one session (the one changing its own password).
 */
export async function endSessions(tx: Db | Tx, userId: string, exceptId?: string): Promise<number> {
  const { count } = await tx.session.deleteMany({
    where: { userId, ...(exceptId ? { id: { not: exceptId } } : {}) },
  })
  return count
}
