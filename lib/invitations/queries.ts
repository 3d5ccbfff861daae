import 'server-only'
import { db } from '@/lib/db'
import { invitationStatus, pendingWhere } from './status'

/** How long answered or lapsed invitations stay on the school's list, so the manager sees what happened. */
const RECENT_DAYS = 30

/**
 * The school's invitations that are open, or that were declined, revoked or lapsed in the last month.
 * Shows only what the manager typed (never a login's own name); accepted ones are members now.
 */
export async function listSchoolInvitations(schoolId: string, now = new Date()) {
  return withStatus(await readSchoolInvitations(schoolId, now), now)
}

/** The rows of listSchoolInvitations before their status, which depends on the moment they are shown. */
export async function readSchoolInvitations(schoolId: string, now = new Date()) {
  const since = new Date(now.getTime() - RECENT_DAYS * 24 * 60 * 60 * 1000)
  return db.invitation.findMany({
    where: { schoolId, acceptedAt: null, createdAt: { gte: since } },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      version: true,
      createdAt: true,
      expiresAt: true,
      acceptedAt: true,
      declinedAt: true,
      revokedAt: true,
      invitedBy: { select: { name: true } },
    },
    orderBy: [{ createdAt: 'desc' }],
  })
}

/** Each invitation with where it stands at `now`. */
export function withStatus<T extends Parameters<typeof invitationStatus>[0]>(rows: readonly T[], now: Date) {
  return rows.map((r) => ({ ...r, status: invitationStatus(r, now) }))
}
export type SchoolInvitationRow = Awaited<ReturnType<typeof listSchoolInvitations>>[number]

/** The signed-in person's open invitations, found by their own login's e-mail, newest first. */
export async function listMyInvitations(userId: string, now = new Date()) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true } })
  if (!user) return []
  return db.invitation.findMany({
    where: { email: user.email, ...pendingWhere(now) },
    select: {
      id: true,
      role: true,
      createdAt: true,
      expiresAt: true,
      school: { select: { name: true, timeZone: true } },
      invitedBy: { select: { name: true } },
    },
    orderBy: { createdAt: 'desc' },
  })
}
export type MyInvitationRow = Awaited<ReturnType<typeof listMyInvitations>>[number]
