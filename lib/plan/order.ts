/**
 * The recovery order: which assets to bring back first, and in which order the services return.
 *
 * Pure: the caller loads the rows (services, assets, needs, asset dependencies, contingency plans, procedure
 * steps, team members) and passes them in, so the rules are tested without a database and the same result
 * feeds the plan page, a published version and the PDF. The input types are plain, shaped like the Prisma
 * rows, so the loader is a `select` and a rename at most.
 *
 * The rules are domain.md's "Recovery order" (../shared/brief/domain.md), step by step:
 *  1. Only what a live service needs is in the plan: the assets a service that is not archived needs,
 *     directly or through other assets, required or optional (an optional asset is still restored, just
 *     never on a service's critical path; see estimate.ts). Archived services and assets, and links to them,
 *     are left out, as `loadGraph` in lib/dependencies/queries.ts does.
 *  2. A service's deadline is its RTO. An asset's deadline is the smallest RTO of every service that needs
 *     it, directly or through other assets. Its criticality, for ties, is that of the most critical service
 *     that needs it (1 = vital).
 *  3. Assets are restored in a topological order of "depends on" (never before what they depend on); when
 *     several assets could go next, the one with the earliest deadline goes, then the most critical, then
 *     by name, then by id, so the order is total.
 *  4. Services follow in order of RTO, then criticality (most critical first), then name, then id.
 *  5. The order is deterministic: it depends only on the data, never on the order rows arrive in, and adding
 *     a service that shares no assets with the others does not move any of theirs.
 *
 * Problems are reported, never thrown (issue 11): assets that depend on each other in a loop are restored
 * together, by name, and the loop is named; services with no contingency plan; steps nobody can carry out.
 */
import {
  type AssetEdge,
  byId,
  findCycle,
  nameCollator,
  type ServiceNeed,
  type ServiceNode,
} from '@/lib/catalogue/graph'
import { isLoop, type Rows, stronglyConnected, toRows } from './loops'

// ---------------------------------------------------------------------------------------------------------
// Input: what the loader passes in.

/** A service (its business impact analysis supplies the RTO and criticality). */
export type PlanService = ServiceNode & { archived?: boolean }
/** A configuration item. */
export type PlanAsset = { id: string; name: string; archived?: boolean }
/** A contingency plan for one service; a service may have several (one per threat). */
export type PlanContingency = { id: string; serviceId: string; name: string }
/**
 * One procedure step. It belongs to a contingency plan (`planId`) or, when it names no plan, to an asset's
 * restore procedure (`assetId`); `position` orders the steps of one procedure; `afterStepId` optionally names another step that
 * must be finished first (in any procedure). `roleId` is the recovery role that carries it out.
 */
export type PlanStep = {
  id: string
  planId: string | null
  assetId: string | null
  position: number
  /** Whole minutes, zero or more (the step form enforces it). */
  minutes: number
  roleId: string | null
  afterStepId?: string | null
}
/** A recovery team member and the recovery roles they hold. A member who has left holds nothing. */
export type PlanMember = { id: string; name: string; roleIds: string[]; left: boolean }

export type RecoveryInput = {
  services: PlanService[]
  assets: PlanAsset[]
  needs: ServiceNeed[]
  edges: AssetEdge[]
  plans: PlanContingency[]
  steps: PlanStep[]
  members: PlanMember[]
}

// ---------------------------------------------------------------------------------------------------------
// Output.

export type OrderedAsset = {
  assetId: string
  /** 1 = restore first. */
  position: number
  /** The smallest RTO of the services that need it (rule 2). */
  deadlineMinutes: number
  /** The service that sets the deadline: the first, in recovery order, of those that need the asset. */
  deadlineServiceId: string
  /** That of the most critical service that needs it. */
  criticality: number
  /** Every live service that needs it, directly or through other assets, in recovery order. */
  neededBy: string[]
  /** The assets it depends on directly, in restore order. */
  dependsOn: string[]
  /** Its restore procedure, in order. */
  stepIds: string[]
  /** True when it depends on itself through a loop (see `loops`): its place among that loop is by name. */
  inLoop: boolean
}

export type OrderedServiceAsset = { assetId: string; direct: boolean; required: boolean }

export type OrderedService = {
  serviceId: string
  /** 1 = recover first. */
  position: number
  rtoMinutes: number
  criticality: number
  /** Everything it needs, directly or through other assets, in restore order; `required` as in lib/catalogue/graph.ts. */
  assets: OrderedServiceAsset[]
  /** Its contingency plans by name, each with its steps in order. */
  plans: { planId: string; stepIds: string[] }[]
}

/** Things that wait on each other in a loop, as ids in "depends on" direction, first id repeated at the end. */
export type Loop = { kind: 'ASSETS' | 'STEPS'; ids: string[] }

/** A step nobody can carry out: it names no role, or no current team member holds its role. */
export type UncoveredStep = { stepId: string; roleId: string | null; reason: 'NO_ROLE' | 'NO_HOLDER' }

export type RecoveryOrder = {
  assets: OrderedAsset[]
  services: OrderedService[]
  /** Loops between assets. Loops between steps are found with the estimates (estimate.ts). */
  loops: Loop[]
  /** Live services with no contingency plan, in recovery order. */
  servicesWithoutPlan: string[]
  /** Steps in the plan (of needed assets and of live services' plans) that nobody can carry out, in plan order. */
  uncoveredSteps: UncoveredStep[]
}

// ---------------------------------------------------------------------------------------------------------

/** Rule 4: RTO, then criticality (1 first), then name, then id. */
export function compareServices(a: ServiceNode, b: ServiceNode): number {
  return (
    a.rtoMinutes - b.rtoMinutes ||
    a.criticality - b.criticality ||
    nameCollator.compare(a.name, b.name) ||
    byId(a.id, b.id)
  )
}

/** Steps of one procedure run by position; equal positions fall back to id so the order is still total. */
export function compareSteps(a: PlanStep, b: PlanStep): number {
  return a.position - b.position || byId(a.id, b.id)
}

/** The ids of roles held by at least one member who has not left. */
export function heldRoles(members: PlanMember[]): Set<string> {
  const held = new Set<string>()
  for (const m of members) if (!m.left) for (const r of m.roleIds) held.add(r)
  return held
}

/** See the module comment for the rules; every list in the result is in a defined order. */
export function recoveryOrder(input: RecoveryInput): RecoveryOrder {
  // Rule 1 and 4: live services, in recovery order; a service's `rank` is its index in that order.
  const services = input.services.filter((s) => !s.archived).sort(compareServices)
  const rankOf = new Map(services.map((s, i) => [s.id, i]))
  const liveAssets = new Map(input.assets.filter((a) => !a.archived).map((a) => [a.id, a]))
  const needs = input.needs.filter((n) => rankOf.has(n.serviceId) && liveAssets.has(n.assetId))
  // The links between live assets as they came: only naming a loop needs them (neededAssets leaves out links
  // to archived assets itself), so they are filtered only then.
  const edges = () => input.edges.filter((e) => liveAssets.has(e.assetId) && liveAssets.has(e.dependsOnId))

  const g = neededAssets(liveAssets, needs, input.edges)
  const { units, unitOf } = restoreUnits(g, needs, services, rankOf)
  const sequence = restoreSequence(units, unitOf, g, services)
  const position = new Int32Array(g.ids.length)
  sequence.forEach((i, p) => {
    position[i] = p
  })
  // Sorting positions as numbers, then reading back the asset at each, is several times faster than sorting
  // assets with a comparison, and there is one such sort per service.
  const inRestoreOrder = (indices: ArrayLike<number>, count = indices.length) => {
    // A handful (an asset's own dependencies) sorts faster as it is than through a typed array.
    if (count < 16) {
      const few = new Array<number>(count)
      for (let k = 0; k < count; k++) few[k] = indices[k]!
      return few.sort((a, b) => position[a]! - position[b]!)
    }
    const positions = new Int32Array(count)
    for (let k = 0; k < count; k++) positions[k] = position[indices[k]!]!
    positions.sort()
    const sorted = new Array<number>(count)
    for (let k = 0; k < count; k++) sorted[k] = sequence[positions[k]!]!
    return sorted
  }

  const { plansOf, planSteps, assetSteps } = procedures(input, rankOf, g.indexOf)
  const views = serviceViews(services, rankOf, needs, g, inRestoreOrder)
  const orderedServices: OrderedService[] = services.map((service, rank) => ({
    serviceId: service.id,
    position: rank + 1,
    rtoMinutes: service.rtoMinutes,
    criticality: service.criticality,
    assets: views.assets[rank]!,
    plans: plansOf(service.id).map((planId) => ({ planId, stepIds: idsOf(planSteps(planId)) })),
  }))

  const loopUnits = units.filter((u) => isLoop(u.members, g.succ))
  const inLoop = new Uint8Array(g.ids.length)
  for (const unit of loopUnits) for (const i of unit.members) inLoop[i] = 1
  const orderedAssets: OrderedAsset[] = sequence.map((i, p) => {
    const unit = units[unitOf[i]!]!
    return {
      assetId: g.ids[i]!,
      position: p + 1,
      deadlineMinutes: services[unit.rank]!.rtoMinutes,
      deadlineServiceId: services[unit.rank]!.id,
      criticality: unit.criticality,
      neededBy: views.neededBy[i]!,
      dependsOn: inRestoreOrder(g.succ[i]!).map((d) => g.ids[d]!),
      stepIds: idsOf(assetSteps(i)),
      inLoop: inLoop[i] === 1,
    }
  })

  // One loop per group, named from the group's first asset (by name) through its first dependency inside
  // the group, with the catalogue's own loop finder so the words match what the catalogue says.
  const liveEdges = loopUnits.length ? edges() : []
  const loops: Loop[] = loopUnits.map((unit) => {
    const first = unit.members[0]!
    // Prefer a dependency on another asset of the group, so a group is not named by a self-loop alone.
    const inside = g.succ[first]!.filter((d) => unitOf[d] === unitOf[first]).sort(
      (a, b) => Number(a === first) - Number(b === first) || g.nameRank[a]! - g.nameRank[b]!,
    )
    return { kind: 'ASSETS' as const, ids: findCycle(liveEdges, g.ids[first]!, g.ids[inside[0]!]!)! }
  })
  loops.sort((a, b) => position[g.indexOf.get(a.ids[0]!)!]! - position[g.indexOf.get(b.ids[0]!)!]!)

  // The steps in plan order: the assets' in restore order, then each service's plans'.
  const planStepsInOrder = [
    ...sequence.flatMap((i) => assetSteps(i)),
    ...services.flatMap((s) => plansOf(s.id).flatMap((planId) => planSteps(planId))),
  ]
  return {
    assets: orderedAssets,
    services: orderedServices,
    loops,
    servicesWithoutPlan: orderedServices.filter((s) => s.plans.length === 0).map((s) => s.serviceId),
    uncoveredSteps: uncovered(planStepsInOrder, heldRoles(input.members)),
  }
}

const idsOf = (steps: PlanStep[]) => steps.map((s) => s.id)

/** The needed assets by number, see {@link neededAssets}. */
type NeededAssets = {
  ids: string[]
  indexOf: Map<string, number>
  succ: number[][]
  /** `succ` again as flat rows, for the walks: one per service, and they read nothing else. */
  rows: Rows
  nameRank: Int32Array
}

/**
 * The assets some live service needs, numbered 0..n-1 in id order so nothing depends on the order rows came
 * in, with what each depends on (sorted and de-duplicated, as in graph.ts, so every walk visits them in the
 * same order) and each one's place in name order.
 *
 * The walks here and in {@link serviceViews} run over numbers in arrays rather than graph.ts's maps of ids:
 * there is one walk per service, and on a trust's 3,000 assets that difference is most of the time taken.
 * The rules are graph.ts's (the tests check them against its assetClosure and serviceDependencies).
 */
function neededAssets(
  liveAssets: Map<string, PlanAsset>,
  needs: ServiceNeed[],
  edges: AssetEdge[],
): NeededAssets {
  const allIds = [...liveAssets.keys()].sort(byId)
  const numberOf = new Map(allIds.map((id, i) => [id, i]))
  const dependsOn: number[][] = allIds.map(() => [])
  for (const e of edges) {
    // Links to or from archived assets are left out (rule 1): only live assets are numbered.
    const from = numberOf.get(e.assetId)
    const to = numberOf.get(e.dependsOnId)
    if (from !== undefined && to !== undefined) dependsOn[from]!.push(to)
  }

  const isNeeded = new Uint8Array(allIds.length)
  const queue = needs.map((n) => numberOf.get(n.assetId)!)
  for (let k = 0; k < queue.length; k++) {
    const i = queue[k]!
    if (isNeeded[i]) continue
    isNeeded[i] = 1
    queue.push(...dependsOn[i]!)
  }

  const ids: string[] = []
  const dense = new Int32Array(allIds.length)
  for (let i = 0; i < allIds.length; i++) {
    if (!isNeeded[i]) continue
    dense[i] = ids.length
    ids.push(allIds[i]!)
  }
  // Each one's dependencies de-duplicated with marks (the same link may be recorded twice), then sorted.
  const seen = new Int32Array(ids.length).fill(-1)
  const succ = ids.map((id, i) => {
    const list: number[] = []
    for (const d of dependsOn[numberOf.get(id)!]!) {
      if (seen[dense[d]!] === i) continue
      seen[dense[d]!] = i
      list.push(dense[d]!)
    }
    return list.sort((a, b) => a - b)
  })
  // Names are compared once, up front: the restore order compares them thousands of times, and a
  // locale-aware comparison is slow enough to dominate if repeated.
  const names = ids.map((id) => liveAssets.get(id)!.name)
  const nameRank = new Int32Array(ids.length)
  ids
    .map((_, i) => i)
    .sort((a, b) => nameCollator.compare(names[a]!, names[b]!) || a - b)
    .forEach((i, r) => {
      nameRank[i] = r
    })
  return { ids, indexOf: new Map(ids.map((id, i) => [id, i])), succ, rows: toRows(succ), nameRank }
}

/**
 * A restore unit: one asset, or the assets of one loop (restored together, by name). `rank` is the first
 * service in recovery order that needs it, which sets its deadline (that service's RTO); `criticality` that
 * of the most critical service that needs it.
 */
type Unit = { members: number[]; rank: number; criticality: number }

/** Rule 2: each unit's deadline and criticality, from the services that need it directly or through others. */
function restoreUnits(
  g: NeededAssets,
  needs: ServiceNeed[],
  services: PlanService[],
  rankOf: Map<string, number>,
): { units: Unit[]; unitOf: Int32Array } {
  // First the direct needs ...
  const assetRank = new Array<number>(g.ids.length).fill(Number.POSITIVE_INFINITY)
  const assetCrit = new Array<number>(g.ids.length).fill(Number.POSITIVE_INFINITY)
  for (const n of needs) {
    const i = g.indexOf.get(n.assetId)!
    const rank = rankOf.get(n.serviceId)!
    assetRank[i] = Math.min(assetRank[i]!, rank)
    assetCrit[i] = Math.min(assetCrit[i]!, services[rank]!.criticality)
  }

  // ... then down the dependencies. Components come dependencies first, so walking them backwards visits
  // every dependant before what it depends on, and one pass carries each deadline all the way down.
  const unitOf = new Int32Array(g.ids.length)
  const units: Unit[] = stronglyConnected(g.rows).map((members, u) => {
    for (const i of members) unitOf[i] = u
    return {
      members: members.sort((a, b) => g.nameRank[a]! - g.nameRank[b]!),
      rank: members.reduce((r, i) => Math.min(r, assetRank[i]!), Number.POSITIVE_INFINITY),
      criticality: members.reduce((c, i) => Math.min(c, assetCrit[i]!), Number.POSITIVE_INFINITY),
    }
  })
  for (let u = units.length - 1; u >= 0; u--) {
    const unit = units[u]!
    for (const i of unit.members) {
      for (let e = g.rows.start[i]!; e < g.rows.start[i + 1]!; e++) {
        const target = units[unitOf[g.rows.list[e]!]!]!
        target.rank = Math.min(target.rank, unit.rank)
        target.criticality = Math.min(target.criticality, unit.criticality)
      }
    }
  }
  return { units, unitOf }
}

/**
 * Rule 3: Kahn's algorithm over the units, always taking, among those whose dependencies are all restored,
 * the one with the earliest deadline, then the most critical, then the first by name. Returns asset numbers.
 */
function restoreSequence(
  units: Unit[],
  unitOf: Int32Array,
  g: NeededAssets,
  services: PlanService[],
): number[] {
  // Each unit's sort keys in flat arrays, read by the heap on every comparison.
  const deadline = Float64Array.from(units, (unit) => services[unit.rank]!.rtoMinutes)
  const criticality = Float64Array.from(units, (unit) => unit.criticality)
  const nameRank = Int32Array.from(units, (unit) => g.nameRank[unit.members[0]!]!)
  const ready = new MinHeap(
    (a, b) => deadline[a]! - deadline[b]! || criticality[a]! - criticality[b]! || nameRank[a]! - nameRank[b]!,
  )
  // Which units wait for which, each pair once: a unit's links are gathered with marks (`seen[from] === to`)
  // rather than a set per unit. The order they are listed in does not matter: the heap's order is total.
  const dependants: number[][] = units.map(() => [])
  const waitingOn = new Int32Array(units.length)
  const seen = new Int32Array(units.length).fill(-1)
  for (let to = 0; to < units.length; to++) {
    for (const i of units[to]!.members) {
      for (let e = g.rows.start[i]!; e < g.rows.start[i + 1]!; e++) {
        const from = unitOf[g.rows.list[e]!]!
        if (from === to || seen[from] === to) continue
        seen[from] = to
        dependants[from]!.push(to)
        waitingOn[to]!++
      }
    }
  }
  for (let u = 0; u < units.length; u++) if (waitingOn[u] === 0) ready.push(u)
  const sequence: number[] = []
  while (ready.size > 0) {
    const u = ready.pop()
    for (const i of units[u]!.members) sequence.push(i)
    for (const next of dependants[u]!) if (--waitingOn[next]! === 0) ready.push(next)
  }
  return sequence
}

/**
 * Each live service's contingency plans (by name, then id), and the steps of each procedure by position:
 * `planSteps(planId)`, or `assetSteps(i)` for needed asset number `i`. Steps of archived services' plans and
 * of assets nobody needs are not part of the plan. Each list is sorted once and then kept.
 */
function procedures(input: RecoveryInput, rankOf: Map<string, number>, neededIndex: Map<string, number>) {
  const plansByService = new Map<string, string[]>()
  const livePlans = input.plans
    .filter((p) => rankOf.has(p.serviceId))
    .sort((a, b) => nameCollator.compare(a.name, b.name) || byId(a.id, b.id))
  const ofPlan = new Map<string, PlanStep[]>()
  for (const p of livePlans) {
    const list = plansByService.get(p.serviceId) ?? []
    list.push(p.id)
    plansByService.set(p.serviceId, list)
    ofPlan.set(p.id, [])
  }
  const ofAsset: PlanStep[][] = Array.from({ length: neededIndex.size }, () => [])
  for (const s of input.steps) {
    if (s.planId) ofPlan.get(s.planId)?.push(s)
    else if (s.assetId) {
      const i = neededIndex.get(s.assetId)
      if (i !== undefined) ofAsset[i]!.push(s)
    }
  }
  for (const list of ofPlan.values()) list.sort(compareSteps)
  for (const list of ofAsset) list.sort(compareSteps)
  return {
    plansOf: (serviceId: string) => plansByService.get(serviceId) ?? [],
    planSteps: (planId: string) => ofPlan.get(planId)!,
    assetSteps: (i: number) => ofAsset[i]!,
  }
}

/**
 * Per service (by rank): everything it needs, directly or through other assets, in restore order, each marked
 * direct or not and required or not (graph.ts's rule: an asset is required when a chain from a required need
 * leads to it; the same need recorded twice is required if either record is). Per asset: the ids of the
 * services that reach it, in recovery order.
 *
 * One service at a time, with marks in flat arrays (the service's rank says "reached by this one"), so
 * nothing per service outlives its own turn but its answer.
 */
function serviceViews(
  services: PlanService[],
  rankOf: Map<string, number>,
  needs: ServiceNeed[],
  g: NeededAssets,
  inRestoreOrder: (indices: ArrayLike<number>, count: number) => number[],
) {
  const n = g.ids.length
  // The needs of each service, as rows: asset number, and whether that record is required.
  const needStart = new Int32Array(services.length + 1)
  for (const need of needs) needStart[rankOf.get(need.serviceId)! + 1]!++
  for (let r = 0; r < services.length; r++) needStart[r + 1]! += needStart[r]!
  const fill = needStart.slice(0, services.length)
  const needAsset = new Int32Array(needs.length)
  const needRequired = new Uint8Array(needs.length)
  for (const need of needs) {
    const e = fill[rankOf.get(need.serviceId)!]!++
    needAsset[e] = g.indexOf.get(need.assetId)!
    needRequired[e] = need.required ? 1 : 0
  }

  const direct = new Int32Array(n).fill(-1)
  const reached = new Int32Array(n).fill(-1)
  const required = new Int32Array(n).fill(-1)
  const found = new Int32Array(n)
  /** Everything reached from what is in `found[0 .. count)`, marked in `marks` with `rank`. */
  const { start, list } = g.rows
  const reach = (marks: Int32Array, rank: number, count: number) => {
    for (let k = 0; k < count; k++) {
      const i = found[k]!
      for (let e = start[i]!; e < start[i + 1]!; e++) {
        const d = list[e]!
        if (marks[d] === rank) continue
        marks[d] = rank
        found[count++] = d
      }
    }
    return count
  }
  const neededBy: string[][] = g.ids.map(() => [])
  const assets = services.map((service, rank): OrderedServiceAsset[] => {
    // What it requires first, then everything it needs (the list is reused: only the marks are kept).
    let count = 0
    for (let e = needStart[rank]!; e < needStart[rank + 1]!; e++) {
      const i = needAsset[e]!
      direct[i] = rank
      if (!needRequired[e] || required[i] === rank) continue
      required[i] = rank
      found[count++] = i
    }
    reach(required, rank, count)
    count = 0
    for (let e = needStart[rank]!; e < needStart[rank + 1]!; e++) {
      const i = needAsset[e]!
      if (reached[i] === rank) continue
      reached[i] = rank
      found[count++] = i
    }
    count = reach(reached, rank, count)
    for (let k = 0; k < count; k++) neededBy[found[k]!]!.push(service.id)
    return inRestoreOrder(found, count).map((i) => ({
      assetId: g.ids[i]!,
      direct: direct[i] === rank,
      required: required[i] === rank,
    }))
  })
  return { assets, neededBy }
}

/** Rule: a step is uncovered when it names no role, or no member who has not left holds its role. */
function uncovered(steps: PlanStep[], held: Set<string>): UncoveredStep[] {
  const result: UncoveredStep[] = []
  for (const step of steps) {
    if (step.roleId === null) result.push({ stepId: step.id, roleId: null, reason: 'NO_ROLE' })
    else if (!held.has(step.roleId))
      result.push({ stepId: step.id, roleId: step.roleId, reason: 'NO_HOLDER' })
  }
  return result
}

/**
 * A binary heap of indices under a comparison: the restore order takes the smallest waiting unit, and the
 * team schedule the most urgent step, thousands of times.
 */
export class MinHeap {
  private readonly items: number[] = []
  constructor(private readonly compare: (a: number, b: number) => number) {}

  get size(): number {
    return this.items.length
  }

  push(item: number): void {
    const items = this.items
    items.push(item)
    let i = items.length - 1
    while (i > 0) {
      const parent = (i - 1) >> 1
      const child = items[i]!
      if (this.compare(child, items[parent]!) >= 0) break
      items[i] = items[parent]!
      items[parent] = child
      i = parent
    }
  }

  peek(): number | undefined {
    return this.items[0]
  }

  pop(): number {
    const items = this.items
    const top = items[0]!
    const last = items.pop()!
    if (items.length > 0) {
      items[0] = last
      let i = 0
      for (;;) {
        const l = 2 * i + 1
        const r = l + 1
        let smallest = i
        if (l < items.length && this.compare(items[l]!, items[smallest]!) < 0) smallest = l
        if (r < items.length && this.compare(items[r]!, items[smallest]!) < 0) smallest = r
        if (smallest === i) break
        const held = items[i]!
        items[i] = items[smallest]!
        items[smallest] = held
        i = smallest
      }
    }
    return top
  }
}
