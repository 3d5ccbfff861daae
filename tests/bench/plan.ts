/*
 * Prints how long the recovery plan engine (lib/plan) takes on large made-up trusts: the recovery order
 * alone, then the estimates (critical path, sequential case and team schedule for every service and plan).
 * Pure functions, no database: the figures are the engine's own cost.
 *   npm run bench:plan
 *
 * A trust is a set of schools of 300 assets each, plus a few trust-wide assets (the WAN, the internet
 * provider, the data centre) that every school depends on; inside a school each asset depends on about four
 * assets below it, so a service's recovery reaches most of its school. "1x" is issue 11's trust-sized set
 * (300 services, 3,000 assets, 12,000 dependencies, 10,000 steps); "10x" is ten times that, to show how the
 * time grows (issue 11's target: under 100 ms at 1x, and at most linear growth).
 */

import { estimateRecovery } from '../../lib/plan/estimate'
import { type RecoveryInput, recoveryOrder } from '../../lib/plan/order'

// A small seeded generator, so every run measures the same data.
function random(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function trust(
  services: number,
  assets: number,
  dependencies: number,
  steps: number,
  seed = 1,
): RecoveryInput {
  const rand = random(seed)
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)]!
  const schoolSize = 300
  const shared = Array.from({ length: 10 }, (_, i) => `trust-${i}`)
  const schools = Math.max(1, Math.round((assets - shared.length) / schoolSize))
  const input: RecoveryInput = {
    services: [],
    assets: shared.map((id) => ({ id, name: `Trust asset ${id}` })),
    needs: [],
    edges: [],
    plans: [],
    steps: [],
    members: [],
  }
  const roles = ['tech', 'network', 'office', 'supplier', 'site', 'deputy']
  const perSchool = (n: number, k: number) => Math.floor(n / schools) + (k < n % schools ? 1 : 0)
  const depsPerAsset = (dependencies - shared.length) / (assets - shared.length)

  for (let k = 0; k < schools; k++) {
    const ids = Array.from({ length: perSchool(assets - shared.length, k) }, (_, j) => `s${k}-a${j}`)
    for (const [j, id] of ids.entries()) {
      input.assets.push({ id, name: `Asset ${j} of school ${k}` })
      if (j === 0) {
        input.edges.push({ assetId: id, dependsOnId: pick(shared) })
        continue
      }
      const count = Math.floor(depsPerAsset) + (rand() < depsPerAsset % 1 ? 1 : 0)
      for (let d = 0; d < count; d++)
        input.edges.push({ assetId: id, dependsOnId: ids[Math.floor(rand() * j)]! })
    }
    for (let m = 0; m < 8; m++) {
      input.members.push({
        id: `s${k}-m${m}`,
        name: `Member ${m} of school ${k}`,
        roleIds: [pick(roles), ...(rand() < 0.4 ? [pick(roles)] : [])],
        left: rand() < 0.1,
      })
    }
    for (let s = 0; s < perSchool(services, k); s++) {
      const serviceId = `s${k}-svc${s}`
      input.services.push({
        id: serviceId,
        name: `Service ${s} of school ${k}`,
        criticality: 1 + Math.floor(rand() * 4),
        rtoMinutes: pick([60, 240, 480, 1440, 4320]),
      })
      for (let n = 0; n < 4; n++) {
        input.needs.push({
          serviceId,
          assetId: ids[Math.floor(ids.length * (0.5 + rand() / 2))]!,
          required: rand() < 0.8,
        })
      }
      input.plans.push({ id: `${serviceId}-plan`, serviceId, name: 'Main plan' })
    }
  }

  // Three quarters of the steps restore assets, the rest are the plans' own; one in twenty waits for a step
  // made just before it, of a neighbouring asset or plan in the same school ("do this first").
  for (let i = 0; i < steps; i++) {
    const owner =
      i < 0.75 * steps ? input.assets[i % input.assets.length]! : input.plans[i % input.plans.length]!
    const isPlan = 'serviceId' in owner
    input.steps.push({
      id: `step-${i}`,
      planId: isPlan ? owner.id : null,
      assetId: isPlan ? null : owner.id,
      position: i,
      minutes: 5 + Math.floor(rand() * 55),
      roleId: rand() < 0.05 ? null : pick(roles),
      afterStepId: i > 5 && rand() < 0.05 ? `step-${i - 1 - Math.floor(rand() * 5)}` : null,
    })
  }
  return input
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

/** Median processor time (not wall time, which other programs on a shared machine inflate) of `runs` runs. */
function cpuMs(fn: () => unknown, runs: number): number {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const before = process.cpuUsage()
    fn()
    const used = process.cpuUsage(before)
    times.push((used.user + used.system) / 1000)
  }
  return median(times)
}

// A fixed piece of work to compare machines by: 300 walks over a 3,000-node graph with 12,000 links, the
// kind of work the engine does. Divide a figure by this one to compare runs on different machines.
function reference(): number {
  const rand = random(7)
  const n = 3000
  const succ = Array.from({ length: n }, (_, i) =>
    Array.from({ length: i ? 4 : 0 }, () => Math.floor(rand() * i)),
  )
  const mark = new Int32Array(n).fill(-1)
  return cpuMs(() => {
    for (let s = 0; s < 300; s++) {
      const found = [n - 1 - s]
      mark[found[0]!] = s
      for (let k = 0; k < found.length; k++) {
        for (const d of succ[found[k]!]!) {
          if (mark[d] === s) continue
          mark[d] = s
          found.push(d)
        }
      }
      found.sort((a, b) => a - b)
    }
    mark.fill(-1)
  }, 5)
}

const sizes: [string, number, number, number, number][] = [
  ['200/1k', 200, 1_000, 4_000, 3_300],
  ['1x', 300, 3_000, 12_000, 10_000],
  ['10x', 3_000, 30_000, 120_000, 100_000],
]

console.log(`reference work (300 walks of a 3,000-asset graph): ${reference().toFixed(1)} ms`)
// Warm the code up on mid-sized data first, so the smallest size is not measured half-compiled.
const warm = trust(300, 3_000, 12_000, 10_000, 2)
for (let i = 0; i < 3; i++) estimateRecovery(warm)
console.log('size     services  assets  dependencies   steps   order ms  estimates ms  at risk')
const rows: { label: string; order: number; estimates: number }[] = []
for (const [label, services, assets, dependencies, steps] of sizes) {
  const input = trust(services, assets, dependencies, steps)
  const order = recoveryOrder(input)
  const runs = label === '10x' ? 1 : 5
  const orderMs = cpuMs(() => recoveryOrder(input), runs)
  const estimates = estimateRecovery(input, order)
  const estimatesMs = cpuMs(() => estimateRecovery(input, order), runs)
  const atRisk = estimates.services.filter((s) => s.atRisk).length
  rows.push({ label, order: orderMs, estimates: estimatesMs })
  console.log(
    `${label.padEnd(7)}${String(input.services.length).padStart(10)}${String(input.assets.length).padStart(8)}` +
      `${String(input.edges.length).padStart(14)}${String(input.steps.length).padStart(8)}` +
      `${orderMs.toFixed(1).padStart(11)}${estimatesMs.toFixed(1).padStart(14)}${String(atRisk).padStart(9)}`,
  )
}
const [, one, ten] = rows
if (one && ten) {
  console.log(
    `10x / 1x: order ${(ten.order / one.order).toFixed(1)}x, estimates ${(ten.estimates / one.estimates).toFixed(1)}x ` +
      '(the work, counted in assets reached per service, grows 10x; more than that is larger arrays missing the cache)',
  )
}
