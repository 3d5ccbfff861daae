import type { Actor } from '@/lib/actor'
import { writeAudit } from '@/lib/audit'
import type { Db, Tx } from '@/lib/db'
import { setArchivedVersioned, updateVersioned } from '@/lib/records/versioned'
import { Refusal } from '@/lib/result'
import { roleCoverage, rolesLeftUncovered } from './coverage'
import {
  type AddTrainingInput,
  BUILT_IN_ORDER,
  BUILT_IN_ROLES,
  type ContactData,
  type MemberData,
  type OwnContactsInput,
  type RoleData,
  trainingKindLabel,
  type UpdateMemberInput,
  type UpdateRoleInput,
} from './schema'

const actorOf = (actor: Actor) => ({ schoolId: actor.schoolId, actorId: actor.userId })

/** Serialises name checks in one school, so two saves at once cannot both take a free name. */
async function lockSchool(tx: Tx, schoolId: string) {
  await tx.$queryRaw`SELECT id FROM "School" WHERE id = ${schoolId} FOR UPDATE`
}

/**
 * Makes sure the school has both built-in roles: idempotent (the unique (schoolId, builtIn) index and
 * skipDuplicates make a second call, or two at once, a no-op). Schools that existed before the team
 * arrived got them from the migration; new ones get them here the first time the team is read, and from
 * the seed. Setting up what every school has is not a person's change, so it writes no audit row.
 */
export async function ensureBuiltInRoles(db: Db | Tx, schoolId: string): Promise<number> {
  const { count } = await db.recoveryRole.createMany({
    data: BUILT_IN_ORDER.map((builtIn) => ({ schoolId, builtIn, ...BUILT_IN_ROLES[builtIn] })),
    skipDuplicates: true,
  })
  return count
}

// ---------------------------------------------------------------------------------------------------
// Recovery roles

const ROLE_AUDITED = {
  id: true,
  name: true,
  responsibilities: true,
  builtIn: true,
  archivedAt: true,
  version: true,
} as const

/** Role names say who does a step in the plan, so two live roles may not share one. */
async function checkRoleNameFree(tx: Tx, schoolId: string, name: string, exceptId: string | null) {
  const clash = await tx.recoveryRole.findFirst({
    where: {
      schoolId,
      archivedAt: null,
      name: { equals: name, mode: 'insensitive' },
      ...(exceptId ? { id: { not: exceptId } } : {}),
    },
    select: { name: true },
  })
  if (clash)
    throw new Refusal('CONFLICT', `There is already a role called "${clash.name}".`, {
      fieldErrors: {
        name: [`There is already a role called "${clash.name}". Give this one a different name.`],
      },
    })
}

export async function createRole(db: Db, actor: Actor, data: RoleData) {
  return db.$transaction(async (tx) => {
    await lockSchool(tx, actor.schoolId)
    await ensureBuiltInRoles(tx, actor.schoolId)
    await checkRoleNameFree(tx, actor.schoolId, data.name, null)
    const created = await tx.recoveryRole.create({
      data: { ...data, schoolId: actor.schoolId },
      select: ROLE_AUDITED,
    })
    await writeAudit(tx, {
      ...actorOf(actor),
      entity: 'RecoveryRole',
      entityId: created.id,
      action: 'create',
      after: created,
    })
    return { id: created.id }
  })
}

/** Renames a role or rewords its responsibilities. The built-in roles keep their names. */
export async function updateRole(db: Db, actor: Actor, input: UpdateRoleInput) {
  return db.$transaction(async (tx) => {
    const where = { id: input.id, schoolId: actor.schoolId }
    await lockSchool(tx, actor.schoolId)
    const { after } = await updateVersioned(tx, {
      actor,
      entity: 'RecoveryRole',
      id: input.id,
      version: input.version,
      what: 'role',
      read: () => tx.recoveryRole.findFirst({ where, select: ROLE_AUDITED }),
      check: async (before) => {
        if (before.builtIn && before.name !== input.name)
          throw new Refusal('CONFLICT', `${before.name} is a built-in role: its name cannot change.`, {
            fieldErrors: {
              name: [
                `Keep the name "${before.name}": every school has this role. You can reword its responsibilities.`,
              ],
            },
          })
        if (!before.archivedAt) await checkRoleNameFree(tx, actor.schoolId, input.name, input.id)
      },
      write: () =>
        tx.recoveryRole.updateMany({
          where: { ...where, version: input.version },
          data: { name: input.name, responsibilities: input.responsibilities, version: { increment: 1 } },
        }),
    })
    return { id: input.id, version: after.version }
  })
}

/**
 * Retires (archives) or brings back a role the school added. The built-in roles cannot be retired.
 * Retiring a role somebody holds asks first; the holdings are kept, so bringing it back restores them.
 */
export async function setRoleArchived(
  db: Db,
  actor: Actor,
  input: { id: string; version: number; confirm?: 'yes' },
  archived: boolean,
) {
  return db.$transaction(async (tx) => {
    const where = { id: input.id, schoolId: actor.schoolId }
    await lockSchool(tx, actor.schoolId)
    return setArchivedVersioned(tx, {
      actor,
      entity: 'RecoveryRole',
      id: input.id,
      version: input.version,
      what: 'role',
      archived,
      confirmed: input.confirm === 'yes',
      read: async () => {
        const r = await tx.recoveryRole.findFirst({ where, select: ROLE_AUDITED })
        if (r?.builtIn && archived)
          throw new Refusal(
            'CONFLICT',
            `${r.name} is a built-in role: every school keeps it, so it cannot be retired.`,
          )
        return r
      },
      write: (archivedAt) =>
        tx.recoveryRole.updateMany({
          where: { ...where, version: input.version },
          data: { archivedAt, version: { increment: 1 } },
        }),
      consequences: async (before) => {
        const holders = await tx.teamMemberRole.findMany({
          where: { schoolId: actor.schoolId, roleId: input.id, teamMember: { leftAt: null } },
          select: { teamMember: { select: { name: true } } },
          orderBy: { teamMember: { name: 'asc' } },
        })
        if (!holders.length) return null
        return `${holders.map((h) => h.teamMember.name).join(', ')} ${holders.length === 1 ? 'holds' : 'hold'} ${before.name}. Retired, it no longer appears on the team or in the roles a step can name. Their holdings are kept, so bringing it back restores them.`
      },
      checkRestore: async (before) => {
        const clash = await tx.recoveryRole.findFirst({
          where: {
            schoolId: actor.schoolId,
            archivedAt: null,
            name: { equals: before.name, mode: 'insensitive' },
            id: { not: input.id },
          },
          select: { id: true },
        })
        if (clash)
          throw new Refusal(
            'CONFLICT',
            `Another role is now called "${before.name}". Rename or retire that one first, then bring this one back.`,
          )
      },
    })
  })
}

// ---------------------------------------------------------------------------------------------------
// Team members

const MEMBER_SELECT = {
  id: true,
  name: true,
  jobTitle: true,
  membershipId: true,
  systemAccess: true,
  mobile: true,
  otherPhone: true,
  personalEmail: true,
  outOfHoursNotes: true,
  fallbackContact: true,
  leftAt: true,
  version: true,
  membership: { select: { user: { select: { name: true, email: true } } } },
  roles: { select: { roleId: true, role: { select: { name: true, archivedAt: true } } } },
} as const

/** A member as audited and as a stale refusal carries it: names beside ids, roles as words. */
async function readMember(tx: Tx, schoolId: string, id: string) {
  const m = await tx.teamMember.findFirst({ where: { id, schoolId }, select: MEMBER_SELECT })
  if (!m) return null
  const roles = [...m.roles].sort((a, b) => a.role.name.localeCompare(b.role.name, 'en-GB'))
  const { membership, roles: _, ...rest } = m
  return {
    ...rest,
    login: membership ? `${membership.user.name} (${membership.user.email})` : '',
    roles: roles.map((r) => r.role.name).join(', '),
    roleIds: roles.map((r) => r.roleId),
  }
}
export type StoredMember = NonNullable<Awaited<ReturnType<typeof readMember>>>

/** The login to link must be a membership of this school that no other member is linked to. */
async function checkLogin(tx: Tx, schoolId: string, membershipId: string | null, exceptId: string | null) {
  if (!membershipId) return
  const m = await tx.membership.findFirst({
    where: { id: membershipId, schoolId },
    select: { user: { select: { name: true } }, teamMember: { select: { id: true, name: true } } },
  })
  if (!m)
    throw new Refusal('NOT_FOUND', 'That portal login was not found in this school.', {
      fieldErrors: { membershipId: ['Choose a login from the list, or none.'] },
    })
  if (m.teamMember && m.teamMember.id !== exceptId)
    throw new Refusal('CONFLICT', `${m.user.name}'s login is already linked to ${m.teamMember.name}.`, {
      fieldErrors: {
        membershipId: [
          `This login is already linked to ${m.teamMember.name}: each login belongs to one team member.`,
        ],
      },
    })
}

/** Every role ticked must be a live role of this school. */
async function checkRoles(tx: Tx, schoolId: string, roleIds: string[]) {
  if (!roleIds.length) return
  const found = await tx.recoveryRole.count({ where: { schoolId, id: { in: roleIds }, archivedAt: null } })
  if (found !== roleIds.length)
    throw new Refusal('CONFLICT', 'A role you ticked has been retired or is not in this school.', {
      fieldErrors: { roleIds: ['A role you ticked is no longer available: check the roles again.'] },
    })
}

const memberColumns = (d: MemberData) => ({
  name: d.name,
  jobTitle: d.jobTitle,
  membershipId: d.membershipId,
  systemAccess: d.systemAccess,
  mobile: d.mobile,
  otherPhone: d.otherPhone,
  personalEmail: d.personalEmail,
  outOfHoursNotes: d.outOfHoursNotes,
  fallbackContact: d.fallbackContact,
})

export async function createMember(db: Db, actor: Actor, data: MemberData) {
  return db.$transaction(async (tx) => {
    await checkLogin(tx, actor.schoolId, data.membershipId, null)
    await checkRoles(tx, actor.schoolId, data.roleIds)
    const { id } = await tx.teamMember.create({
      data: { ...memberColumns(data), schoolId: actor.schoolId },
      select: { id: true },
    })
    if (data.roleIds.length)
      await tx.teamMemberRole.createMany({
        data: data.roleIds.map((roleId) => ({ schoolId: actor.schoolId, teamMemberId: id, roleId })),
      })
    const after = await readMember(tx, actor.schoolId, id)
    await writeAudit(tx, { ...actorOf(actor), entity: 'TeamMember', entityId: id, action: 'create', after })
    return { id }
  })
}

/**
 * The manager's edit of a member: details, login, roles and contacts. Holdings of retired roles are not
 * on the form and are kept as they are.
 */
export async function updateMember(db: Db, actor: Actor, input: UpdateMemberInput) {
  return db.$transaction(async (tx) => {
    const where = { id: input.id, schoolId: actor.schoolId }
    const { after } = await updateVersioned(tx, {
      actor,
      entity: 'TeamMember',
      id: input.id,
      version: input.version,
      what: 'team member',
      read: () => readMember(tx, actor.schoolId, input.id),
      check: async () => {
        await checkLogin(tx, actor.schoolId, input.membershipId, input.id)
        await checkRoles(tx, actor.schoolId, input.roleIds)
      },
      write: async () => {
        const res = await tx.teamMember.updateMany({
          where: { ...where, version: input.version },
          data: { ...memberColumns(input), version: { increment: 1 } },
        })
        if (res.count !== 1) return res
        await tx.teamMemberRole.deleteMany({
          where: { schoolId: actor.schoolId, teamMemberId: input.id, role: { archivedAt: null } },
        })
        if (input.roleIds.length)
          await tx.teamMemberRole.createMany({
            data: input.roleIds.map((roleId) => ({
              schoolId: actor.schoolId,
              teamMemberId: input.id,
              roleId,
            })),
            skipDuplicates: true,
          })
        return res
      },
    })
    return { id: input.id, version: after.version }
  })
}

const contactColumns = (d: ContactData) => ({
  mobile: d.mobile,
  otherPhone: d.otherPhone,
  personalEmail: d.personalEmail,
  outOfHoursNotes: d.outOfHoursNotes,
  fallbackContact: d.fallbackContact,
})

/**
 * A person keeping their own contact details up to date: the member linked to their own login in this
 * school, found from the actor (never from the form), and only the contact fields.
 */
export async function updateOwnContacts(db: Db, actor: Actor, input: OwnContactsInput) {
  return db.$transaction(async (tx) => {
    const mine = await tx.teamMember.findFirst({
      where: { schoolId: actor.schoolId, membership: { userId: actor.userId, schoolId: actor.schoolId } },
      select: { id: true },
    })
    if (!mine)
      throw new Refusal(
        'CONFLICT',
        'Your login is not linked to a member of the recovery team yet: ask your service continuity manager to link it.',
      )
    const where = { id: mine.id, schoolId: actor.schoolId }
    const { after } = await updateVersioned(tx, {
      actor,
      entity: 'TeamMember',
      action: 'update-contacts',
      id: mine.id,
      version: input.version,
      what: 'team member',
      read: () => readMember(tx, actor.schoolId, mine.id),
      write: () =>
        tx.teamMember.updateMany({
          where: { ...where, version: input.version },
          data: { ...contactColumns(input), version: { increment: 1 } },
        }),
    })
    return { id: mine.id, version: after.version }
  })
}

/**
 * Marks a member as left (kept, never deleted: the history and their records stay) or back. Leaving
 * when they are the only holder of a role asks first, naming the roles it leaves uncovered.
 */
export async function setMemberLeft(
  db: Db,
  actor: Actor,
  input: { id: string; version: number; confirm?: 'yes' },
  left: boolean,
) {
  return db.$transaction(async (tx) => {
    const where = { id: input.id, schoolId: actor.schoolId }
    const current = await readMember(tx, actor.schoolId, input.id)
    if (current && current.version === input.version && Boolean(current.leftAt) === left)
      return { id: input.id, version: current.version }
    const { after } = await updateVersioned(tx, {
      actor,
      entity: 'TeamMember',
      action: left ? 'leave' : 'rejoin',
      id: input.id,
      version: input.version,
      what: 'team member',
      read: () => readMember(tx, actor.schoolId, input.id),
      check: async (before) => {
        if (!left || input.confirm === 'yes') return
        const uncovered = await rolesUncoveredByLeaving(tx, actor.schoolId, before.id, before.roleIds)
        if (uncovered.length)
          throw new Refusal(
            'NEEDS_CONFIRMATION',
            `${before.name} is the only holder of ${uncovered.join(' and ')}. Once they have left, ${uncovered.length === 1 ? 'that role has' : 'those roles have'} nobody to carry out its steps until you give ${uncovered.length === 1 ? 'it' : 'them'} to someone else.`,
            { current: { version: before.version } },
          )
      },
      write: () =>
        tx.teamMember.updateMany({
          where: { ...where, version: input.version },
          data: { leftAt: left ? new Date() : null, version: { increment: 1 } },
        }),
    })
    return { id: input.id, version: after.version }
  })
}

async function rolesUncoveredByLeaving(tx: Tx, schoolId: string, memberId: string, roleIds: string[]) {
  if (!roleIds.length) return []
  const roles = await tx.recoveryRole.findMany({
    where: { schoolId, id: { in: roleIds } },
    select: {
      id: true,
      name: true,
      builtIn: true,
      archivedAt: true,
      holders: { select: { teamMember: { select: { id: true, name: true, leftAt: true } } } },
    },
  })
  const coverage = roleCoverage(
    roles.map((r) => ({ id: r.id, name: r.name, builtIn: r.builtIn, archived: Boolean(r.archivedAt) })),
    roles.flatMap((r) =>
      r.holders.map((h) => ({
        roleId: r.id,
        memberId: h.teamMember.id,
        memberName: h.teamMember.name,
        left: Boolean(h.teamMember.leftAt),
      })),
    ),
    BUILT_IN_ORDER,
  )
  return rolesLeftUncovered(memberId, coverage)
}

// ---------------------------------------------------------------------------------------------------
// Training and rehearsal records

export async function addTraining(db: Db, actor: Actor, input: AddTrainingInput) {
  return db.$transaction(async (tx) => {
    const member = await tx.teamMember.findFirst({
      where: { id: input.teamMemberId, schoolId: actor.schoolId },
      select: { id: true, name: true },
    })
    if (!member) throw new Refusal('NOT_FOUND', 'That team member was not found.')
    const created = await tx.trainingRecord.create({
      data: {
        schoolId: actor.schoolId,
        teamMemberId: member.id,
        kind: input.kind,
        heldOn: input.heldOn,
        title: input.title,
        provider: input.provider,
        notes: input.notes,
      },
      select: { id: true, kind: true, heldOn: true, title: true, provider: true, notes: true },
    })
    await writeAudit(tx, {
      ...actorOf(actor),
      entity: 'TrainingRecord',
      entityId: created.id,
      action: 'create',
      after: { ...created, name: created.title, member: member.name, kind: trainingKindLabel(created.kind) },
    })
    return { id: created.id, teamMemberId: member.id }
  })
}

/** Removes a record entered by mistake; the audit row keeps what it said. */
export async function removeTraining(db: Db, actor: Actor, input: { id: string }) {
  return db.$transaction(async (tx) => {
    const rec = await tx.trainingRecord.findFirst({
      where: { id: input.id, schoolId: actor.schoolId },
      select: {
        id: true,
        kind: true,
        heldOn: true,
        title: true,
        provider: true,
        notes: true,
        teamMemberId: true,
        teamMember: { select: { name: true } },
      },
    })
    if (!rec) throw new Refusal('NOT_FOUND', 'That training record was not found.')
    await tx.trainingRecord.delete({ where: { id: rec.id } })
    const { teamMember, teamMemberId, ...kept } = rec
    await writeAudit(tx, {
      ...actorOf(actor),
      entity: 'TrainingRecord',
      entityId: rec.id,
      action: 'delete',
      before: { ...kept, name: rec.title, member: teamMember.name, kind: trainingKindLabel(rec.kind) },
    })
    return { id: rec.id, teamMemberId }
  })
}
