import type { Db } from '@/lib/db'
import type { Role } from '@/lib/generated/prisma/enums'

export type SchoolContext = {
  userId: string
  userName: string
  schoolId: string
  schoolName: string
  timeZone: string
  role: Role
  /** Every school this user belongs to, for the school switcher. */
  schools: { id: string; name: string; role: Role }[]
}

/**
 * Works out which school a user is acting in: the preferred one (from their cookie) when they are a
 * member of it, otherwise the first school by name. Null when the user has no membership at all.
 */
export async function resolveSchoolContext(
  db: Db,
  userId: string,
  preferredSchoolId: string | null,
): Promise<SchoolContext | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      name: true,
      memberships: {
        select: { role: true, school: { select: { id: true, name: true, timeZone: true } } },
        orderBy: { school: { name: 'asc' } },
      },
    },
  })
  if (!user || user.memberships.length === 0) return null
  const current = user.memberships.find((m) => m.school.id === preferredSchoolId) ?? user.memberships[0]!
  return {
    userId,
    userName: user.name,
    schoolId: current.school.id,
    schoolName: current.school.name,
    timeZone: current.school.timeZone,
    role: current.role,
    schools: user.memberships.map((m) => ({ id: m.school.id, name: m.school.name, role: m.role })),
  }
}
