import 'server-only'
import { servicesAffectedBy } from '@/lib/catalogue/graph'
import { standbyDrift } from '@/lib/catalogue/standby'
import { db } from '@/lib/db'
import { getGraphWithFlags, loadGraphWithSpofs } from '@/lib/dependencies/queries'
import type { Prisma } from '@/lib/generated/prisma/client'
import type { AssetType } from '@/lib/generated/prisma/enums'
import { type DataViewContext, dataView } from '@/lib/records/data-view'
import { paged } from '@/lib/records/paged'
import type { AssetCheck, AssetListParams, AssetSort } from './list-params'

export type { AssetSort } from './list-params'

export const ASSETS_PAGE_SIZE = 25
export const ASSET_SORTS = {
  name: [{ name: 'asc' }],
  type: [{ type: 'asc' }, { name: 'asc' }],
  updated: [{ updatedAt: 'desc' }],
} as const satisfies Record<AssetSort, Prisma.AssetOrderByWithRelationInput[]>

export type AssetFilter = {
  q?: string
  type?: AssetType
  archived?: boolean
  sort?: AssetSort
  page?: number
  /** Only these assets (a computed filter such as "single points of failure"). */
  ids?: string[]
}

/**
 * One page of assets with the total, in two queries whatever the number of rows. A page past the end
 * shows the last page.
 */
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
  return paged({
    page: f.page,
    pageSize: ASSETS_PAGE_SIZE,
    count: () => db.asset.count({ where }),
    rows: (skip, take) =>
      db.asset.findMany({
        where,
        orderBy: [...ASSET_SORTS[f.sort ?? 'name']],
        skip,
        take,
        select: { id: true, name: true, type: true, location: true, supplier: true },
      }),
  })
}

/**
 * The assets list as its page shows it: one page of assets, each flagged when it is a single point of
 * failure or its standby needs re-checking, narrowed to the flagged ones when `check` asks. The flags
 * come from the whole graph (a fixed number of queries whatever its size), then the page in two more.
 */
export async function getAssetList(schoolId: string, p: AssetListParams, timeZone: string) {
  const { flags } = await getGraphWithFlags(schoolId, timeZone)
  const ids: Record<AssetCheck, () => string[]> = {
    spof: () => [...flags.spofIds],
    standby: () => [...flags.recheck.keys()],
  }
  const list = await listAssets(schoolId, { ...p, ids: p.check ? ids[p.check]() : undefined })
  return {
    ...list,
    rows: list.rows.map((a) => ({ ...a, spof: flags.spofIds.has(a.id), standby: flags.recheck.get(a.id) })),
  }
}

/** The assets list for the page, kept per data version (lib/records/data-view.ts): a repeat view runs no query. */
export async function getAssetListPage(ctx: DataViewContext, p: AssetListParams) {
  return dataView(ctx, 'asset-list', JSON.stringify(p), () => getAssetList(ctx.schoolId, p, ctx.timeZone))
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

/** Every live asset's id and name, for pickers (standby, dependencies, a service's links). */
export async function listAssetOptions(schoolId: string) {
  return db.asset.findMany({
    where: { schoolId, archivedAt: null },
    select: { id: true, name: true, type: true },
    orderBy: { name: 'asc' },
  })
}

/**
 * Everything the asset page shows, in the same number of queries whatever the size of the school (the
 * asset, the graph, and the pickers when the person can edit; tests/integration/query-count.test.ts):
 * whether it is a single point of failure and for which services, whether its standby can still be
 * trusted, which services it would take down, what it depends on and what needs it. The rules live in lib/catalogue/graph.ts and lib/catalogue/standby.ts.
 * Null when the school has no such asset.
 */
export async function getAssetView(schoolId: string, id: string, timeZone: string, opts: { edit: boolean }) {
  // All at once: a missing asset wastes the other reads, but a found one (nearly always) is a round trip sooner.
  const [asset, { graph: g, spofs }, options] = await Promise.all([
    getAsset(schoolId, id),
    loadGraphWithSpofs(schoolId),
    opts.edit ? listAssetOptions(schoolId) : [],
  ])
  if (!asset) return null

  const service = new Map(g.services.map((s) => [s.id, s]))
  const names = new Map(g.assets.map((a) => [a.id, a.name]))
  const assetName = (assetId: string) => names.get(assetId) ?? 'Unknown asset'
  const serviceRef = (serviceId: string) => ({
    id: serviceId,
    name: service.get(serviceId)?.name ?? 'Unknown service',
    criticality: service.get(serviceId)?.criticality,
  })
  // An archived asset is not in the graph: it is nobody's single point of failure and has no drift.
  const node = g.assets.find((a) => a.id === asset.id)
  const spof = spofs.find((s) => s.assetId === asset.id)
  const dependsOn = g.edges.filter((e) => e.assetId === asset.id).map((e) => e.dependsOnId)

  const live = options.filter((o) => o.id !== asset.id).map((o) => ({ value: o.id, label: o.name }))
  // An archived standby stays selectable so that saving other changes does not silently drop it.
  const archivedStandby = asset.standbyAsset?.archivedAt ? asset.standbyAsset : null

  return {
    asset,
    archived: Boolean(asset.archivedAt),
    archivedStandby: Boolean(archivedStandby),
    /** The critical services that need it while it has no standby; null when it is not a single point of failure. */
    spofServices: spof ? spof.serviceIds.map(serviceRef) : null,
    drift: node
      ? standbyDrift(
          {
            specificationChangedAt: asset.specificationChangedAt,
            standbyVerifiedAt: asset.standbyVerifiedAt,
            hasStandby: node.hasStandby,
          },
          timeZone,
        )
      : null,
    affected: servicesAffectedBy(asset.id, g.needs, g.edges).map((a) => ({
      ...serviceRef(a.serviceId),
      direct: a.direct,
      required: a.required,
    })),
    dependsOn: dependsOn.map((depId) => ({ id: depId, name: assetName(depId) })),
    neededByServices: g.needs
      .filter((n) => n.assetId === asset.id)
      .map((n) => ({ ...serviceRef(n.serviceId), required: n.required })),
    neededByAssets: g.edges
      .filter((e) => e.dependsOnId === asset.id)
      .map((e) => ({ id: e.assetId, name: assetName(e.assetId) })),
    /** Pickers (empty unless the person can edit). */
    options: {
      dependency: live.filter((o) => !dependsOn.includes(o.value)),
      standby: archivedStandby
        ? [...live, { value: archivedStandby.id, label: `${archivedStandby.name} (archived)` }]
        : live,
    },
  }
}
export type AssetView = NonNullable<Awaited<ReturnType<typeof getAssetView>>>
