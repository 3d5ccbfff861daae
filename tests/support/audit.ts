import { db } from '@/lib/db'

/**
 * Gives a school n assets and an audit history of 3n + 1 rows that needs every kind of lookup the
 * activity log makes: a bulk change (newest, so it is on the first page) with n rows, archive rows
 * whose record name must be resolved, and updates whose standby field holds another asset's id.
 */
export async function fillAuditTrail(schoolId: string, n: number) {
  const assets = await db.asset.createManyAndReturn({
    data: Array.from({ length: n }, (_, i) => ({
      schoolId,
      name: `Audited asset ${i}`,
      type: 'HARDWARE' as const,
    })),
    select: { id: true },
  })
  const summary = await db.auditEvent.create({
    data: {
      schoolId,
      entity: 'Catalogue',
      entityId: schoolId,
      action: 'import',
      after: { assets: n },
      at: new Date(Date.now() + 60_000),
    },
  })
  await db.auditEvent.createMany({
    data: assets.flatMap((a, i) => [
      { schoolId, entity: 'Asset', entityId: a.id, action: 'archive', before: { archivedAt: null } },
      {
        schoolId,
        entity: 'Asset',
        entityId: a.id,
        action: 'update',
        before: { name: `Audited asset ${i}`, standbyAssetId: null },
        after: { name: `Audited asset ${i}`, standbyAssetId: assets[(i + 1) % n]!.id },
      },
      {
        schoolId,
        entity: 'Asset',
        entityId: a.id,
        action: 'import',
        after: { name: 'x' },
        batchId: summary.id,
      },
    ]),
  })
}
