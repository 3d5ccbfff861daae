/*
 * THE REFERENCE COPY of lib/plan/order.ts, as it was before the engine was made faster (commit a270863).
 * Kept unchanged on purpose: the property tests in lib/plan/*.test.ts check that the engine gives exactly
 * what this straightforward version gives, so a speed-up can never change a figure. Do not optimise it;
 * when a rule changes on purpose, change it here too, in the plainest way.
 */
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
import { isLoop, stronglyConnected } from './loops'

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
  const edges = input.edges.filter((e) => liveAssets.has(e.assetId) && liveAssets.has(e.dependsOnId))

  const g = neededAssets(liveAssets, needs, edges)
  const { units, unitOf } = restoreUnits(g, needs, services, rankOf)
  const sequence = restoreSequence(units, unitOf, g, services)
  const position = new Int32Array(g.ids.length)
  sequence.forEach((i, p) => {
    position[i] = p
  })
  // Sorting positions as numbers, then reading back the asset at each, is several times faster than sorting
  // assets with a comparison, and there is one such sort per service.
  const inRestoreOrder = (indices: number[]) => {
    const positions = new Int32Array(indices.length)
    for (let k = 0; k < indices.length; k++) positions[k] = position[indices[k]!]!
    positions.sort()
    const sorted = new Array<number>(indices.length)
    for (let k = 0; k < indices.length; k++) sorted[k] = sequence[positions[k]!]!
    return sorted
  }

  const { plansOf, stepIdsOf } = procedures(input, rankOf, g.indexOf)
  const views = serviceViews(services, needs, g)
  const orderedServices: OrderedService[] = services.map((service, rank) => ({
    serviceId: service.id,
    position: rank + 1,
    rtoMinutes: service.rtoMinutes,
    criticality: service.criticality,
    assets: inRestoreOrder(views.reached[rank]!).map((i) => ({
      assetId: g.ids[i]!,
      direct: views.direct[rank]!.has(i),
      required: views.required[rank]!.has(i),
    })),
    plans: plansOf(service.id).map((planId) => ({ planId, stepIds: stepIdsOf(`plan:${planId}`) })),
  }))

  const loopUnits = units.filter((u) => isLoop(u.members, g.succ))
  const inLoop = new Set(loopUnits.flatMap((u) => u.members))
  const orderedAssets: OrderedAsset[] = sequence.map((i, p) => {
    const unit = units[unitOf[i]!]!
    const assetId = g.ids[i]!
    return {
      assetId,
      position: p + 1,
      deadlineMinutes: services[unit.rank]!.rtoMinutes,
      deadlineServiceId: services[unit.rank]!.id,
      criticality: unit.criticality,
      neededBy: views.neededBy[i]!.map((rank) => services[rank]!.id),
      dependsOn: inRestoreOrder(g.succ[i]!).map((d) => g.ids[d]!),
      stepIds: stepIdsOf(`asset:${assetId}`),
      inLoop: inLoop.has(i),
    }
  })

  // One loop per group, named from the group's first asset (by name) through its first dependency inside
  // the group, with the catalogue's own loop finder so the words match what the catalogue says.
  const loops: Loop[] = loopUnits.map((unit) => {
    const first = unit.members[0]!
    // Prefer a dependency on another asset of the group, so a group is not named by a self-loop alone.
    const inside = g.succ[first]!.filter((d) => unitOf[d] === unitOf[first]).sort(
      (a, b) => Number(a === first) - Number(b === first) || g.nameRank[a]! - g.nameRank[b]!,
    )
    return { kind: 'ASSETS' as const, ids: findCycle(edges, g.ids[first]!, g.ids[inside[0]!]!)! }
  })
  loops.sort((a, b) => position[g.indexOf.get(a.ids[0]!)!]! - position[g.indexOf.get(b.ids[0]!)!]!)

  const stepById = new Map(input.steps.map((s) => [s.id, s]))
  const planStepIds = [
    ...orderedAssets.flatMap((a) => a.stepIds),
    ...orderedServices.flatMap((s) => s.plans.flatMap((p) => p.stepIds)),
  ]
  return {
    assets: orderedAssets,
    services: orderedServices,
    loops,
    servicesWithoutPlan: orderedServices.filter((s) => s.plans.length === 0).map((s) => s.serviceId),
    uncoveredSteps: uncovered(
      planStepIds.map((id) => stepById.get(id)!),
      heldRoles(input.members),
    ),
  }
}

/** The needed assets by number, see {@link neededAssets}. */
type NeededAssets = { ids: string[]; indexOf: Map<string, number>; succ: number[][]; nameRank: Int32Array }

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
  for (const e of edges) dependsOn[numberOf.get(e.assetId)!]!.push(numberOf.get(e.dependsOnId)!)

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
  const succ = ids.map((id) =>
    [...new Set(dependsOn[numberOf.get(id)!]!.map((d) => dense[d]!))].sort((a, b) => a - b),
  )
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
  return { ids, indexOf: new Map(ids.map((id, i) => [id, i])), succ, nameRank }
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
  const units: Unit[] = stronglyConnected(g.succ).map((members, u) => {
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
      for (const d of g.succ[i]!) {
        const target = units[unitOf[d]!]!
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
  const deadlineOf = (unit: Unit) => services[unit.rank]!.rtoMinutes
  const ready = new MinHeap((a, b) => {
    const ua = units[a]!
    const ub = units[b]!
    return (
      deadlineOf(ua) - deadlineOf(ub) ||
      ua.criticality - ub.criticality ||
      g.nameRank[ua.members[0]!]! - g.nameRank[ub.members[0]!]!
    )
  })
  const dependants: Set<number>[] = units.map(() => new Set())
  const waitingOn = new Int32Array(units.length)
  for (let i = 0; i < g.ids.length; i++) {
    for (const d of g.succ[i]!) {
      const from = unitOf[d]!
      const to = unitOf[i]!
      if (from === to || dependants[from]!.has(to)) continue
      dependants[from]!.add(to)
      waitingOn[to]!++
    }
  }
  for (let u = 0; u < units.length; u++) if (waitingOn[u] === 0) ready.push(u)
  const sequence: number[] = []
  while (ready.size > 0) {
    const u = ready.pop()
    sequence.push(...units[u]!.members)
    for (const next of dependants[u]!) if (--waitingOn[next]! === 0) ready.push(next)
  }
  return sequence
}

/**
 * Each live service's contingency plans (by name, then id), and the steps of each procedure by position:
 * `stepIdsOf('plan:<id>')` or `stepIdsOf('asset:<id>')`. Steps of archived services' plans and of assets
 * nobody needs are not part of the plan.
 */
function procedures(input: RecoveryInput, rankOf: Map<string, number>, neededIndex: Map<string, number>) {
  const plansByService = new Map<string, string[]>()
  const livePlans = input.plans
    .filter((p) => rankOf.has(p.serviceId))
    .sort((a, b) => nameCollator.compare(a.name, b.name) || byId(a.id, b.id))
  for (const p of livePlans) {
    const list = plansByService.get(p.serviceId) ?? []
    list.push(p.id)
    plansByService.set(p.serviceId, list)
  }
  const livePlanIds = new Set(livePlans.map((p) => p.id))
  const stepsOf = new Map<string, PlanStep[]>()
  for (const s of input.steps) {
    const key = s.planId ? `plan:${s.planId}` : s.assetId ? `asset:${s.assetId}` : null
    if (!key || (s.planId ? !livePlanIds.has(s.planId) : !neededIndex.has(s.assetId!))) continue
    const list = stepsOf.get(key) ?? []
    list.push(s)
    stepsOf.set(key, list)
  }
  return {
    plansOf: (serviceId: string) => plansByService.get(serviceId) ?? [],
    stepIdsOf: (key: string) => (stepsOf.get(key) ?? []).sort(compareSteps).map((s) => s.id),
  }
}

/**
 * Per service (by rank): the assets it needs directly, everything it reaches, and what it reaches through
 * required needs (graph.ts's rule: an asset is required when a chain from a required need leads to it; the
 * same need recorded twice is required if either record is). Per asset: the ranks of the services that
 * reach it, in recovery order.
 */
function serviceViews(services: PlanService[], needs: ServiceNeed[], g: NeededAssets) {
  const directAll = services.map(() => new Set<number>())
  const directRequired = services.map(() => new Set<number>())
  const rankOf = new Map(services.map((s, i) => [s.id, i]))
  for (const n of needs) {
    const rank = rankOf.get(n.serviceId)!
    const i = g.indexOf.get(n.assetId)!
    directAll[rank]!.add(i)
    if (n.required) directRequired[rank]!.add(i)
  }
  const marks = new Int32Array(g.ids.length).fill(-1)
  const reach = (starts: Iterable<number>, stamp: number) => {
    const found: number[] = []
    for (const i of starts) {
      if (marks[i] === stamp) continue
      marks[i] = stamp
      found.push(i)
    }
    for (let k = 0; k < found.length; k++) {
      for (const d of g.succ[found[k]!]!) {
        if (marks[d] === stamp) continue
        marks[d] = stamp
        found.push(d)
      }
    }
    return found
  }
  const neededBy: number[][] = g.ids.map(() => [])
  const reached = services.map((_, rank) => {
    const found = reach(directAll[rank]!, 2 * rank)
    for (const i of found) neededBy[i]!.push(rank)
    return found
  })
  const required = services.map((_, rank) => new Set(reach(directRequired[rank]!, 2 * rank + 1)))
  return { direct: directAll, reached, required, neededBy }
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
