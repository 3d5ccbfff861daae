import { randomBytes } from 'node:crypto'
import { hashPassword } from '@/lib/auth/password'
import type { SchoolContext } from '@/lib/auth/school-context'
import { db } from '@/lib/db'
import type { Prisma } from '@/lib/generated/prisma/client'
import type { Role } from '@/lib/generated/prisma/enums'

const suffix = () => randomBytes(4).toString('hex')

let cachedHash: Promise<string> | undefined
export const TEST_PASSWORD = 'correct horse battery staple'

export async function makeSchool(name = `School ${suffix()}`) {
  return db.school.create({ data: { name }, select: { id: true, name: true, timeZone: true } })
}

/** A user with a membership in the school, and the context the action wrapper would build for them. */
export async function makeMember(
  schoolId: string,
  role: Role,
  email = `${role.toLowerCase()}-${suffix()}@test.example`,
) {
  cachedHash ??= hashPassword(TEST_PASSWORD)
  const user = await db.user.create({
    data: { email, name: `${role} ${suffix()}`, passwordHash: await cachedHash },
  })
  const membership = await db.membership.create({ data: { userId: user.id, schoolId, role } })
  return { user, membership }
}

export async function contextFor(userId: string, schoolId: string): Promise<SchoolContext> {
  const m = await db.membership.findUniqueOrThrow({
    where: { userId_schoolId: { userId, schoolId } },
    select: {
      role: true,
      user: { select: { name: true } },
      school: { select: { name: true, timeZone: true } },
    },
  })
  return {
    userId,
    userName: m.user.name,
    schoolId,
    schoolName: m.school.name,
    timeZone: m.school.timeZone,
    role: m.role,
    schools: [{ id: schoolId, name: m.school.name, role: m.role }],
  }
}

export function form(fields: Record<string, string | number>): FormData {
  const f = new FormData()
  for (const [k, v] of Object.entries(fields)) f.set(k, String(v))
  return f
}

type Fields = Record<string, string | number>

/**
 * Every field the service form sends, filled with valid values (the RTO fits inside the maximum
 * tolerable outage). Spread overrides over it; tests/integration/factories.test.ts checks that it
 * still names every field of the schema and passes it.
 */
export const SERVICE_FIELDS = {
  name: 'Management information system',
  description: 'Pupil records, attendance, assessment and reports.',
  owner: 'School business manager',
  usersAffected: 'Office staff, teachers and parents',
  criticality: 1,
  rtoValue: 4,
  rtoUnit: 'hours',
  rpoValue: 1,
  rpoUnit: 'days',
  maxOutageValue: 1,
  maxOutageUnit: 'days',
  minServiceLevel: 'Registers on paper, entered once it is back.',
  impact60Level: 'MEDIUM',
  impact60Note: 'Registers on paper',
  impact1440Level: 'HIGH',
  impact1440Note: 'No parent contact details',
  impact10080Level: 'SEVERE',
  impact10080Note: 'Statutory returns missed',
} satisfies Fields

/** A valid service form with every field; add id and version for an update. */
export const serviceForm = (overrides: Fields = {}) => form({ ...SERVICE_FIELDS, ...overrides })

/** Every field the asset form sends, valid; the standby asset is left empty (a choice of id). */
export const ASSET_FIELDS = {
  name: 'File server',
  type: 'HARDWARE',
  location: 'Server room',
  specification: '64 GB RAM, 4 TB mirrored disks',
  supplier: 'Acme IT',
  contractRef: 'ACME-2026-01',
  standbyAssetId: '',
  standbyArrangement: 'Reserved server at the supplier',
  standbyVerifiedAt: '2026-01-05',
} satisfies Fields

/** A valid asset form with every field; add id and version for an update. */
export const assetForm = (overrides: Fields = {}) => form({ ...ASSET_FIELDS, ...overrides })

/** A service stored directly (no action, no audit row), for tests that need one to exist. */
export async function makeService(
  schoolId: string,
  overrides: Partial<Omit<Prisma.ServiceUncheckedCreateInput, 'schoolId'>> = {},
) {
  return db.service.create({
    data: {
      schoolId,
      name: `Service ${suffix()}`,
      criticality: 1,
      rtoMinutes: 60,
      rpoMinutes: 60,
      maxOutageMinutes: 120,
      ...overrides,
    },
  })
}

/** An asset stored directly (no action, no audit row), for tests that need one to exist. */
export async function makeAsset(
  schoolId: string,
  overrides: Partial<Omit<Prisma.AssetUncheckedCreateInput, 'schoolId'>> = {},
) {
  return db.asset.create({ data: { schoolId, name: `Asset ${suffix()}`, type: 'HARDWARE', ...overrides } })
}

/** Row counts of every table that actions write, for asserting that a refusal changed nothing. */
export async function snapshotCounts() {
  const [users, memberships, audit, schools] = await Promise.all([
    db.user.count(),
    db.membership.count(),
    db.auditEvent.count(),
    db.school.count(),
  ])
  const roles = await db.membership.findMany({
    select: { id: true, role: true, version: true },
    orderBy: { id: 'asc' },
  })
  return { users, memberships, audit, schools, roles }
}
