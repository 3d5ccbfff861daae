import type { Tx } from '@/lib/db'
import type { Prisma } from '@/lib/generated/prisma/client'

export type AuditInput = {
  schoolId: string
  actorId: string | null
  entity: string
  entityId: string
  action: string
  before?: unknown
  after?: unknown
}

// JSON columns cannot hold Dates or undefined; store the plain JSON form of what changed.
function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue
}

/** Writes the audit row for a change. Call it inside the same transaction as the change itself. */
export async function writeAudit(tx: Tx, e: AuditInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      schoolId: e.schoolId,
      actorId: e.actorId,
      entity: e.entity,
      entityId: e.entityId,
      action: e.action,
      before: toJson(e.before),
      after: toJson(e.after),
    },
  })
}

/** Writes several audit rows in one statement (for bulk changes such as an import). */
export async function writeAuditMany(tx: Tx, events: AuditInput[]): Promise<void> {
  if (events.length === 0) return
  await tx.auditEvent.createMany({
    data: events.map((e) => ({
      schoolId: e.schoolId,
      actorId: e.actorId,
      entity: e.entity,
      entityId: e.entityId,
      action: e.action,
      before: toJson(e.before),
      after: toJson(e.after),
    })),
  })
}
