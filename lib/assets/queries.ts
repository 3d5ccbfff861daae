import 'server-only'
import { db } from '@/lib/db'
import type { Prisma } from '@/lib/generated/prisma/client'
import type { AssetType } from '@/lib/generated/prisma/enums'

export const ASSETS_PAGE_SIZE = 25
export const ASSET_SORTS = {
  name: [{ name: 'asc' }],
  type: [{ type: 'asc' }, { name: 'asc' }],
  updated: [{ updatedAt: 'desc' }],
} as const satisfies Record<string, Prisma.AssetOrderByWithRelationInput[]>
export type AssetSort = keyof typeof ASSET_SORTS

export type AssetFilter = {
  q?: string
  type?: AssetType
  archived?: boolean
  sort?: AssetSort
  page?: number
  /** Only these assets (a computed filter such as "single points of failure"). */
  ids?: string[]
}

/** One page of assets with the total, in two queries whatever the number of rows. */
export async function listAssets(schoolId: string, f: AssetFilter) {
  const where: Prisma.AssetWhereInput = {
    schoolId,
    archivedAt: f.archived ? { not: null } : null,
    ...(f.type ? { type: f.type } : {}),
    ...(f.ids ? { id: { in: f.ids } } : {}),
    ...(f.q
      ? {
          OR: [
            { name: { contains: f.q, mode: 'insensitive' } },
            { location: { contains: f.q, mode: 'insensitive' } },
            { supplier: { contains: f.q, mode: 'insensitive' } },
            { specification: { contains: f.q, mode: 'insensitive' } },
          ],
        }
      : {}),
  }
  const page = Math.max(1, f.page ?? 1)
  const [total, rows] = await Promise.all([
    db.asset.count({ where }),
    db.asset.findMany({
      where,
      orderBy: [...ASSET_SORTS[f.sort ?? 'name']],
      skip: (page - 1) * ASSETS_PAGE_SIZE,
      take: ASSETS_PAGE_SIZE,
      select: { id: true, name: true, type: true, location: true, supplier: true },
    }),
  ])
  return { total, rows, page, pages: Math.max(1, Math.ceil(total / ASSETS_PAGE_SIZE)) }
}

export async function getAsset(schoolId: string, id: string) {
  return db.asset.findFirst({
    where: { id, schoolId },
    select: {
      id: true,
      name: true,
      type: true,
      location: true,
      specification: true,
      supplier: true,
      contractRef: true,
      specificationChangedAt: true,
      standbyAssetId: true,
      standbyArrangement: true,
      standbyVerifiedAt: true,
      archivedAt: true,
      version: true,
      standbyAsset: { select: { id: true, name: true, archivedAt: true } },
    },
  })
}
