import { randomBytes } from 'node:crypto'
import { hashPassword } from '@/lib/auth/password'
import type { SchoolContext } from '@/lib/auth/school-context'
import { db } from '@/lib/db'
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
