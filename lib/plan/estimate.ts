/**
 * How long each service takes to come back, against its RTO.
 *
 * domain.md, "Estimated recovery time" (../shared/brief/domain.md), and issue 11 item 2. Three figures per
 * service, each for the service on its own (as if only it were down):
 *
 *  - **Critical path** (the estimate): steps of one procedure run one after another; an asset's restore
 *    starts when every asset it depends on is back; independent assets are restored at the same time; the
 *    service's own contingency steps start when every asset it *requires* is back (optional needs never hold
 *    a service up: it runs at its minimum level without them). A step that names another step to be done
 *    first (`afterStepId`) also waits for that one. With nobody short of hands, this is the earliest the
 *    service can be back: the longest chain of step minutes, not their sum.
 *  - **Sequential worst case**: every one of those steps done one after another by one person: their sum.
 *  - **With the team we have**: the same steps, but each is done by a team member who holds its role and has
 *    not left, and a person does one step at a time, so two steps of a role held by one person never overlap.
 *    See {@link TeamSchedule} for the rule.
 *
 * "On its own" matters for the team figure: when a fire takes everything at once, the same people recover
 * several services, and each service's team figure is then the best case for it, not a promise.
 *
 * A service whose critical path exceeds its RTO is **at risk**, and the chain of steps that makes it late is
 * given (the critical path itself, first step to last). The team figure has its own flag, since a plan can be
 * fast on paper and slow with the people the school actually has.
 *
 * A service with several contingency plans (one per threat) gets each plan's figures; only one plan is
 * invoked at a time, so the service's headline figures are the worst over its plans (whichever is invoked,
 * it takes no longer than that), and its chain is that of the plan with the longest critical path. A service
 * with no plan is estimated on restoring its assets alone (and is listed in `servicesWithoutPlan`).
 *
 * Steps in a loop (a step waiting, through other steps, on itself) are reported in `loops`, and the "do this
 * first" links inside that loop are ignored (every loop passes through one: everything else follows the
 * plan's own order), so every figure is still a number.
 */
import { byId, findCycle, nameCollator } from '@/lib/catalogue/graph'
import { loopComponents, type Rows } from './loops'
import {
  type Loop,
  type PlanMember,
  type PlanStep,
  type RecoveryInput,
  type RecoveryOrder,
  recoveryOrder,
} from './order'

/** One step of a critical chain, with its times from the moment recovery starts. */
export type ChainLink = {
  stepId: string
  /** The asset whose restore it is part of, or null for a contingency plan's step. */
  assetId: string | null
  planId: string | null
  minutes: number
  startsAt: number
  finishesAt: number
}

export type Estimate = {
  criticalPathMinutes: number
  sequentialMinutes: number
  /** With the team as it is; steps nobody can do are counted as if someone outside the team did them. */
  teamMinutes: number
  /** Steps on the way that nobody on the team can carry out (no role, or nobody holds it), in plan order. */
  uncoveredStepIds: string[]
  /** The critical path, first step to last. */
  chain: ChainLink[]
}

export type PlanEstimate = Estimate & { planId: string }

export type ServiceEstimate = Estimate & {
  serviceId: string
  rtoMinutes: number
  /** The critical path exceeds the RTO. */
  atRisk: boolean
  /** How far the critical path overshoots the RTO; 0 when it does not. */
  lateByMinutes: number
  /** With the team as it is, the service misses its RTO. */
  teamAtRisk: boolean
  /** True when the team figure involves no step nobody can do. */
  teamComplete: boolean
  /** One entry per contingency plan, in the plan's order; empty for a service with no plan. */
  plans: PlanEstimate[]
}

export type RecoveryEstimates = {
  /** In recovery order. */
  services: ServiceEstimate[]
  /** Steps that wait on each other in a loop. */
  loops: Loop[]
}

/**
 * The steps of the whole plan as one graph of "must wait for" links, with zero-minute milestones for "asset
 * back", "service may start its own steps" and "plan done". Node numbers follow the plan's own order (assets
 * in restore order, each with its steps; then services in recovery order, each plan with its steps), so that
 * every tie below is broken the same way whatever order the rows came in.
 *
 * What a node stands for is kept in parallel arrays rather than an object per node, and its links in flat
 * typed rows rather than an array per node: a trust has a hundred thousand steps, every service's walk reads
 * them, and a hundred thousand small objects that live through the whole estimate are what the garbage
 * collector spends its time copying.
 */
type TaskGraph = {
  /** Per node: its step, or null for a milestone. */
  step: (PlanStep | null)[]
  /** Per node: the asset whose restore it is part of, or null. */
  assetOf: (string | null)[]
  /** Per node: the contingency plan it is part of, or null. */
  planOf: (string | null)[]
  minutes: number[]
  /** What each node waits for, in the order they were linked (see {@link Rows}). */
  preds: Rows
  /** Node numbers in an order where each comes after everything it waits for. */
  topo: Int32Array
  /** Per service, in recovery order: the node each of its plans ends at, or its start gate when it has none. */
  targets: { serviceId: string; rtoMinutes: number; plans: { planId: string | null; node: number }[] }[]
  loops: Loop[]
}

function buildTaskGraph(input: RecoveryInput, order: RecoveryOrder): TaskGraph {
  const stepById = new Map(input.steps.map((s) => [s.id, s]))
  const step: (PlanStep | null)[] = []
  const assetOf: (string | null)[] = []
  const planOf: (string | null)[] = []
  const gateOf = new Map<number, string>()
  /** The node's name in a loop report: `step:<id>`, `asset:<id>`, `gate:<service id>` or `plan:<id>`. */
  const keyOf = (v: number): string =>
    step[v]
      ? `step:${step[v].id}`
      : (gateOf.get(v) ?? (planOf[v] ? `plan:${planOf[v]}` : `asset:${assetOf[v]}`))
  // The links each node is made with, as rows under construction; "do this first" links come later.
  const linkEnd: number[] = []
  const links: number[] = []
  const add = (s: PlanStep | null, assetId: string | null, planId: string | null, waitsFor: number[]) => {
    step.push(s)
    assetOf.push(assetId)
    planOf.push(planId)
    for (const u of waitsFor) links.push(u)
    linkEnd.push(links.length)
    return step.length - 1
  }
  // The node of each step another step names as "do this first", and only of those (one step in twenty in
  // the bench's trusts): a lookup in that small set stays in the processor's cache, while an entry for every
  // step in a map of a hundred thousand does not.
  const named = new Set<string>()
  for (const s of input.steps) if (s.afterStepId != null) named.add(s.afterStepId)
  const stepNode = new Map<string, number>()
  // Steps in sequence after `start`; returns what the procedure's end waits for.
  const procedure = (stepIds: string[], start: number[], assetId: string | null, planId: string | null) => {
    let previous = start
    for (const id of stepIds) {
      const v = add(stepById.get(id)!, assetId, planId, previous)
      if (named.has(id)) stepNode.set(id, v)
      previous = [v]
    }
    return previous
  }

  // An asset waits for the assets it depends on that come before it; a later one can only be in a loop with
  // it (reported by the order), and that link is the one the order already set aside.
  const assetDone = new Map<string, number>()
  for (const a of order.assets) {
    const deps: number[] = []
    for (const d of a.dependsOn) {
      const done = assetDone.get(d)
      if (done !== undefined) deps.push(done)
    }
    const end = procedure(a.stepIds, deps, a.assetId, null)
    assetDone.set(a.assetId, add(null, a.assetId, null, end))
  }

  const targets: TaskGraph['targets'] = order.services.map((s) => {
    const required = s.assets.filter((x) => x.direct && x.required).map((x) => assetDone.get(x.assetId)!)
    const gate = add(null, null, null, required)
    gateOf.set(gate, `gate:${s.serviceId}`)
    const plans = s.plans.map((p) => {
      const end = procedure(p.stepIds, [gate], null, p.planId)
      return { planId: p.planId as string | null, node: add(null, null, p.planId, end) }
    })
    return {
      serviceId: s.serviceId,
      rtoMinutes: s.rtoMinutes,
      plans: plans.length ? plans : [{ planId: null, node: gate }],
    }
  })

  // "Do this first" links, each after the node's own links. A link to a step outside the plan (an asset
  // nobody needs, an archived service's plan) has nothing to wait for and is ignored. A step names at most
  // one, so it is one number per node (-1: none).
  const n = step.length
  const explicitFrom = new Int32Array(n).fill(-1)
  for (let v = 0; v < n; v++) {
    const after = step[v]?.afterStepId
    const u = after == null ? undefined : stepNode.get(after)
    if (u !== undefined) explicitFrom[v] = u
  }
  const rows = (skip: Int32Array | null): Rows => {
    const start = new Int32Array(n + 1)
    const list = new Int32Array(links.length + n)
    let e = 0
    for (let v = 0; v < n; v++) {
      for (let i = v ? linkEnd[v - 1]! : 0; i < linkEnd[v]!; i++) {
        if (skip?.[v] !== links[i]) list[e++] = links[i]!
      }
      if (explicitFrom[v] !== -1 && skip?.[v] !== explicitFrom[v]) list[e++] = explicitFrom[v]!
      start[v + 1] = e
    }
    return { start, list: list.slice(0, e) }
  }
  let preds = rows(null)

  // Every loop must pass through a "do this first" link (the rest follows the plan's order), so dropping
  // those links inside each loop leaves a graph that can be ordered. (All of them: when the step before is
  // also the one named, that link goes too.)
  const loops: Loop[] = []
  const drop = new Int32Array(n).fill(-1)
  for (const component of loopComponents(preds)) {
    const members = new Set(component)
    const first = component.find((v) => step[v])!
    const inside: { assetId: string; dependsOnId: string }[] = []
    for (const v of component) {
      for (let e = preds.start[v]!; e < preds.start[v + 1]!; e++) {
        const u = preds.list[e]!
        if (members.has(u)) inside.push({ assetId: keyOf(v), dependsOnId: keyOf(u) })
      }
      if (members.has(explicitFrom[v]!)) drop[v] = explicitFrom[v]!
    }
    const to = inside.find((e) => e.assetId === keyOf(first))!.dependsOnId
    const ids = findCycle(inside, keyOf(first), to)!
      .filter((key) => key.startsWith('step:'))
      .map((key) => key.slice('step:'.length))
    loops.push({ kind: 'STEPS', ids })
  }
  if (loops.length > 0) preds = rows(drop)

  // Kahn's algorithm, over "lets start" rows turned round from the "waits for" ones.
  const succStart = new Int32Array(n + 1)
  for (let e = 0; e < preds.list.length; e++) succStart[preds.list[e]! + 1]!++
  for (let v = 0; v < n; v++) succStart[v + 1]! += succStart[v]!
  const succList = new Int32Array(preds.list.length)
  const fill = succStart.slice(0, n)
  const waiting = new Int32Array(n)
  for (let v = 0; v < n; v++) {
    waiting[v] = preds.start[v + 1]! - preds.start[v]!
    for (let e = preds.start[v]!; e < preds.start[v + 1]!; e++) succList[fill[preds.list[e]!]!++] = v
  }
  const topo = new Int32Array(n)
  let queued = 0
  for (let v = 0; v < n; v++) if (waiting[v] === 0) topo[queued++] = v
  for (let i = 0; i < queued; i++) {
    const u = topo[i]!
    for (let e = succStart[u]!; e < succStart[u + 1]!; e++) {
      if (--waiting[succList[e]!]! === 0) topo[queued++] = succList[e]!
    }
  }

  const minutes = step.map((s) => (s ? s.minutes : 0))
  return { step, assetOf, planOf, minutes, preds, topo, targets, loops }
}

/**
 * The estimates for every service, in recovery order (see the module comment for the rules). Pass the order
 * when it has already been worked out, to save doing it twice.
 */
export function estimateRecovery(
  input: RecoveryInput,
  order: RecoveryOrder = recoveryOrder(input),
): RecoveryEstimates {
  const g = buildTaskGraph(input, order)
  const n = g.step.length

  // Earliest finish with nobody short of hands, and which link decided each start, for the chain.
  const { start: predStart, list: predList } = g.preds
  const finish = new Float64Array(n)
  const decidedBy = new Int32Array(n).fill(-1)
  for (const v of g.topo) {
    let start = 0
    for (let e = predStart[v]!; e < predStart[v + 1]!; e++) {
      const u = predList[e]!
      if (finish[u]! > start || (decidedBy[v] === -1 && finish[u]! === start)) {
        start = finish[u]!
        decidedBy[v] = u
      }
    }
    finish[v] = start + g.minutes[v]!
  }

  const team = new TeamSchedule(g, input.members)
  const estimateAt = (target: number): Estimate => {
    const chain: ChainLink[] = []
    for (let v = target; v !== -1; v = decidedBy[v]!) {
      const step = g.step[v]
      if (!step) continue
      chain.push({
        stepId: step.id,
        assetId: g.assetOf[v] ?? null,
        planId: g.planOf[v] ?? null,
        minutes: g.minutes[v]!,
        startsAt: finish[v]! - g.minutes[v]!,
        finishesAt: finish[v]!,
      })
    }
    chain.reverse()

    const scheduled = team.run(target)
    return {
      criticalPathMinutes: finish[target]!,
      sequentialMinutes: scheduled.sequential,
      teamMinutes: scheduled.minutes,
      uncoveredStepIds: scheduled.uncovered.map((v) => g.step[v]!.id),
      chain,
    }
  }

  const services = g.targets.map((t): ServiceEstimate => {
    const figures = t.plans.map((p) => ({ planId: p.planId, ...estimateAt(p.node) }))
    // The plan that decides the chain: the longest critical path, the first plan on ties.
    const slowest = figures.reduce((a, b) => (b.criticalPathMinutes > a.criticalPathMinutes ? b : a))
    const teamMinutes = Math.max(...figures.map((f) => f.teamMinutes))
    const uncovered = [...new Set(figures.flatMap((f) => f.uncoveredStepIds))]
    return {
      serviceId: t.serviceId,
      rtoMinutes: t.rtoMinutes,
      criticalPathMinutes: slowest.criticalPathMinutes,
      sequentialMinutes: Math.max(...figures.map((f) => f.sequentialMinutes)),
      teamMinutes,
      uncoveredStepIds: uncovered,
      chain: slowest.chain,
      atRisk: slowest.criticalPathMinutes > t.rtoMinutes,
      lateByMinutes: Math.max(0, slowest.criticalPathMinutes - t.rtoMinutes),
      teamAtRisk: teamMinutes > t.rtoMinutes,
      teamComplete: uncovered.length === 0,
      plans: figures.filter((f): f is PlanEstimate => f.planId !== null),
    }
  })
  return { services, loops: g.loops }
}

/**
 * The recovery with the team the school has, as a schedule the team could follow (issue 11: "steps of the
 * same role cannot run at once when one person holds that role").
 *
 * Rule, in words: recovery starts with everyone free. Whenever a person is free, they take the most urgent
 * step they hold the role for whose earlier steps are all finished. "Most urgent" is the step with the
 * longest chain of minutes still ahead of it to the end of the service's recovery (the classic
 * critical-path-first rule); ties go to the step that comes first in the plan. When several people could take
 * a step, the first by name takes it. A person does one step at a time, whatever roles they hold, so a
 * technician who is also the deputy cannot do two things at once. Steps of a role nobody holds (or of no
 * role) are counted as done by someone outside the team as soon as they can start, and reported, so the
 * figure is "at least this long". Zero-minute steps and milestones take nobody's time.
 *
 * It is a good schedule, not necessarily the shortest possible one (finding that is NP-hard): never shorter
 * than the critical path and never longer than one person doing everything.
 */
class TeamSchedule {
  // The schedule numbers the task graph's nodes its own way ("places"): in the order a walk back from each
  // service's end, service after service, first reaches them. A service's recovery is then mostly one run of
  // neighbouring places (its school, reached by the first service of that school) instead of nodes spread
  // over the whole trust in restore order, and on a big trust that is the difference between reading from
  // the processor's cache and from main memory for every step of every service. The graph's own node numbers
  // still decide every tie (`nodeOf`), so the numbering changes no figure.
  /** Per node: its place. */
  private readonly placeOf: Int32Array
  /** Per place: its node. */
  private readonly nodeOf: Int32Array
  /** What each place waits for, by place, each row in the graph's own order. */
  private readonly preds: Rows
  /** Per place: the step's minutes (0 for a milestone). */
  private readonly minutes: Float64Array
  /** Per place: the number of the role its step needs, or -1 (a milestone, or a step nobody can do). */
  private readonly roleOf: Int32Array
  private readonly isStep: Uint8Array
  /** Per role number: the team members (numbered in name order) who hold it. */
  private readonly holders: number[][] = []
  /** Per team member: the role numbers they hold. */
  private readonly rolesOf: number[][]
  /** Per team member: doing a step right now. */
  private readonly busy: Uint8Array
  /** Per role number: how many of its holders are free, so a role with nobody free is passed over at once. */
  private readonly freeHolders: Int32Array

  // Working space for one run, made once and reused: a trust has hundreds of services, and fresh arrays for
  // each would leave the garbage collector more to do than the schedule itself. Everything below but
  // `mark` and `slot` is indexed by slot: a node's place in the closure being scheduled, so one run reads
  // a few small dense stretches of memory instead of places scattered over the whole trust's graph.
  /** Per place: the run that last reached it (runs are numbered), so no clearing is needed between runs. */
  private readonly mark: Int32Array
  private runs = 0
  /** Per place: its slot in the current run. */
  private readonly slot: Int32Array
  /** Per slot: its place. The closure in an order where each node comes after everything it waits for. */
  private readonly placeAt: Int32Array
  /** Per slot: its node in the task graph, which breaks ties (the first in the plan goes first). */
  private readonly nodeAt: Int32Array
  /** For the walk that finds the closure: the path taken so far, and how far each node's list has been read. */
  private readonly path: Int32Array
  private readonly readTo: Int32Array
  /** What each slot lets start, inside the closure only: `next[first[k] .. first[k + 1])`. */
  private readonly first: Int32Array
  private readonly next: Int32Array
  private readonly fill: Int32Array
  /** Per slot: how many of the things it waits for are not finished yet. */
  private readonly left: Int32Array
  /** Per slot: the minutes still ahead of it, up to the target (its urgency). */
  private readonly tail: Float64Array
  /** Per slot: when it finishes, once started. */
  private readonly done: Float64Array
  /** Per slot: who is doing it, while it runs. */
  private readonly person: Int32Array
  /** Slots whose last wait has just ended, to be started or queued. */
  private readonly release: Int32Array
  /** Per role: the steps waiting for a holder, most urgent first. */
  private readonly queues: SlotHeap[]
  /** What is running (or ending this moment), soonest to end first. */
  private readonly running: SlotHeap

  constructor(g: TaskGraph, members: PlanMember[]) {
    const team = members
      .filter((m) => !m.left)
      .sort((a, b) => nameCollator.compare(a.name, b.name) || byId(a.id, b.id))
    const roleNumber = new Map<string, number>()
    this.rolesOf = team.map((m, person) => {
      const roles: number[] = []
      for (const role of new Set(m.roleIds)) {
        let r = roleNumber.get(role)
        if (r === undefined) {
          r = this.holders.length
          roleNumber.set(role, r)
          this.holders.push([])
        }
        this.holders[r]!.push(person)
        roles.push(r)
      }
      return roles
    })
    const n = g.step.length
    this.mark = new Int32Array(n).fill(-1)
    this.slot = new Int32Array(n)
    this.placeAt = new Int32Array(n)
    this.nodeAt = new Int32Array(n)
    this.path = new Int32Array(n)
    this.readTo = new Int32Array(n)

    // Places: the walk that finds a closure (below), run over the graph's own links from every target in
    // turn, never visiting a node twice; nodes no service waits for go last.
    this.preds = g.preds
    const placeOf = new Int32Array(n).fill(-1)
    const nodeOf = new Int32Array(n)
    let placed = 0
    for (const t of g.targets) {
      for (const p of t.plans) {
        if (placeOf[p.node] !== -1) continue
        const size = this.closure(p.node, placeOf)
        for (let k = 0; k < size; k++) {
          placeOf[this.placeAt[k]!] = placed
          nodeOf[placed++] = this.placeAt[k]!
        }
      }
    }
    for (let v = 0; v < n; v++) {
      if (placeOf[v] === -1) {
        placeOf[v] = placed
        nodeOf[placed++] = v
      }
    }
    this.placeOf = placeOf
    this.nodeOf = nodeOf
    const start = new Int32Array(n + 1)
    const list = new Int32Array(g.preds.list.length)
    for (let q = 0; q < n; q++) {
      const v = nodeOf[q]!
      let e = start[q]!
      for (let f = g.preds.start[v]!; f < g.preds.start[v + 1]!; f++) list[e++] = placeOf[g.preds.list[f]!]!
      start[q + 1] = e
    }
    this.preds = { start, list }
    this.mark.fill(-1)

    this.minutes = new Float64Array(n)
    this.roleOf = new Int32Array(n).fill(-1)
    this.isStep = new Uint8Array(n)
    for (let q = 0; q < n; q++) {
      const step = g.step[nodeOf[q]!]
      if (!step) continue
      this.minutes[q] = step.minutes
      this.isStep[q] = 1
      if (step.roleId != null) this.roleOf[q] = roleNumber.get(step.roleId) ?? -1
    }
    this.busy = new Uint8Array(team.length)
    this.freeHolders = new Int32Array(this.holders.length)

    this.first = new Int32Array(n + 1)
    this.next = new Int32Array(g.preds.list.length)
    this.fill = new Int32Array(n)
    this.left = new Int32Array(n)
    this.tail = new Float64Array(n)
    this.done = new Float64Array(n)
    this.person = new Int32Array(n)
    this.release = new Int32Array(n)
    // Most urgent first: the longest tail, then the first in the plan.
    this.queues = this.holders.map(() => new SlotHeap(this.tail, -1, this.nodeAt))
    this.running = new SlotHeap(this.done, 1, this.nodeAt)
  }

  /**
   * Everything `target` waits for, directly or not (the steps this service's recovery involves), numbered
   * into slots so that each comes after everything it waits for: a depth-first walk back along the "waits
   * for" links, numbering each node once all it waits for is numbered. Fills `placeAt` and `slot` and
   * returns how many there are. Nodes already marked in `skip` (when given) are left out.
   */
  private closure(target: number, skip?: Int32Array): number {
    const { mark, slot, placeAt, path, readTo } = this
    const { start: predStart, list: predList } = this.preds
    const run = this.runs++
    let size = 0
    let depth = 1
    path[0] = target
    readTo[0] = predStart[target]!
    mark[target] = run
    while (depth > 0) {
      const v = path[depth - 1]!
      const e = readTo[depth - 1]!
      if (e < predStart[v + 1]!) {
        readTo[depth - 1] = e + 1
        const u = predList[e]!
        if (mark[u] === run || (skip && skip[u] !== -1)) continue
        mark[u] = run
        path[depth] = u
        readTo[depth] = predStart[u]!
        depth++
        continue
      }
      depth--
      slot[v] = size
      placeAt[size++] = v
    }
    return size
  }

  /**
   * Runs the schedule over everything `target` waits for. Returns when the target is reached, the steps on
   * the way that nobody on the team can do, and the sequential case (every step on the way, one after another).
   */
  run(target: number): { minutes: number; sequential: number; uncovered: number[] } {
    const { slot, placeAt, nodeAt, nodeOf, first, next, fill, left, tail, done, person, release } = this
    const { start: predStart, list: predList } = this.preds
    const { minutes, roleOf, isStep, holders, rolesOf, busy, freeHolders, queues, running } = this
    const m = this.closure(this.placeOf[target]!)
    // The sequential case: every step on the way, one after another (whole minutes, so the order they are
    // added in does not matter).
    let sequential = 0
    for (let k = 0; k < m; k++) {
      nodeAt[k] = nodeOf[placeAt[k]!]!
      sequential += minutes[placeAt[k]!]!
    }

    // What each slot lets start, inside the closure only (a closure holds everything its nodes wait for,
    // so its "waits for" links are all inside; its "lets start" links often are not: an asset much
    // depended on lets hundreds of steps start, few of them in one service's recovery).
    first.fill(0, 0, m + 1)
    for (let k = 0; k < m; k++) {
      const v = placeAt[k]!
      left[k] = predStart[v + 1]! - predStart[v]!
      for (let e = predStart[v]!; e < predStart[v + 1]!; e++) first[slot[predList[e]!]! + 1]!++
    }
    for (let k = 0; k < m; k++) {
      first[k + 1]! += first[k]!
      fill[k] = first[k]!
    }
    for (let k = 0; k < m; k++) {
      const v = placeAt[k]!
      for (let e = predStart[v]!; e < predStart[v + 1]!; e++) next[fill[slot[predList[e]!]!]!++] = k
    }
    // Minutes still ahead of each slot, up to the target, worked out from the end backwards.
    for (let k = m - 1; k >= 0; k--) {
      let ahead = 0
      for (let e = first[k]!; e < first[k + 1]!; e++) if (tail[next[e]!]! > ahead) ahead = tail[next[e]!]!
      tail[k] = ahead + minutes[placeAt[k]!]!
    }

    const uncovered: number[] = []
    for (const queue of queues) queue.clear()
    running.clear()
    busy.fill(0)
    for (let r = 0; r < holders.length; r++) freeHolders[r] = holders[r]!.length
    let now = 0
    let released = 0
    for (let k = 0; k < m; k++) if (left[k] === 0) release[released++] = k

    for (;;) {
      // Settle this moment first: what ends now frees its person and lets its followers in, and zero-minute
      // steps and milestones end as soon as they start, so nobody picks before everything now ready is known.
      // (The order things are settled in does not matter: the queues order by urgency and plan order alone.)
      do {
        while (released > 0) {
          const k = release[--released]!
          const v = placeAt[k]!
          const r = roleOf[v]!
          if (r === -1 && isStep[v]) uncovered.push(nodeAt[k]!)
          if (r === -1 || minutes[v] === 0) {
            done[k] = now + minutes[v]!
            running.push(k)
          } else {
            queues[r]!.push(k)
          }
        }
        while (running.size > 0 && done[running.peek()]! === now) {
          const k = running.pop()
          const v = placeAt[k]!
          if (roleOf[v]! !== -1 && minutes[v]! > 0) {
            const p = person[k]!
            busy[p] = 0
            for (const r of rolesOf[p]!) freeHolders[r]!++
          }
          for (let e = first[k]!; e < first[k + 1]!; e++)
            if (--left[next[e]!]! === 0) release[released++] = next[e]!
        }
      } while (released > 0)
      // Free people take the most urgent waiting steps, one at a time, most urgent first.
      for (;;) {
        let best = -1
        let bestRole = -1
        for (let r = 0; r < queues.length; r++) {
          const queue = queues[r]!
          if (queue.size === 0 || freeHolders[r] === 0) continue
          const head = queue.peek()
          if (best !== -1 && !queue.before(head, best)) continue
          best = head
          bestRole = r
        }
        if (best === -1) break
        queues[bestRole]!.pop()
        let p = -1
        for (const holder of holders[bestRole]!) {
          if (busy[holder]) continue
          p = holder
          break
        }
        busy[p] = 1
        for (const r of rolesOf[p]!) freeHolders[r]!--
        person[best] = p
        done[best] = now + minutes[placeAt[best]!]!
        running.push(best)
      }
      if (running.size === 0) break
      now = done[running.peek()]!
    }
    // The target is the last slot: the walk numbers it once everything it waits for is numbered.
    return { minutes: done[m - 1]!, sequential, uncovered: uncovered.sort((a, b) => a - b) }
  }
}

/**
 * A binary heap of slots for the team schedule, ordered by `key` (ascending when `sign` is 1, descending
 * when -1), ties by `tie` (the node number, so ties go to the first in the plan whatever the slot numbers).
 * The order engine's MinHeap takes any comparison; this one compares typed arrays inline, which matters
 * when every step of every service passes through it twice.
 */
class SlotHeap {
  private readonly items: number[] = []
  size = 0

  constructor(
    private readonly key: Float64Array,
    private readonly sign: 1 | -1,
    private readonly tie: Int32Array,
  ) {}

  /** True when slot `a` comes out before slot `b`. */
  before(a: number, b: number): boolean {
    const d = this.sign * (this.key[a]! - this.key[b]!)
    return d < 0 || (d === 0 && this.tie[a]! < this.tie[b]!)
  }

  clear(): void {
    this.size = 0
  }

  peek(): number {
    return this.items[0]!
  }

  push(item: number): void {
    const items = this.items
    let i = this.size++
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (!this.before(item, items[parent]!)) break
      items[i] = items[parent]!
      i = parent
    }
    items[i] = item
  }

  pop(): number {
    const items = this.items
    const top = items[0]!
    const size = --this.size
    if (size > 0) {
      const last = items[size]!
      let i = 0
      for (;;) {
        const l = 2 * i + 1
        if (l >= size) break
        const r = l + 1
        const child = r < size && this.before(items[r]!, items[l]!) ? r : l
        if (!this.before(items[child]!, last)) break
        items[i] = items[child]!
        i = child
      }
      items[i] = last
    }
    return top
  }
}
