import 'server-only'
import {
  type AssetEdge,
  type AssetNode,
  type ServiceNeed,
  type ServiceNode,
  serviceDependencies,
  singlePointsOfFailure,
} from '@/lib/catalogue/graph'
import { type StandbyDrift, standbyDrift } from '@/lib/catalogue/standby'
import { db } from '@/lib/db'
import { layoutDependencyGraph, selectForPicture } from '@/lib/dependencies/layout'
import { versionCache } from '@/lib/records/version-cache'

/** The current catalogue version of a school (bumped by triggers on every catalogue change); -1 if none. */
export async function getCatalogueVersion(schoolId: string): Promise<number> {
  const rows = await db.$queryRaw<{ v: number }[]>`
    SELECT "catalogueVersion" AS v FROM "School" WHERE "id" = ${schoolId}`
  return rows[0]?.v ?? -1
}

// Graphs of the 200 most recently used schools: a few hundred KB each at most.
const graphs = versionCache<Graph>(200)

/**
 * The school's whole dependency graph (live services and assets only): one query for the catalogue
 * version, and four more only when the catalogue has changed since the graph was last read (the graph is
 * kept per version in lib/records/version-cache.ts). The rules in lib/catalogue/graph.ts then work on it in
 * memory. The graph is frozen and shared: copy before sorting or changing it.
 */
export async function loadGraph(schoolId: string): Promise<Graph> {
  const version = await getCatalogueVersion(schoolId)
  return graphs.getAsync(schoolId, version, () => readGraph(schoolId))
}

/** The school's dependency graph straight from the database, in four queries whatever its size. */
async function readGraph(schoolId: string) {
  const [services, assets, needs, edges] = await Promise.all([
    db.service.findMany({
      where: { schoolId, archivedAt: null },
      select: { id: true, name: true, criticality: true, rtoMinutes: true },
      orderBy: { name: 'asc' },
    }),
    db.asset.findMany({
      where: { schoolId, archivedAt: null },
      select: {
        id: true,
        name: true,
        type: true,
        standbyAssetId: true,
        standbyArrangement: true,
        standbyVerifiedAt: true,
        specificationChangedAt: true,
        standbyAsset: { select: { archivedAt: true } },
      },
      orderBy: { name: 'asc' },
    }),
    db.serviceAsset.findMany({
      where: { schoolId, service: { archivedAt: null }, asset: { archivedAt: null } },
      select: { serviceId: true, assetId: true, required: true, version: true },
    }),
    db.assetDependency.findMany({
      where: { schoolId, asset: { archivedAt: null }, dependsOn: { archivedAt: null } },
      select: { assetId: true, dependsOnId: true },
    }),
  ])
  const assetNodes: (AssetNode & (typeof assets)[number])[] = assets.map((a) => ({
    ...a,
    // A standby that is itself archived protects nothing.
    hasStandby: Boolean((a.standbyAssetId && !a.standbyAsset?.archivedAt) || a.standbyArrangement.trim()),
  }))
  return {
    services: services as (ServiceNode & (typeof services)[number])[],
    assets: assetNodes,
    needs: needs as (ServiceNeed & { version: number })[],
    edges: edges as AssetEdge[],
  }
}
export type Graph = Awaited<ReturnType<typeof readGraph>>

/** Per-asset flags: single points of failure, and standbys that need re-checking (never verified or drifted). */
// Single points of failure of the 200 most recently used schools, per catalogue version.
const spofCache = versionCache<ReturnType<typeof singlePointsOfFailure>>(200)

/**
 * The graph and its single points of failure, worked out once per catalogue version: the service and
 * asset pages mark them on every view, and finding them walks the whole graph.
 */
export async function loadGraphWithSpofs(schoolId: string) {
  const version = await getCatalogueVersion(schoolId)
  const g = await graphs.getAsync(schoolId, version, () => readGraph(schoolId))
  const spofs = spofCache.get(schoolId, version, () =>
    singlePointsOfFailure(g.services, g.assets, g.needs, g.edges),
  )
  return { graph: g, spofs, version }
}

/** Per-asset flags from the graph and its single points of failure (from `loadGraphWithSpofs`). */
function assetFlags(g: Graph, timeZone: string, spofs: ReturnType<typeof singlePointsOfFailure>) {
  const recheck = new Map<string, StandbyDrift>()
  for (const a of g.assets) {
    const s = standbyDrift(a, timeZone)
    if (s === 'MAY_NOT_MATCH' || s === 'NEVER_VERIFIED') recheck.set(a.id, s)
  }
  return { spofs, spofIds: new Set(spofs.map((p) => p.assetId)), recheck }
}

const flagsCache = versionCache<AssetFlags>(200)
type AssetFlags = ReturnType<typeof assetFlags>

/**
 * The graph and its per-asset flags (single points of failure, standbys to re-check), worked out once
 * per catalogue version and time zone: one query when nothing has changed.
 */
export async function getGraphWithFlags(schoolId: string, timeZone: string) {
  const { graph: g, spofs, version } = await loadGraphWithSpofs(schoolId)
  const flags = flagsCache.get(`${schoolId}:${timeZone}`, version, () => assetFlags(g, timeZone, spofs))
  return { graph: g, flags }
}

/** Figures for the dashboard: live services and assets, single points of failure, standbys to re-check. */
export async function getCatalogueSummary(schoolId: string, timeZone: string) {
  const { graph: g, flags } = await getGraphWithFlags(schoolId, timeZone)
  return {
    services: g.services.length,
    assets: g.assets.length,
    spofs: flags.spofs.length,
    standbysToCheck: flags.recheck.size,
  }
}

const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true })

function buildDependenciesView(
  g: Graph,
  spofs: ReturnType<typeof singlePointsOfFailure>,
  focus: string | null,
  everything: boolean,
) {
  const picture = layoutDependencyGraph({
    ...g,
    spofs: new Set(spofs.map((p) => p.assetId)),
    focusServiceId: focus,
    everything,
  })
  const assetName = new Map(g.assets.map((a) => [a.id, a.name]))
  const serviceById = new Map(g.services.map((s) => [s.id, s]))
  const nameOf = (id: string) => assetName.get(id) ?? 'Unknown asset'
  const services = [...g.services]
    .sort((a, b) => a.criticality - b.criticality || collator.compare(a.name, b.name))
    .map((s) => ({
      ...s,
      dependencies: serviceDependencies(s.id, g.needs, g.edges).map((d) => ({
        assetId: d.assetId,
        name: nameOf(d.assetId),
        required: d.required,
        via: d.via.map(nameOf),
      })),
    }))
  return {
    focus,
    everything,
    services,
    spofs: spofs.map((s) => ({
      assetId: s.assetId,
      name: nameOf(s.assetId),
      services: s.serviceIds.flatMap((id) => {
        const svc = serviceById.get(id)
        return svc ? [{ name: svc.name, criticality: svc.criticality }] : []
      }),
    })),
    picture,
    // Assets that no service needs, directly or through other assets: drawn only on request.
    unneeded: selectForPicture({ ...g, spofs: new Set() }).hiddenAssets,
  }
}
export type DependenciesView = ReturnType<typeof buildDependenciesView>

const views = versionCache<DependenciesView>(500)

/**
 * Everything the dependencies page shows: the single points of failure, the picture (one service when
 * `focusServiceId` names a live one; every asset when `everything`), how many assets no service needs,
 * and each service's dependencies, most critical first. Worked out once per catalogue version and kept
 * (lib/records/version-cache.ts): a request that finds it current runs one query.
 */
export async function getDependenciesView(
  schoolId: string,
  opts: { focusServiceId?: string; everything: boolean },
): Promise<DependenciesView> {
  const { graph: g, spofs, version } = await loadGraphWithSpofs(schoolId)
  // Only a live service of this school can be focused on, so the cache holds one entry per real choice.
  const focus = g.services.some((s) => s.id === opts.focusServiceId) ? opts.focusServiceId! : null
  const everything = !focus && opts.everything
  const key = `${schoolId}:${focus ?? ''}:${everything ? 'all' : 'needed'}`
  return views.get(key, version, () => buildDependenciesView(g, spofs, focus, everything))
}
