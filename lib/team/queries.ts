import 'server-only'
import { db } from '@/lib/db'
import type { Prisma } from '@/lib/generated/prisma/client'
import { hasOffSiteContact } from './contacts'
import { type RoleCoverage, roleCoverage } from './coverage'
import type { TeamStatus } from './list-params'
import { ensureBuiltInRoles } from './mutations'
import { BUILT_IN_ORDER } from './schema'
import { ncscTrainingStatus } from './training'

export const TEAM_PAGE_SIZE = 25

const CONTACT_SELECT = {
  mobile: true,
  otherPhone: true,
  personalEmail: true,
  outOfHoursNotes: true,
  fallbackContact: true,
} as const

/** What the reader may see: contact details are personal data, read only with `team.contacts`. */
export type TeamReadOptions = { contacts: boolean }

const ROLE_WITH_HOLDERS = {
  id: true,
  name: true,
  responsibilities: true,
  builtIn: true,
  archivedAt: true,
  version: true,
  holders: { select: { teamMember: { select: { id: true, name: true, leftAt: true } } } },
} as const satisfies Prisma.RecoveryRoleSelect

type RoleRow = Prisma.RecoveryRoleGetPayload<{ select: typeof ROLE_WITH_HOLDERS }>

/**
 * Every role of the school with its holders, in one query (two the first time, when the built-in roles
 * are created for a school that lacks them).
 */
async function loadRoles(schoolId: string): Promise<RoleRow[]> {
  const read = () =>
    db.recoveryRole.findMany({ where: { schoolId }, select: ROLE_WITH_HOLDERS, orderBy: { name: 'asc' } })
  const rows = await read()
  const builtIns = new Set(rows.map((r) => r.builtIn).filter(Boolean))
  if (BUILT_IN_ORDER.every((b) => builtIns.has(b))) return rows
  await ensureBuiltInRoles(db, schoolId)
  return read()
}

function coverageOf(rows: RoleRow[]): (RoleCoverage & { responsibilities: string; version: number })[] {
  const byId = new Map(rows.map((r) => [r.id, r]))
  return roleCoverage(
    rows.map((r) => ({ id: r.id, name: r.name, builtIn: r.builtIn, archived: Boolean(r.archivedAt) })),
    rows.flatMap((r) =>
      r.holders.map((h) => ({
        roleId: r.id,
        memberId: h.teamMember.id,
        memberName: h.teamMember.name,
        left: Boolean(h.teamMember.leftAt),
      })),
    ),
    BUILT_IN_ORDER,
  ).map((c) => ({
    ...c,
    responsibilities: byId.get(c.roleId)!.responsibilities,
    version: byId.get(c.roleId)!.version,
  }))
}

/**
 * Each recovery role with its current holders and whether it is covered (nobody, one person, or more),
 * built-in roles first. The recovery plan uses it for "steps whose role nobody holds"; the roles page
 * and the dashboard for the gaps. Archived (retired) roles are included, marked `archived`.
 */
export async function listRoleCoverage(schoolId: string) {
  return coverageOf(await loadRoles(schoolId))
}
export type RoleCoverageRow = Awaited<ReturnType<typeof listRoleCoverage>>[number]

/** The live roles, for the checkboxes of the member form (built-in roles first). */
export async function listRoleOptions(schoolId: string) {
  return (await listRoleCoverage(schoolId))
    .filter((r) => !r.archived)
    .map((r) => ({ id: r.roleId, name: r.name, builtIn: r.builtIn }))
}

/** One role with its holders, or null when the school has no such role. */
export async function getRole(schoolId: string, id: string) {
  const row = await db.recoveryRole.findFirst({ where: { id, schoolId }, select: ROLE_WITH_HOLDERS })
  if (!row) return null
  return { ...coverageOf([row])[0]!, archivedAt: row.archivedAt }
}

export type TeamFilter = {
  q?: string
  role?: string
  status?: TeamStatus
  untrained?: boolean
  page?: number
}

/**
 * One page of the team with the total, in two queries whatever the number of rows: each member with
 * their roles, their NCSC training status and (for readers allowed contact details) how to reach them.
 */
export async function listTeam(schoolId: string, f: TeamFilter, opts: TeamReadOptions) {
  const where: Prisma.TeamMemberWhereInput = {
    schoolId,
    ...(f.status === 'left' ? { leftAt: { not: null } } : f.status === 'all' ? {} : { leftAt: null }),
    ...(f.role ? { roles: { some: { roleId: f.role } } } : {}),
    ...(f.untrained ? { systemAccess: true, training: { none: { kind: 'NCSC_CYBER' } } } : {}),
    ...(f.q
      ? {
          OR: [
            { name: { contains: f.q, mode: 'insensitive' } },
            { jobTitle: { contains: f.q, mode: 'insensitive' } },
          ],
        }
      : {}),
  }
  const total = await db.teamMember.count({ where })
  const pages = Math.max(1, Math.ceil(total / TEAM_PAGE_SIZE))
  const page = Math.min(pages, Math.max(1, f.page ?? 1))
  const rows = await db.teamMember.findMany({
    where,
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    skip: (page - 1) * TEAM_PAGE_SIZE,
    take: TEAM_PAGE_SIZE,
    select: {
      id: true,
      name: true,
      jobTitle: true,
      systemAccess: true,
      leftAt: true,
      membershipId: true,
      mobile: true,
      otherPhone: true,
      personalEmail: true,
      roles: { select: { role: { select: { id: true, name: true, archivedAt: true } } } },
      training: { where: { kind: 'NCSC_CYBER' }, select: { kind: true, heldOn: true } },
    },
  })
  const now = new Date()
  return {
    total,
    page,
    pages,
    rows: rows.map((m) => ({
      id: m.id,
      name: m.name,
      jobTitle: m.jobTitle,
      left: Boolean(m.leftAt),
      hasLogin: Boolean(m.membershipId),
      roles: m.roles
        .filter((r) => !r.role.archivedAt)
        .map((r) => r.role.name)
        .sort((a, b) => a.localeCompare(b, 'en-GB')),
      training: ncscTrainingStatus(m, m.training, now),
      offSite: hasOffSiteContact(m),
      /** Only for readers allowed contact details. */
      mobile: opts.contacts ? m.mobile : null,
    })),
  }
}
export type TeamRow = Awaited<ReturnType<typeof listTeam>>['rows'][number]

const MEMBER_VIEW = {
  id: true,
  name: true,
  jobTitle: true,
  membershipId: true,
  systemAccess: true,
  leftAt: true,
  version: true,
  updatedAt: true,
  membership: { select: { role: true, user: { select: { name: true, email: true } } } },
  roles: {
    select: {
      role: { select: { id: true, name: true, builtIn: true, archivedAt: true, responsibilities: true } },
    },
  },
  training: {
    select: { id: true, kind: true, heldOn: true, title: true, provider: true, notes: true },
    orderBy: [{ heldOn: 'desc' }, { createdAt: 'desc' }],
  },
} as const satisfies Prisma.TeamMemberSelect

/**
 * A member's page: details, roles, training, and (with `contacts`) how to reach them; for the manager
 * (`edit`) also the roles and logins the form offers. A fixed number of queries; null when the school has
 * no such member.
 */
export async function getMemberView(schoolId: string, id: string, opts: TeamReadOptions & { edit: boolean }) {
  const m = await db.teamMember.findFirst({
    where: { id, schoolId },
    select: { ...MEMBER_VIEW, ...(opts.contacts ? CONTACT_SELECT : {}) },
  })
  if (!m) return null
  const [roleOptions, loginOptions] = opts.edit
    ? await Promise.all([listRoleOptions(schoolId), listLoginOptions(schoolId, id)])
    : [[], []]
  // Present only when selected above (the reader may see contact details).
  const c = m as Partial<Record<keyof typeof CONTACT_SELECT, string>>
  const contacts = opts.contacts
    ? {
        mobile: c.mobile ?? '',
        otherPhone: c.otherPhone ?? '',
        personalEmail: c.personalEmail ?? '',
        outOfHoursNotes: c.outOfHoursNotes ?? '',
        fallbackContact: c.fallbackContact ?? '',
      }
    : null
  const roles = m.roles.map((r) => r.role).sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
  return {
    member: {
      id: m.id,
      name: m.name,
      jobTitle: m.jobTitle,
      membershipId: m.membershipId,
      login: m.membership
        ? { name: m.membership.user.name, email: m.membership.user.email, role: m.membership.role }
        : null,
      systemAccess: m.systemAccess,
      leftAt: m.leftAt,
      version: m.version,
      updatedAt: m.updatedAt,
    },
    contacts,
    roles,
    training: m.training,
    ncsc: ncscTrainingStatus(m, m.training, new Date()),
    roleOptions,
    loginOptions,
  }
}
export type MemberView = NonNullable<Awaited<ReturnType<typeof getMemberView>>>

/**
 * The school's logins a member can be linked to: memberships of this school not linked to another team
 * member (the member's own link stays in the list).
 */
export async function listLoginOptions(schoolId: string, exceptMemberId: string | null) {
  const rows = await db.membership.findMany({
    where: {
      schoolId,
      OR: [{ teamMember: null }, ...(exceptMemberId ? [{ teamMember: { id: exceptMemberId } }] : [])],
    },
    select: { id: true, role: true, user: { select: { name: true, email: true } } },
    orderBy: { user: { name: 'asc' } },
  })
  return rows.map((r) => ({ id: r.id, name: r.user.name, email: r.user.email, role: r.role }))
}

/**
 * The signed-in person's own team membership in this school (found from their login), with their roles
 * and contact details; null when their login is not linked to a team member.
 */
export async function getOwnProfile(schoolId: string, userId: string) {
  const m = await db.teamMember.findFirst({
    where: { schoolId, membership: { userId, schoolId } },
    select: {
      id: true,
      name: true,
      jobTitle: true,
      leftAt: true,
      version: true,
      ...CONTACT_SELECT,
      roles: {
        select: { role: { select: { id: true, name: true, responsibilities: true, archivedAt: true } } },
      },
      training: {
        select: { id: true, kind: true, heldOn: true, title: true, provider: true },
        orderBy: [{ heldOn: 'desc' }, { createdAt: 'desc' }],
      },
      systemAccess: true,
    },
  })
  if (!m) return null
  return {
    ...m,
    roles: m.roles
      .map((r) => r.role)
      .filter((r) => !r.archivedAt)
      .sort((a, b) => a.name.localeCompare(b.name, 'en-GB')),
    ncsc: ncscTrainingStatus(m, m.training, new Date()),
  }
}
export type OwnProfile = NonNullable<Awaited<ReturnType<typeof getOwnProfile>>>
