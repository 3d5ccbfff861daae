import 'server-only'
import { cookies } from 'next/headers'
import { notFound, redirect } from 'next/navigation'
import { getServerSession } from 'next-auth'
import { cache } from 'react'
import { db } from '@/lib/db'
import { authOptions } from './options'
import type { Permission } from './permissions'
import { can } from './permissions'
import { resolveSchoolContext, type SchoolContext } from './school-context'

/** Cookie naming the school the user last chose; always re-checked against their memberships. */
export const SCHOOL_COOKIE = 'school'

export const getSessionUserId = cache(async (): Promise<string | null> => {
  const session = await getServerSession(authOptions)
  return session?.user?.id ?? null
})

/** The signed-in user's current school and role, or null when signed out or without a membership. */
export const getSchoolContext = cache(async (): Promise<SchoolContext | null> => {
  const userId = await getSessionUserId()
  if (!userId) return null
  const preferred = (await cookies()).get(SCHOOL_COOKIE)?.value ?? null
  return resolveSchoolContext(db, userId, preferred)
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
