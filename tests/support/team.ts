import { randomBytes } from 'node:crypto'
import { db } from '@/lib/db'
import { ensureBuiltInRoles } from '@/lib/team/mutations'
import { form } from './factories'

const suffix = () => randomBytes(4).toString('hex')

/** The school's two built-in roles (created if missing), by kind. */
export async function builtInRoles(schoolId: string) {
  await ensureBuiltInRoles(db, schoolId)
  const rows = await db.recoveryRole.findMany({ where: { schoolId, builtIn: { not: null } } })
  return {
    manager: rows.find((r) => r.builtIn === 'CONTINUITY_MANAGER')!,
    deputy: rows.find((r) => r.builtIn === 'DEPUTY_CONTINUITY_MANAGER')!,
  }
}

export async function makeRole(schoolId: string, name = `Role ${suffix()}`) {
  return db.recoveryRole.create({ data: { schoolId, name, responsibilities: 'Does things.' } })
}

/** A team member holding the given roles, optionally linked to a membership. */
export async function makeTeamMember(
  schoolId: string,
  opts: { name?: string; roleIds?: string[]; membershipId?: string; mobile?: string } = {},
) {
  return db.teamMember.create({
    data: {
      schoolId,
      name: opts.name ?? `Member ${suffix()}`,
      membershipId: opts.membershipId ?? null,
      mobile: opts.mobile ?? '07700 900001',
      roles: { create: (opts.roleIds ?? []).map((roleId) => ({ schoolId, roleId })) },
    },
  })
}

/**
 * Every field the member form sends, filled with valid values; roles as the form posts them, one
 * checkbox per role (`role_<id>` = "yes").
 */
export const MEMBER_FIELDS = {
  name: 'Sam Patel',
  jobTitle: 'ICT technician',
  membershipId: '',
  systemAccess: 'yes',
  mobile: '07700 900123',
  otherPhone: '',
  personalEmail: 'sam.patel@example.org',
  outOfHoursNotes: 'Lives 20 minutes away; has a key to the server room.',
  fallbackContact: 'Partner: 07700 900456',
}
export function memberForm(overrides: Record<string, string | number> = {}, roleIds: string[] = []) {
  const f = form({ ...MEMBER_FIELDS, ...overrides })
  for (const id of roleIds) f.set(`role_${id}`, 'yes')
  return f
}
