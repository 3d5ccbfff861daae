import 'server-only'
import { db } from '@/lib/db'

export const ACTIVITY_PAGE_SIZE = 50

/** One page of the school's change history, newest first. */
export async function listActivity(schoolId: string, page: number) {
  const [total, rows] = await Promise.all([
    db.auditEvent.count({ where: { schoolId } }),
    db.auditEvent.findMany({
      where: { schoolId },
      orderBy: [{ at: 'desc' }, { id: 'desc' }],
      skip: (page - 1) * ACTIVITY_PAGE_SIZE,
      take: ACTIVITY_PAGE_SIZE,
      select: {
        id: true,
        at: true,
        entity: true,
        entityId: true,
        action: true,
        before: true,
        after: true,
        actor: { select: { name: true } },
      },
    }),
  ])
  return { total, rows, pages: Math.max(1, Math.ceil(total / ACTIVITY_PAGE_SIZE)) }
}
