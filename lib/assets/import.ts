import { writeAudit, writeAuditMany } from '@/lib/audit'
import type { Db, Tx } from '@/lib/db'
import { Refusal } from '@/lib/result'
import { checkAssetCsv, type ImportPreview } from './csv'

type Actor = { schoolId: string; userId: string }

// What each imported asset's audit row records (the activity log shows these fields, labelled).
const IMPORTED = {
  id: true,
  name: true,
  type: true,
  location: true,
  supplier: true,
  contractRef: true,
  specification: true,
  standbyArrangement: true,
  standbyVerifiedAt: true,
} as const

async function existingNames(db: Pick<Tx, 'asset'>, schoolId: string): Promise<Set<string>> {
  const rows = await db.asset.findMany({ where: { schoolId, archivedAt: null }, select: { name: true } })
  return new Set(rows.map((r) => r.name.toLowerCase()))
}

/** Checks an uploaded register against the school's current assets; writes nothing. */
export async function previewAssetImport(
  db: Pick<Tx, 'asset'>,
  schoolId: string,
  csv: string,
): Promise<ImportPreview> {
  return checkAssetCsv(csv, await existingNames(db, schoolId))
}

/**
 * Imports the register. The file is checked again here (the preview the browser saw proves nothing):
 * with mode "all", any bad row refuses the whole file; with "valid-only", the good rows go in and the
 * bad ones are left out. One transaction: one audit row for the import and one per asset, carrying its id.
 */
export async function importAssets(db: Db, actor: Actor, csv: string, mode: 'all' | 'valid-only') {
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "School" WHERE id = ${actor.schoolId} FOR UPDATE`
    const preview = await previewAssetImport(tx, actor.schoolId, csv)
    if (preview.fileProblems.some((p) => !p.startsWith('Unknown columns')))
      throw new Refusal('INVALID', `The file cannot be imported: ${preview.fileProblems.join(' ')}`)
    if (mode === 'all' && preview.invalid > 0)
      throw new Refusal('INVALID', `${preview.invalid} row(s) have problems, so nothing was imported.`)
    const good = preview.rows.filter((r) => r.data)
    if (good.length === 0) throw new Refusal('INVALID', 'There are no valid rows to import.')
    // As with a new asset, specificationChangedAt stays empty until the specification is changed.
    const created = await tx.asset.createManyAndReturn({
      data: good.map((r) => ({ ...r.data!, schoolId: actor.schoolId })),
      select: IMPORTED,
    })
    // One summary row for the activity log, and each asset's own row (its history shows it was imported).
    const summary = await writeAudit(tx, {
      schoolId: actor.schoolId,
      actorId: actor.userId,
      entity: 'Catalogue',
      entityId: actor.schoolId,
      action: 'import',
      after: { assets: created.length, skipped: preview.invalid },
    })
    await writeAuditMany(
      tx,
      created.map(({ id, ...after }) => ({
        schoolId: actor.schoolId,
        actorId: actor.userId,
        entity: 'Asset',
        entityId: id,
        action: 'import',
        after,
        batchId: summary.id,
      })),
    )
    return { imported: created.length, skipped: preview.invalid }
  })
}
