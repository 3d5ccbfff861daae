import 'server-only'
import {
  type AssetEdge,
  type AssetNode,
  type ServiceNeed,
  type ServiceNode,
  singlePointsOfFailure,
} from '@/lib/catalogue/graph'
import { type StandbyDrift, standbyDrift } from '@/lib/catalogue/standby'
import { db } from '@/lib/db'

/**
 * The school's whole dependency graph (live services and assets only) in four queries, whatever its size:
 * the rules in lib/catalogue/graph.ts then work on it in memory.
 */
export async function loadGraph(schoolId: string) {
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
export type Graph = Awaited<ReturnType<typeof loadGraph>>

/** Per-asset flags: single points of failure, and standbys that need re-checking (never verified or drifted). */
export function assetFlags(g: Graph, timeZone: string) {
  const spofs = singlePointsOfFailure(g.services, g.assets, g.needs, g.edges)
  const recheck = new Map<string, StandbyDrift>()
  for (const a of g.assets) {
    const s = standbyDrift(a, timeZone)
    if (s === 'MAY_NOT_MATCH' || s === 'NEVER_VERIFIED') recheck.set(a.id, s)
  }
  return { spofs, spofIds: new Set(spofs.map((p) => p.assetId)), recheck }
}

/** Figures for the dashboard: live services and assets, single points of failure, standbys to re-check. */
export async function getCatalogueSummary(schoolId: string, timeZone: string) {
  const g = await loadGraph(schoolId)
  const flags = assetFlags(g, timeZone)
  return {
    services: g.services.length,
    assets: g.assets.length,
    spofs: flags.spofs.length,
    standbysToCheck: flags.recheck.size,
  }
}
