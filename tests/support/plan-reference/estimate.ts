/*
 * THE REFERENCE COPY of lib/plan/estimate.ts, as it was before the engine was made faster (commit a270863).
 * Kept unchanged on purpose: the property tests in lib/plan/*.test.ts check that the engine gives exactly
 * what this straightforward version gives, so a speed-up can never change a figure. Do not optimise it;
 * when a rule changes on purpose, change it here too, in the plainest way.
 */
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
import { isLoop, stronglyConnected } from './loops'
import {
  type Loop,
  MinHeap,
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

/** What one node of the task graph stands for: a step, or a zero-minute milestone ("asset X is back"). */
type TaskNode = { key: string; step: PlanStep | null; assetId: string | null; planId: string | null }

/**
 * The steps of the whole plan as one graph of "must wait for" links, with zero-minute milestones for "asset
 * back", "service may start its own steps" and "plan done". Node numbers follow the plan's own order (assets
 * in restore order, each with its steps; then services in recovery order, each plan with its steps), so that
 * every tie below is broken the same way whatever order the rows came in.
 */
type TaskGraph = {
  nodes: TaskNode[]
  minutes: number[]
  preds: number[][]
  succs: number[][]
  /** Node numbers in an order where each comes after everything it waits for. */
  topo: number[]
  /** Per service, in recovery order: the node each of its plans ends at, or its start gate when it has none. */
  targets: { serviceId: string; rtoMinutes: number; plans: { planId: string | null; node: number }[] }[]
  loops: Loop[]
}

function buildTaskGraph(input: RecoveryInput, order: RecoveryOrder): TaskGraph {
  const stepById = new Map(input.steps.map((s) => [s.id, s]))
  const nodes: TaskNode[] = []
  const preds: number[][] = []
  const add = (node: TaskNode, waitsFor: number[]) => {
    nodes.push(node)
    preds.push(waitsFor)
    return nodes.length - 1
  }
  const stepNode = new Map<string, number>()
  // Steps in sequence after `start`; returns what the procedure's end waits for.
  const procedure = (stepIds: string[], start: number[], assetId: string | null, planId: string | null) => {
    let previous = start
    for (const id of stepIds) {
      const v = add({ key: `step:${id}`, step: stepById.get(id)!, assetId, planId }, previous)
      stepNode.set(id, v)
      previous = [v]
    }
    return previous
  }

  // An asset waits for the assets it depends on that come before it; a later one can only be in a loop with
  // it (reported by the order), and that link is the one the order already set aside.
  const assetDone = new Map<string, number>()
  for (const a of order.assets) {
    const deps = a.dependsOn.filter((d) => assetDone.has(d)).map((d) => assetDone.get(d)!)
    const end = procedure(a.stepIds, deps, a.assetId, null)
    assetDone.set(
      a.assetId,
      add({ key: `asset:${a.assetId}`, step: null, assetId: a.assetId, planId: null }, end),
    )
  }

  const targets: TaskGraph['targets'] = order.services.map((s) => {
    const required = s.assets.filter((x) => x.direct && x.required).map((x) => assetDone.get(x.assetId)!)
    const gate = add({ key: `gate:${s.serviceId}`, step: null, assetId: null, planId: null }, required)
    const plans = s.plans.map((p) => {
      const end = procedure(p.stepIds, [gate], null, p.planId)
      return {
        planId: p.planId as string | null,
        node: add({ key: `plan:${p.planId}`, step: null, assetId: null, planId: p.planId }, end),
      }
    })
    return {
      serviceId: s.serviceId,
      rtoMinutes: s.rtoMinutes,
      plans: plans.length ? plans : [{ planId: null, node: gate }],
    }
  })

  // "Do this first" links, in node order. A link to a step outside the plan (an asset nobody needs, an
  // archived service's plan) has nothing to wait for and is ignored.
  const explicit = new Set<string>()
  for (let v = 0; v < nodes.length; v++) {
    const after = nodes[v]!.step?.afterStepId
    const u = after == null ? undefined : stepNode.get(after)
    if (u === undefined) continue
    preds[v]!.push(u)
    explicit.add(`${u}>${v}`)
  }

  // Every loop must pass through a "do this first" link (the rest follows the plan's order), so dropping
  // those links inside each loop leaves a graph that can be ordered.
  const loops: Loop[] = []
  for (const component of stronglyConnected(preds)) {
    if (!isLoop(component, preds)) continue
    const members = new Set(component)
    const first = component.find((v) => nodes[v]!.step)!
    const inside: { assetId: string; dependsOnId: string }[] = []
    for (const v of component) {
      for (const u of preds[v]!) {
        if (members.has(u)) inside.push({ assetId: nodes[v]!.key, dependsOnId: nodes[u]!.key })
      }
      preds[v] = preds[v]!.filter((u) => !(members.has(u) && explicit.has(`${u}>${v}`)))
    }
    const to = inside.find((e) => e.assetId === nodes[first]!.key)!.dependsOnId
    const ids = findCycle(inside, nodes[first]!.key, to)!
      .filter((key) => key.startsWith('step:'))
      .map((key) => key.slice('step:'.length))
    loops.push({ kind: 'STEPS', ids })
  }

  const succs: number[][] = nodes.map(() => [])
  const waiting = preds.map((p) => p.length)
  for (let v = 0; v < nodes.length; v++) for (const u of preds[v]!) succs[u]!.push(v)
  const topo: number[] = []
  for (let v = 0; v < nodes.length; v++) if (waiting[v] === 0) topo.push(v)
  for (let i = 0; i < topo.length; i++) {
    for (const w of succs[topo[i]!]!) if (--waiting[w]! === 0) topo.push(w)
  }

  const minutes = nodes.map((n) => (n.step ? n.step.minutes : 0))
  return { nodes, minutes, preds, succs, topo, targets, loops }
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
  const n = g.nodes.length

  // Earliest finish with nobody short of hands, and which link decided each start, for the chain.
  const finish = new Float64Array(n)
  const decidedBy = new Int32Array(n).fill(-1)
  for (const v of g.topo) {
    let start = 0
    for (const u of g.preds[v]!) {
      if (finish[u]! > start || (decidedBy[v] === -1 && finish[u]! === start)) {
        start = finish[u]!
        decidedBy[v] = u
      }
    }
    finish[v] = start + g.minutes[v]!
  }

  const team = new TeamSchedule(g, input.members)
  const mark = new Int32Array(n).fill(-1)
  const estimateAt = (target: number, stamp: number): Estimate => {
    // Everything the target waits for, directly or not: the steps this service's recovery involves.
    const closure = [target]
    mark[target] = stamp
    for (let i = 0; i < closure.length; i++) {
      for (const u of g.preds[closure[i]!]!) {
        if (mark[u] === stamp) continue
        mark[u] = stamp
        closure.push(u)
      }
    }
    let sequential = 0
    for (const v of closure) sequential += g.minutes[v]!

    const chain: ChainLink[] = []
    for (let v = target; v !== -1; v = decidedBy[v]!) {
      const node = g.nodes[v]!
      if (!node.step) continue
      chain.push({
        stepId: node.step.id,
        assetId: node.assetId,
        planId: node.planId,
        minutes: g.minutes[v]!,
        startsAt: finish[v]! - g.minutes[v]!,
        finishesAt: finish[v]!,
      })
    }
    chain.reverse()

    const scheduled = team.run(closure, target)
    return {
      criticalPathMinutes: finish[target]!,
      sequentialMinutes: sequential,
      teamMinutes: scheduled.minutes,
      uncoveredStepIds: scheduled.uncovered.map((v) => g.nodes[v]!.step!.id),
      chain,
    }
  }

  let stamp = 0
  const services = g.targets.map((t): ServiceEstimate => {
    const figures = t.plans.map((p) => ({ planId: p.planId, ...estimateAt(p.node, stamp++) }))
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
  /** Per node: the number of the role its step needs, or -1 (a milestone, or a step nobody can do). */
  private readonly roleOf: Int32Array
  /** Per role number: the team members (numbered in name order) who hold it. */
  private readonly holders: number[][] = []
  private readonly busy: Uint8Array
  private readonly topoPos: Int32Array
  private readonly tail: Float64Array
  private readonly done: Float64Array
  private readonly left: Int32Array
  /** Per node: who is doing it, while it runs. */
  private readonly person: Int32Array
  private readonly isStep: Uint8Array
  /** Per node: its place in the closure being scheduled. */
  private readonly slot: Int32Array

  constructor(
    private readonly g: TaskGraph,
    members: PlanMember[],
  ) {
    const team = members
      .filter((m) => !m.left)
      .sort((a, b) => nameCollator.compare(a.name, b.name) || byId(a.id, b.id))
    const roleNumber = new Map<string, number>()
    team.forEach((m, person) => {
      for (const role of new Set(m.roleIds)) {
        let r = roleNumber.get(role)
        if (r === undefined) {
          r = this.holders.length
          roleNumber.set(role, r)
          this.holders.push([])
        }
        this.holders[r]!.push(person)
      }
    })
    const n = g.nodes.length
    this.roleOf = new Int32Array(n).fill(-1)
    g.nodes.forEach((node, v) => {
      const role = node.step?.roleId
      if (role != null) this.roleOf[v] = roleNumber.get(role) ?? -1
    })
    this.busy = new Uint8Array(team.length)
    this.topoPos = new Int32Array(n)
    g.topo.forEach((v, i) => {
      this.topoPos[v] = i
    })
    this.tail = new Float64Array(n)
    this.done = new Float64Array(n)
    this.left = new Int32Array(n)
    this.person = new Int32Array(n)
    this.isStep = Uint8Array.from(g.nodes, (node) => (node.step ? 1 : 0))
    this.slot = new Int32Array(n)
  }

  /**
   * Runs the schedule over `closure`, everything `target` waits for.
   * Returns when the target is reached and the steps on the way that nobody on the team can do.
   */
  run(closure: number[], target: number): { minutes: number; uncovered: number[] } {
    const { g, tail, left, holders, busy, done, roleOf, slot } = this
    // The closure in plan order (each node after what it waits for), by sorting positions, not nodes.
    const m = closure.length
    const positions = new Int32Array(m)
    for (let k = 0; k < m; k++) positions[k] = this.topoPos[closure[k]!]!
    positions.sort()
    const nodes = new Int32Array(m)
    for (let k = 0; k < m; k++) {
      const v = g.topo[positions[k]!]!
      nodes[k] = v
      slot[v] = k
    }
    // What each node lets start, inside the closure only (a closure holds everything its nodes wait for,
    // so its "waits for" links are all inside; its "lets start" links often are not: an asset much
    // depended on lets hundreds of steps start, few of them in one service's recovery). Compressed rows:
    // the followers of nodes[k] are next[first[k] .. first[k + 1]).
    const first = new Int32Array(m + 1)
    let links = 0
    for (let k = 0; k < m; k++) {
      const preds = g.preds[nodes[k]!]!
      links += preds.length
      for (const u of preds) first[slot[u]! + 1]!++
    }
    for (let k = 0; k < m; k++) first[k + 1]! += first[k]!
    const next = new Int32Array(links)
    const fill = first.slice(0, m)
    for (let k = 0; k < m; k++) {
      const v = nodes[k]!
      const preds = g.preds[v]!
      left[v] = preds.length
      for (const u of preds) next[fill[slot[u]!]!++] = v
    }
    // Minutes still ahead of each node, up to the target, worked out from the end backwards.
    for (let k = m - 1; k >= 0; k--) {
      const v = nodes[k]!
      let ahead = 0
      for (let e = first[k]!; e < first[k + 1]!; e++) {
        const w = next[e]!
        if (tail[w]! > ahead) ahead = tail[w]!
      }
      tail[v] = ahead + g.minutes[v]!
    }
    const urgency = (a: number, b: number) => tail[b]! - tail[a]! || a - b

    const uncovered: number[] = []
    const queues: MinHeap[] = holders.map(() => new MinHeap(urgency))
    const running = new MinHeap((a, b) => done[a]! - done[b]! || a - b)
    const person = this.person
    busy.fill(0)
    let now = 0
    const release: number[] = []
    for (let k = 0; k < m; k++) if (left[nodes[k]!] === 0) release.push(nodes[k]!)

    const freeHolder = (r: number) => {
      for (const p of holders[r]!) if (!busy[p]) return p
      return -1
    }
    const startOrQueue = (v: number) => {
      const r = roleOf[v]!
      if (r === -1 && this.isStep[v]) uncovered.push(v)
      if (r === -1 || g.minutes[v] === 0) {
        done[v] = now + g.minutes[v]!
        running.push(v)
      } else {
        queues[r]!.push(v)
      }
    }

    for (;;) {
      // Settle this moment first: what ends now frees its person and lets its followers in, and zero-minute
      // steps and milestones end as soon as they start, so nobody picks before everything now ready is known.
      do {
        while (release.length > 0) startOrQueue(release.pop()!)
        while (running.size > 0 && done[running.peek()!] === now) {
          const v = running.pop()
          if (roleOf[v]! !== -1 && g.minutes[v]! > 0) busy[person[v]!] = 0
          const k = slot[v]!
          for (let e = first[k]!; e < first[k + 1]!; e++) if (--left[next[e]!]! === 0) release.push(next[e]!)
        }
      } while (release.length > 0)
      // Free people take the most urgent waiting steps, one at a time, most urgent first.
      for (;;) {
        let best = -1
        let bestRole = -1
        for (let r = 0; r < queues.length; r++) {
          const head = queues[r]!.peek()
          if (head === undefined || (best !== -1 && urgency(head, best) > 0) || freeHolder(r) === -1) continue
          best = head
          bestRole = r
        }
        if (best === -1) break
        queues[bestRole]!.pop()
        const p = freeHolder(bestRole)
        busy[p] = 1
        person[best] = p
        done[best] = now + g.minutes[best]!
        running.push(best)
      }
      if (running.size === 0) break
      now = done[running.peek()!]!
    }
    return { minutes: done[target]!, uncovered: uncovered.sort((a, b) => a - b) }
  }
}
