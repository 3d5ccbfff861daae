import 'server-only'
import { cookies, headers } from 'next/headers'
import { notFound, redirect } from 'next/navigation'
import { getToken } from 'next-auth/jwt'
import { cache } from 'react'
import { db } from '@/lib/db'
import { authOptions } from './options'
import type { Permission } from './permissions'
import { can } from './permissions'
import { type LiveSession, resolveSchoolContext, type SchoolContext } from './school-context'
import { decodeRemembered } from './token-cache'

const SECURE_SESSION_COOKIE = '__Secure-next-auth.session-token'

/**
 * The request's live session, read once per request: the session cookie (a JWT naming a Session row)
 * checked against the database together with the school context, in one query. A token whose row was
 * deleted or whose eight hours have passed counts as signed out, whatever expiry the token claims.
 */
const getLiveSession = cache(async (): Promise<LiveSession | null> => {
  const jar = await cookies()
  const token = await getToken({
    req: { cookies: jar, headers: await headers() } as unknown as Parameters<typeof getToken>[0]['req'],
    secret: authOptions.secret,
    decode: decodeRemembered,
    // next-auth names the cookie __Secure-... on https sites; read whichever this browser holds (both are
    // sealed with the secret, so accepting either weakens nothing).
    secureCookie: jar.getAll().some((c) => c.name.startsWith(SECURE_SESSION_COOKIE)),
  })
  if (typeof token?.uid !== 'string' || typeof token.sid !== 'string') return null
  return resolveSchoolContext(db, { sessionId: token.sid, userId: token.uid })
})

export const getSessionUserId = cache(async (): Promise<string | null> => {
  return (await getLiveSession())?.userId ?? null
})

/** The signed-in user's current school and role, or null when signed out or without a membership. */
export const getSchoolContext = cache(async (): Promise<SchoolContext | null> => {
  return (await getLiveSession())?.context ?? null
})

/**
 * For pages: the current school context, sending the signed-out to sign-in and answering not-found
 * when the role lacks the permission (so a page reveals nothing about what exists).
 */
export async function requireSchoolContext(permission: Permission = 'school.read'): Promise<SchoolContext> {
  const ctx = await getSchoolContext()
  if (!ctx) {
    if (!(await getSessionUserId())) redirect('/sign-in')
    redirect('/no-school')
  }
  if (!can(ctx.role, permission)) notFound()
  return ctx
}
