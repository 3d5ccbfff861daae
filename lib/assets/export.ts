import 'server-only'
import { toCsv } from '@/lib/csv'
import { db } from '@/lib/db'
import { ASSET_CSV_COLUMNS } from './csv'
import { assetTypeLabel } from './schema'

/** The live asset register as CSV, in the same columns the import reads (so it round-trips). */
export async function assetsCsv(schoolId: string): Promise<string> {
  const rows = await db.asset.findMany({
    where: { schoolId, archivedAt: null },
    orderBy: { name: 'asc' },
    select: {
      name: true,
      type: true,
      location: true,
      specification: true,
      supplier: true,
      contractRef: true,
      standbyArrangement: true,
      standbyVerifiedAt: true,
      standbyAsset: { select: { name: true } },
    },
  })
  return toCsv(
    [...ASSET_CSV_COLUMNS],
    rows.map((a) => [
      a.name,
      assetTypeLabel(a.type),
      a.location,
      a.specification,
      a.supplier,
      a.contractRef,
      [a.standbyAsset ? `Standby asset: ${a.standbyAsset.name}` : '', a.standbyArrangement]
        .filter(Boolean)
        .join('; '),
      a.standbyVerifiedAt,
    ]),
  )
}
