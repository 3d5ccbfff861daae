import type { Actor } from '@/lib/actor'
import { writeAudit } from '@/lib/audit'
import { ROLE_LABELS } from '@/lib/auth/permissions'
import { endSessions } from '@/lib/auth/sessions'
import type { Db, Tx } from '@/lib/db'
import type { Role } from '@/lib/generated/prisma/enums'
import { expectOneRow, updateVersioned } from '@/lib/records/versioned'
import { Refusal, STALE_MESSAGE } from '@/lib/result'
import type { ChangeRoleInput, RemoveMemberInput } from './schema'

export const LAST_MANAGER_MESSAGE =
  'A school must keep at least one service continuity manager. Make someone else a manager first.'

/** Locks the school's manager memberships so two demotions at once cannot remove the last manager. */
async function lockManagers(tx: Tx, schoolId: string): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Membership" WHERE "schoolId" = ${schoolId} AND role = 'MANAGER' FOR UPDATE`
  return rows.map((r) => r.id)
}

async function loadMembership(tx: Tx, schoolId: string, membershipId: string, version: number) {
  const m = await tx.membership.findFirst({
    where: { id: membershipId, schoolId },
    select: {
      id: true,
      role: true,
      version: true,
      user: { select: { id: true, email: true, name: true } },
    },
  })
  if (!m) throw new Refusal('NOT_FOUND', 'That person is not a member of this school.')
  if (m.version !== version)
    throw new Refusal('STALE', STALE_MESSAGE, { current: { role: m.role, version: m.version } })
  return m
}

export function selfRoleChangeMessage(role: Role): string {
  return `You are about to make yourself a ${ROLE_LABELS[role]} in this school: you will no longer be able to manage people; you will land on the dashboard.`
}
export const SELF_REMOVAL_MESSAGE =
  'You are about to remove yourself from this school: you will lose access to it at once, and you will land in your next school, or on a page saying you have none.'

/**
 * Changes a member's role. Changing one's own role takes it out of the hands of the one making it (only
 * managers change roles), so it is refused with NEEDS_CONFIRMATION, saying what will happen, until the
 * form comes back with confirm=yes (server-side, so it works without JavaScript). The rules (version,
 * last manager) are checked first: a change that cannot be made is refused before anything is asked.
 */
export async function changeRole(
  db: Db,
  actor: Actor,
  input: ChangeRoleInput,
): Promise<{ version: number; self: boolean }> {
  return db.$transaction(async (tx) => {
    const managers = await lockManagers(tx, actor.schoolId)
    const m = await loadMembership(tx, actor.schoolId, input.membershipId, input.version)
    const self = m.user.id === actor.userId
    if (m.role === input.role) return { version: m.version, self: false }
    const where = { id: m.id, schoolId: actor.schoolId }
    const { after } = await updateVersioned(tx, {
      actor,
      entity: 'Membership',
      id: m.id,
      version: input.version,
      what: 'member',
      read: () =>
        tx.membership
          .findFirst({ where, select: { role: true, version: true, user: { select: { email: true } } } })
          .then((r) => r && { email: r.user.email, role: r.role, version: r.version }),
      check: (before) => {
        if (before.role === 'MANAGER' && managers.length <= 1)
          throw new Refusal('INVALID', LAST_MANAGER_MESSAGE)
        if (self && input.confirm !== 'yes')
          throw new Refusal('NEEDS_CONFIRMATION', selfRoleChangeMessage(input.role as Role))
      },
      write: () =>
        tx.membership.updateMany({
          where: { ...where, version: input.version },
          data: { role: input.role as Role, version: { increment: 1 } },
        }),
    })
    return { version: after.version, self }
  })
}

/** Removes a member (the login stays). Removing oneself is confirmed first, as for a role change. */
export async function removeMember(
  db: Db,
  actor: Actor,
  input: RemoveMemberInput,
): Promise<{ removed: string; self: boolean }> {
  return db.$transaction(async (tx) => {
    const managers = await lockManagers(tx, actor.schoolId)
    const m = await loadMembership(tx, actor.schoolId, input.membershipId, input.version)
    if (m.role === 'MANAGER' && managers.length <= 1) throw new Refusal('INVALID', LAST_MANAGER_MESSAGE)
    const self = m.user.id === actor.userId
    if (self && input.confirm !== 'yes') throw new Refusal('NEEDS_CONFIRMATION', SELF_REMOVAL_MESSAGE)
    // Guarded by the version seen, like every other change: a concurrent edit answers STALE.
    expectOneRow((await tx.membership.deleteMany({ where: { id: m.id, version: input.version } })).count, m)
    await endSessions(tx, m.user.id) // signed out everywhere at once, not when their token runs out
    await writeAudit(tx, {
      schoolId: actor.schoolId,
      actorId: actor.userId,
      entity: 'Membership',
      entityId: m.id,
      action: 'delete',
      before: { email: m.user.email, name: m.user.name, role: m.role },
    })
    return { removed: m.id, self }
  })
}
