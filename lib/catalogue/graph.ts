/**
 * The dependency graph between a school's services and the assets that carry them.
 *
 * Everything here is pure: callers load the rows and pass them in, so the rules can be tested without a
 * database and reused by pages, actions and reports alike.
 */

export type ServiceNode = {
  id: string
  name: string
  criticality: number /* 1 = most critical .. 4 */
  rtoMinutes: number
}
export type AssetNode = { id: string; name: string; hasStandby: boolean }
export type ServiceNeed = { serviceId: string; assetId: string; required: boolean }
/** `assetId` needs `dependsOnId` to work. */
export type AssetEdge = { assetId: string; dependsOnId: string }

export type ServiceDependency = { assetId: string; direct: boolean; required: boolean; via: string[] }
export type AffectedService = { serviceId: string; direct: boolean; required: boolean }
export type SinglePointOfFailure = { assetId: string; serviceIds: string[] }

/** Services at this criticality or more critical (a lower number) are the ones a single point of failure endangers. */
export const SPOF_MAX_CRITICALITY = 2

/** Raised by {@link topologicalOrder} when the assets cannot be ordered because some depend on each other in a loop. */
export class DependencyCycleError extends Error {
  readonly cycle: string[]
  constructor(cycle: string[]) {
    super(`These assets depend on each other in a loop: ${cycle.join(' → ')}`)
    this.name = 'DependencyCycleError'
    this.cycle = cycle
  }
}

// Ids are compared by code unit, not locale, so the order never depends on the server's language settings.
export function byId(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** How names are compared wherever the catalogue or the plan sorts by name. */
export const nameCollator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true })

type Adjacency = Map<string, string[]>

// Neighbours are sorted and de-duplicated once so every walk below visits them in the same order.
function buildAdjacency(edges: AssetEdge[], reverse = false): Adjacency {
  const sets = new Map<string, Set<string>>()
  for (const e of edges) {
    const from = reverse ? e.dependsOnId : e.assetId
    const to = reverse ? e.assetId : e.dependsOnId
    let set = sets.get(from)
    if (!set) {
      set = new Set()
      sets.set(from, set)
    }
    set.add(to)
  }
  const adj: Adjacency = new Map()
  for (const [k, set] of sets) adj.set(k, [...set].sort(byId))
  return adj
}

/**
 * Breadth-first walk from several starts at once. The result maps each reached id to the id it was first
 * reached from (null for a start), which gives a shortest path back to the nearest start.
 */
function walk(starts: Iterable<string>, adj: Adjacency): Map<string, string | null> {
  const parent = new Map<string, string | null>()
  const queue: string[] = []
  for (const s of [...new Set(starts)].sort(byId)) {
    parent.set(s, null)
    queue.push(s)
  }
  // An index instead of shift() keeps the walk linear on large graphs.
  for (let i = 0; i < queue.length; i++) {
    const current = queue[i]!
    for (const next of adj.get(current) ?? []) {
      if (parent.has(next)) continue
      parent.set(next, current)
      queue.push(next)
    }
  }
  return parent
}

/** The path from the start that reached `id` down to `id` itself. */
function pathTo(id: string, parent: Map<string, string | null>): string[] {
  const path: string[] = []
  let current: string | null | undefined = id
  while (current != null) {
    path.push(current)
    current = parent.get(current)
  }
  return path.reverse()
}

/**
 * Rule: adding "from depends on to" creates a loop when `to` already depends, directly or through other
 * assets, on `from` — or when an asset would depend on itself.
 *
 * Returns the loop as asset ids in dependency direction, starting and ending with `from`
 * (adding A→B when B→C→A exists gives ['A', 'B', 'C', 'A']), or null when the edge is safe. The shortest loop
 * is reported, choosing the lowest ids on ties, so the message a user sees is stable.
 */
export function findCycle(edges: AssetEdge[], from: string, to: string): string[] | null {
  if (from === to) return [from, from]
  const parent = walk([to], buildAdjacency(edges))
  if (!parent.has(from)) return null
  return [from, ...pathTo(from, parent)]
}

/**
 * Turns a loop from {@link findCycle} into words for an error message, e.g. 'Internet → LAN → Internet'.
 * Uses the asset's name where known and its id otherwise, so a half-loaded name map still yields a message.
 */
export function describeCycle(cycle: string[], names: Map<string, string>): string {
  return cycle.map((id) => names.get(id) ?? id).join(' → ')
}

/**
 * Every asset reachable from the starting assets by following "depends on", the starts included: if any
 * of these fails, something in the starting set may fail with it.
 */
export function assetClosure(start: string[], edges: AssetEdge[]): Set<string> {
  return new Set(walk(start, buildAdjacency(edges)).keys())
}

/**
 * Everything a service depends on, directly and through other assets.
 *
 * Rule: links between assets always carry the need through, so an asset is `required` when there is a chain
 * from a required need of the service down to it. An asset reached only through optional needs is optional,
 * even if it sits under a required-looking chain of assets.
 *
 * `via` is the shortest path of asset ids from a direct need down to (excluding) the asset, empty for direct
 * needs. For a required asset the path is the shortest required chain, since that chain is why it matters.
 *
 * Sorted with direct needs first, then by length of `via`, then by asset id.
 */
export function serviceDependencies(
  serviceId: string,
  needs: ServiceNeed[],
  edges: AssetEdge[],
): ServiceDependency[] {
  const direct = new Set<string>()
  const directRequired = new Set<string>()
  for (const n of needs) {
    if (n.serviceId !== serviceId) continue
    direct.add(n.assetId)
    // The same asset may be recorded twice; one required record is enough to make it required.
    if (n.required) directRequired.add(n.assetId)
  }

  const adj = buildAdjacency(edges)
  const anyParent = walk(direct, adj)
  const requiredParent = walk(directRequired, adj)

  const result: ServiceDependency[] = []
  for (const assetId of anyParent.keys()) {
    const isDirect = direct.has(assetId)
    const required = requiredParent.has(assetId)
    const via = isDirect ? [] : pathTo(assetId, required ? requiredParent : anyParent).slice(0, -1)
    result.push({ assetId, direct: isDirect, required, via })
  }
  return result.sort(
    (a, b) =>
      Number(b.direct) - Number(a.direct) || a.via.length - b.via.length || byId(a.assetId, b.assetId),
  )
}

/**
 * Every service that would be hit if the asset failed: those that need it directly and those that need an
 * asset which depends on it, however far up the chain.
 *
 * `direct` means the service records a need on this very asset. `required` follows the same rule as
 * {@link serviceDependencies}: true when any required need of the service leads down to the asset.
 *
 * Sorted with direct first, then required before optional, then by service id.
 */
export function servicesAffectedBy(
  assetId: string,
  needs: ServiceNeed[],
  edges: AssetEdge[],
): AffectedService[] {
  // Walking the reversed edges finds every asset that would go down with this one.
  const upstream = walk([assetId], buildAdjacency(edges, true))

  const byService = new Map<string, AffectedService>()
  for (const n of needs) {
    if (!upstream.has(n.assetId)) continue
    const entry = byService.get(n.serviceId) ?? { serviceId: n.serviceId, direct: false, required: false }
    entry.direct ||= n.assetId === assetId
    entry.required ||= n.required
    byService.set(n.serviceId, entry)
  }
  return [...byService.values()].sort(
    (a, b) =>
      Number(b.direct) - Number(a.direct) ||
      Number(b.required) - Number(a.required) ||
      byId(a.serviceId, b.serviceId),
  )
}

/**
 * Single points of failure.
 *
 * Rule: an asset with no standby is a single point of failure when a service of the top two criticality
 * levels (criticality 1 or 2) needs it through required links, directly or through other assets. Optional
 * needs do not count: the service is meant to carry on without them.
 *
 * An asset id that appears in needs or edges but not in `assets` is treated as having no standby, because a
 * continuity report should over-warn rather than stay silent about something it cannot see.
 *
 * `serviceIds` lists the endangered critical services, most critical first then by name. The result is
 * sorted by number of endangered services, most first, then by asset name.
 *
 * Cost is one linear walk per critical service, so a few hundred assets and thousands of links stay cheap;
 * no paths are enumerated.
 */
export function singlePointsOfFailure(
  services: ServiceNode[],
  assets: AssetNode[],
  needs: ServiceNeed[],
  edges: AssetEdge[],
): SinglePointOfFailure[] {
  const assetById = new Map(assets.map((a) => [a.id, a]))
  const critical = new Map(
    services.filter((s) => s.criticality <= SPOF_MAX_CRITICALITY).map((s) => [s.id, s] as const),
  )

  const requiredNeeds = new Map<string, string[]>()
  for (const n of needs) {
    if (!n.required || !critical.has(n.serviceId)) continue
    const list = requiredNeeds.get(n.serviceId) ?? []
    list.push(n.assetId)
    requiredNeeds.set(n.serviceId, list)
  }

  const adj = buildAdjacency(edges)
  const endangered = new Map<string, ServiceNode[]>()
  for (const [serviceId, starts] of requiredNeeds) {
    const service = critical.get(serviceId)!
    for (const assetId of walk(starts, adj).keys()) {
      if (assetById.get(assetId)?.hasStandby) continue
      const list = endangered.get(assetId) ?? []
      list.push(service)
      endangered.set(assetId, list)
    }
  }

  const nameOf = (id: string) => assetById.get(id)?.name ?? id
  return [...endangered.entries()]
    .map(([assetId, list]) => ({
      assetId,
      serviceIds: list
        .sort(
          (a, b) => a.criticality - b.criticality || nameCollator.compare(a.name, b.name) || byId(a.id, b.id),
        )
        .map((s) => s.id),
    }))
    .sort(
      (a, b) =>
        b.serviceIds.length - a.serviceIds.length ||
        nameCollator.compare(nameOf(a.assetId), nameOf(b.assetId)) ||
        byId(a.assetId, b.assetId),
    )
}

// Sorted insertion keeps the ready list in id order; graphs here are a few hundred assets, so this is ample.
function insertSorted(list: string[], id: string): void {
  let lo = 0
  let hi = list.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (byId(list[mid]!, id) < 0) lo = mid + 1
    else hi = mid
  }
  list.splice(lo, 0, id)
}

/**
 * Orders `nodes` so each comes after everything it depends on, taking the lowest id whenever there is a
 * choice. Returns the order and, if some nodes could not be placed, one loop among them.
 */
function order(nodes: Set<string>, adj: Adjacency): { ordered: string[]; cycle: string[] | null } {
  const dependants = new Map<string, string[]>()
  const waitingOn = new Map<string, number>()
  for (const id of nodes) {
    const deps = adj.get(id) ?? []
    waitingOn.set(id, deps.length)
    for (const d of deps) {
      const list = dependants.get(d) ?? []
      list.push(id)
      dependants.set(d, list)
    }
  }

  const ready: string[] = []
  for (const [id, count] of waitingOn) if (count === 0) insertSorted(ready, id)
  const ordered: string[] = []
  while (ready.length > 0) {
    const id = ready.shift()!
    ordered.push(id)
    for (const dependant of dependants.get(id) ?? []) {
      const left = waitingOn.get(dependant)! - 1
      waitingOn.set(dependant, left)
      if (left === 0) insertSorted(ready, dependant)
    }
  }
  if (ordered.length === nodes.size) return { ordered, cycle: null }

  // Every node left still waits on another node left, so following those waits must come back round.
  const placed = new Set(ordered)
  const left = [...nodes].filter((id) => !placed.has(id)).sort(byId)
  const seenAt = new Map<string, number>()
  const trail: string[] = []
  let current = left[0]!
  while (!seenAt.has(current)) {
    seenAt.set(current, trail.length)
    trail.push(current)
    current = (adj.get(current) ?? []).find((d) => !placed.has(d))!
  }
  return { ordered, cycle: [...trail.slice(seenAt.get(current)!), current] }
}

/** True when some assets depend on each other in a loop, which the catalogue must never hold. */
export function hasCycle(edges: AssetEdge[]): boolean {
  const nodes = new Set<string>()
  for (const e of edges) {
    nodes.add(e.assetId)
    nodes.add(e.dependsOnId)
  }
  return order(nodes, buildAdjacency(edges)).cycle !== null
}

/**
 * An order of the given assets in which every asset comes after the assets it depends on — the order to
 * bring things back after an outage. Ties are broken by id so the order is stable.
 *
 * Dependencies through assets not in `assetIds` still count (if A needs X and X needs B, B comes before A),
 * but only the given assets are returned. Throws {@link DependencyCycleError} naming a loop if the assets
 * involved depend on each other in a loop; loops elsewhere in `edges` are ignored.
 */
export function topologicalOrder(assetIds: string[], edges: AssetEdge[]): string[] {
  const adj = buildAdjacency(edges)
  const involved = new Set(walk(assetIds, adj).keys())
  const { ordered, cycle } = order(involved, adj)
  if (cycle) throw new DependencyCycleError(cycle)
  const wanted = new Set(assetIds)
  return ordered.filter((id) => wanted.has(id))
}
