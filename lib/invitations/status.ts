/** How long an invitation stays open. */
export const INVITATION_DAYS = 14

export type InvitationStatus = 'pending' | 'accepted' | 'declined' | 'revoked' | 'expired'

type Dates = {
  expiresAt: Date
  acceptedAt: Date | null
  declinedAt: Date | null
  revokedAt: Date | null
}

/**
 * Where an invitation stands. An answer (accepted, declined) or a revocation is final and wins over
 * expiry; an unanswered invitation past its expiry can no longer be accepted.
 */
export function invitationStatus(inv: Dates, now: Date = new Date()): InvitationStatus {
  if (inv.acceptedAt) return 'accepted'
  if (inv.declinedAt) return 'declined'
  if (inv.revokedAt) return 'revoked'
  if (inv.expiresAt.getTime() <= now.getTime()) return 'expired'
  return 'pending'
}

/** When an invitation made at `from` stops being open. */
export function invitationExpiry(from: Date): Date {
  return new Date(from.getTime() + INVITATION_DAYS * 24 * 60 * 60 * 1000)
}

/**
 * The Prisma filter for invitations still open at `now` (the same rule as invitationStatus). The session
 * query counts them with the same rule in SQL (lib/auth/school-context.ts, `openInvitations`).
 */
export function pendingWhere(now: Date) {
  return { acceptedAt: null, declinedAt: null, revokedAt: null, expiresAt: { gt: now } }
}
