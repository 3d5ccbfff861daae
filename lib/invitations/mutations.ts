import type { Actor } from '@/lib/actor'
import { writeAudit } from '@/lib/audit'
import { hashPassword } from '@/lib/auth/password'
import type { Db, Tx } from '@/lib/db'
import { Refusal, STALE_MESSAGE } from '@/lib/result'
import type { AnswerInvitationInput, InviteMemberInput, RevokeInvitationInput } from './schema'
import { invitationExpiry, invitationStatus, pendingWhere } from './status'

export const INVITATION_NOT_FOUND = 'That invitation was not found.'

/**
 * Invites a person to the school. Nothing here may depend on whether the e-mail already has a login:
 * the reply, the audit row and the invitation are the same either way (a login's own name is never
 * read). A new login is made with the first password the manager chose; for an existing login the
 * password is hashed too (so the reply takes as long) and then thrown away. No membership is made: the
 * person gets one only by accepting after they sign in.
 */
export async function inviteMember(db: Db, actor: Actor, input: InviteMemberInput, now = new Date()) {
  const passwordHash = await hashPassword(input.password)
  return db.$transaction(async (tx) => {
    const member = await tx.membership.findFirst({
      where: { schoolId: actor.schoolId, user: { email: input.email } },
      select: { id: true },
    })
    // The school's own members and invitations: saying so reveals nothing about other schools.
    if (member)
      throw new Refusal('CONFLICT', `${input.email} is already a member of this school.`, {
        fieldErrors: { email: ['This person is already a member of this school.'] },
      })
    const open = await tx.invitation.findFirst({
      where: { schoolId: actor.schoolId, email: input.email, ...pendingWhere(now) },
      select: { id: true },
    })
    if (open)
      throw new Refusal('CONFLICT', `${input.email} has already been invited and has not answered yet.`, {
        fieldErrors: {
          email: ['This person has already been invited. Revoke that invitation first to send a new one.'],
        },
      })
    // Makes the login only when the e-mail has none, without reading which (ON CONFLICT DO NOTHING).
    await tx.user.createMany({
      data: [{ email: input.email, name: input.name, passwordHash }],
      skipDuplicates: true,
    })
    const invitation = await tx.invitation.create({
      data: {
        schoolId: actor.schoolId,
        email: input.email,
        name: input.name,
        role: input.role,
        invitedById: actor.userId,
        createdAt: now,
        expiresAt: invitationExpiry(now),
      },
      select: { id: true },
    })
    await writeAudit(tx, {
      schoolId: actor.schoolId,
      actorId: actor.userId,
      entity: 'Invitation',
      entityId: invitation.id,
      action: 'create',
      after: { email: input.email, name: input.name, role: input.role },
    })
    return { invitationId: invitation.id }
  })
}

/** Withdraws an invitation that has not been answered. Versioned: a stale page changes nothing. */
export async function revokeInvitation(db: Db, actor: Actor, input: RevokeInvitationInput, now = new Date()) {
  return db.$transaction(async (tx) => {
    const inv = await tx.invitation.findFirst({
      where: { id: input.invitationId, schoolId: actor.schoolId },
    })
    if (!inv) throw new Refusal('NOT_FOUND', INVITATION_NOT_FOUND)
    if (inv.version !== input.version)
      throw new Refusal('STALE', STALE_MESSAGE, {
        current: { status: invitationStatus(inv, now), version: inv.version },
      })
    const status = invitationStatus(inv, now)
    if (status === 'accepted' || status === 'declined' || status === 'revoked')
      throw new Refusal('INVALID', `This invitation was already ${status}: there is nothing to revoke.`)
    const updated = await tx.invitation.update({
      where: { id: inv.id, version: input.version },
      data: { revokedAt: now, version: { increment: 1 } },
      select: { version: true },
    })
    await writeAudit(tx, {
      schoolId: actor.schoolId,
      actorId: actor.userId,
      entity: 'Invitation',
      entityId: inv.id,
      action: 'revoke',
      before: { email: inv.email, name: inv.name, role: inv.role },
    })
    return updated
  })
}

/**
 * The signed-in person's own open invitation, locked for the answer. Another person's invitation, or
 * one that does not exist, is simply not found: the refusal says nothing about it.
 */
async function loadOwnInvitation(tx: Tx, userId: string, invitationId: string, now: Date) {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true, name: true } })
  if (!user) throw new Refusal('NOT_FOUND', INVITATION_NOT_FOUND)
  await tx.$queryRaw`SELECT id FROM "Invitation" WHERE id = ${invitationId} AND email = ${user.email} FOR UPDATE`
  const inv = await tx.invitation.findFirst({
    where: { id: invitationId, email: user.email },
    select: {
      id: true,
      schoolId: true,
      email: true,
      role: true,
      version: true,
      expiresAt: true,
      acceptedAt: true,
      declinedAt: true,
      revokedAt: true,
      school: { select: { name: true } },
    },
  })
  if (!inv) throw new Refusal('NOT_FOUND', INVITATION_NOT_FOUND)
  const status = invitationStatus(inv, now)
  if (status !== 'pending')
    throw new Refusal(
      'INVALID',
      {
        accepted: 'You have already accepted this invitation.',
        declined: 'You have already declined this invitation.',
        revoked:
          'This invitation was withdrawn by the school. Ask them to invite you again if you need access.',
        expired: 'This invitation has expired. Ask the school to invite you again.',
      }[status],
    )
  return { user, inv }
}

/**
 * Accepts the person's own invitation: makes the membership with the invited role and marks the
 * invitation accepted, in one transaction with the audit rows in the school. It does not change which
 * school the person is working in: they switch when they choose.
 */
export async function acceptInvitation(
  db: Db,
  userId: string,
  input: AnswerInvitationInput,
  now = new Date(),
) {
  return db.$transaction(async (tx) => {
    const { user, inv } = await loadOwnInvitation(tx, userId, input.invitationId, now)
    await tx.invitation.update({
      where: { id: inv.id, version: inv.version },
      data: { acceptedAt: now, version: { increment: 1 } },
    })
    await writeAudit(tx, {
      schoolId: inv.schoolId,
      actorId: userId,
      entity: 'Invitation',
      entityId: inv.id,
      action: 'accept',
      after: { email: inv.email, role: inv.role },
    })
    const existing = await tx.membership.findUnique({
      where: { userId_schoolId: { userId, schoolId: inv.schoolId } },
      select: { id: true },
    })
    // Already a member (say, invited twice at once): the answer stands, the role they have stays.
    if (!existing) {
      const membership = await tx.membership.create({
        data: { userId, schoolId: inv.schoolId, role: inv.role },
        select: { id: true },
      })
      await writeAudit(tx, {
        schoolId: inv.schoolId,
        actorId: userId,
        entity: 'Membership',
        entityId: membership.id,
        action: 'create',
        after: { email: user.email, name: user.name, role: inv.role },
      })
    }
    return { schoolId: inv.schoolId, schoolName: inv.school.name }
  })
}

/**
 * Declines the person's own invitation. The audit row names no actor: until a person accepts, the
 * school learns nothing about their login, not even its name.
 */
export async function declineInvitation(
  db: Db,
  userId: string,
  input: AnswerInvitationInput,
  now = new Date(),
) {
  return db.$transaction(async (tx) => {
    const { inv } = await loadOwnInvitation(tx, userId, input.invitationId, now)
    await tx.invitation.update({
      where: { id: inv.id, version: inv.version },
      data: { declinedAt: now, version: { increment: 1 } },
    })
    await writeAudit(tx, {
      schoolId: inv.schoolId,
      actorId: null,
      entity: 'Invitation',
      entityId: inv.id,
      action: 'decline',
      after: { email: inv.email, role: inv.role },
    })
    return { schoolName: inv.school.name }
  })
}
