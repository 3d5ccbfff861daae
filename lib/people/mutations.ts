import { writeAudit } from '@/lib/audit'
import { hashPassword } from '@/lib/auth/password'
import { endSessions } from '@/lib/auth/sessions'
import type { Db, Tx } from '@/lib/db'
import type { Role } from '@/lib/generated/prisma/enums'
import { Refusal, STALE_MESSAGE } from '@/lib/result'
import type { AddMemberInput, ChangeRoleInput, RemoveMemberInput } from './schema'

type Actor = { schoolId: string; userId: string }

export const LAST_MANAGER_MESSAGE =
  'A school must keep at least one service continuity manager. Make someone else a manager first.'

/** Adds a person to the school: an existing login gains a membership, a new one is created with a password. */
export async function addMember(db: Db, actor: Actor, input: AddMemberInput) {
  const passwordHash = input.password ? await hashPassword(input.password) : null
  return db.$transaction(async (tx) => {
    let user = await tx.user.findUnique({ where: { email: input.email }, select: { id: true, name: true } })
    const newLogin = !user
    if (!user) {
      if (!passwordHash)
        throw new Refusal('INVALID', 'This person has no login yet: give them a first password.', {
          fieldErrors: { password: ['Give a first password of at least 12 characters for a new login.'] },
        })
      user = await tx.user.create({
        data: { email: input.email, name: input.name, passwordHash },
        select: { id: true, name: true },
      })
    }
    const existing = await tx.membership.findUnique({
      where: { userId_schoolId: { userId: user.id, schoolId: actor.schoolId } },
      select: { id: true },
    })
    if (existing)
      throw new Refusal('CONFLICT', `${input.email} already belongs to this school.`, {
        fieldErrors: { email: ['This person already belongs to this school.'] },
      })
    const membership = await tx.membership.create({
      data: { userId: user.id, schoolId: actor.schoolId, role: input.role },
      select: { id: true, role: true },
    })
    await writeAudit(tx, {
      schoolId: actor.schoolId,
      actorId: actor.userId,
      entity: 'Membership',
      entityId: membership.id,
      action: 'create',
      after: { email: input.email, name: user.name, role: input.role },
    })
    return { membershipId: membership.id, newLogin }
  })
}

/** Locks the school's manager memberships so two demotions at once cannot remove the last manager. */
async function lockManagers(tx: Tx, schoolId: string): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Membership" WHERE "schoolId" = ${schoolId} AND role = 'MANAGER' FOR UPDATE`
  return rows.map((r) => r.id)
}

async function loadMembership(tx: Tx, schoolId: string, membershipId: string, version: number) {
  const m = await tx.membership.findFirst({
    where: { id: membershipId, schoolId },
    select: { id: true, role: true, version: true, user: { select: { email: true, name: true } } },
  })
  if (!m) throw new Refusal('NOT_FOUND', 'That person is not a member of this school.')
  if (m.version !== version)
    throw new Refusal('STALE', STALE_MESSAGE, { current: { role: m.role, version: m.version } })
  return m
}

export async function changeRole(db: Db, actor: Actor, input: ChangeRoleInput) {
  return db.$transaction(async (tx) => {
    const managers = await lockManagers(tx, actor.schoolId)
    const m = await loadMembership(tx, actor.schoolId, input.membershipId, input.version)
    if (m.role === input.role) return { version: m.version }
    if (m.role === 'MANAGER' && managers.length <= 1) throw new Refusal('INVALID', LAST_MANAGER_MESSAGE)
    const updated = await tx.membership.update({
      where: { id: m.id, version: input.version },
      data: { role: input.role as Role, version: { increment: 1 } },
      select: { version: true },
    })
    await writeAudit(tx, {
      schoolId: actor.schoolId,
      actorId: actor.userId,
      entity: 'Membership',
      entityId: m.id,
      action: 'update',
      before: { email: m.user.email, role: m.role },
      after: { email: m.user.email, role: input.role },
    })
    return updated
  })
}

export async function removeMember(db: Db, actor: Actor, input: RemoveMemberInput) {
  return db.$transaction(async (tx) => {
    const managers = await lockManagers(tx, actor.schoolId)
    const m = await loadMembership(tx, actor.schoolId, input.membershipId, input.version)
    if (m.role === 'MANAGER' && managers.length <= 1) throw new Refusal('INVALID', LAST_MANAGER_MESSAGE)
    const { userId } = await tx.membership.delete({ where: { id: m.id }, select: { userId: true } })
    await endSessions(tx, userId) // signed out everywhere at once, not when their token runs out
    await writeAudit(tx, {
      schoolId: actor.schoolId,
      actorId: actor.userId,
      entity: 'Membership',
      entityId: m.id,
      action: 'delete',
      before: { email: m.user.email, name: m.user.name, role: m.role },
    })
    return { removed: m.id }
  })
}
