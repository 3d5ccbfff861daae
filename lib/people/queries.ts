import 'server-only'
import { db } from '@/lib/db'

/** Everyone in the school with their role, managers first. */
export async function listMembers(schoolId: string) {
  const rows = await db.membership.findMany({
    where: { schoolId },
    select: {
      id: true,
      role: true,
      version: true,
      createdAt: true,
      user: { select: { id: true, name: true, email: true } },
    },
    orderBy: [{ role: 'asc' }, { user: { name: 'asc' } }],
  })
  return rows
}
export type MemberRow = Awaited<ReturnType<typeof listMembers>>[number]
