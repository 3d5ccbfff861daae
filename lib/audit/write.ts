import type { Tx } from '@/lib/db'
import type { Prisma } from '@/lib/generated/prisma/client'
import type { AuditPair } from './vocabulary'

/**
 * One audit row. `entity` and `action` come from the vocabulary (lib/audit/vocabulary.ts), so only a
 * pair it lists compiles. `before` and `after` hold the labelled fields as they were and became; store
 * names beside ids where a reader needs them (the activity log shows labelled fields only, never ids).
 */
export type AuditInput = AuditPair & {
  schoolId: string
  actorId: string | null
  entityId: string
  before?: unknown
  after?: unknown
  /** For a row that is part of a bulk change: the id of that change's summary row. */
  batchId?: string | null
}

// JSON columns cannot hold Dates or undefined; store the plain JSON form of what changed.
function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue
}

function toRow(e: AuditInput) {
  return {
    schoolId: e.schoolId,
    actorId: e.actorId,
    entity: e.entity,
    entityId: e.entityId,
    action: e.action,
    before: toJson(e.before),
    after: toJson(e.after),
    batchId: e.batchId ?? null,
  }
}

/**
 * Writes the audit row for a change and returns its id (a bulk change passes it to its rows as
 * batchId). Call it inside the same transaction as the change itself.
 */
export async function writeAudit(tx: Tx, e: AuditInput): Promise<{ id: string }> {
  return tx.auditEvent.create({ data: toRow(e), select: { id: true } })
}

/** Writes several audit rows in one statement (for bulk changes such as an import). */
export async function writeAuditMany(tx: Tx, events: AuditInput[]): Promise<void> {
  if (events.length === 0) return
  await tx.auditEvent.createMany({ data: events.map(toRow) })
}
