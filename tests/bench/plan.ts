/*
 * The recovery plan's speed (issue 11, item 9):
 *   npm run bench        everything below: the engine in memory, then the plan page on a database
 *   npm run bench:plan   the engine alone (no database)
 *
 * 1. The engine (lib/plan): the recovery order alone, then the estimates (critical path, sequential case and
 *    team schedule for every service and plan), in memory, at 1x and 10x. Targets: under 100 ms at 1x (the
 *    engine column: order + estimates), at most linear growth. Beside the raw 10x / 1x ratio: the growth per
 *    unit of work, the collector's share, and two reference workloads that do exactly ten times the work at
 *    10x (walks, and lookups by id), which show how this machine's time grows with the size of the data
 *    alone. The made-up trusts come from tests/support/plan.ts (the engine's tests use a small one).
 * 2. The plan page: the same 1x trust written into a throwaway in-memory PGlite with createMany, plus a
 *    small school; loadPlanSnapshot's query count for both (must be equal), the time to build the
 *    snapshot (read + engine + words; then from the cache), and the time to render PlanView to HTML
 *    (tests/bench/plan-render.tsx, in its own process without the react-server condition).
 *    Marked places below are where the publish and PDF timings go.
 *
 * "1x" is issue 11's trust-sized set (300 services, 3,000 assets, 12,000 dependencies, 10,000 steps); "10x"
 * is ten times that.
 */

import { PerformanceObserver } from 'node:perf_hooks'
import { estimateRecovery } from '../../lib/plan/estimate'
import { type RecoveryInput, recoveryOrder } from '../../lib/plan/order'
import { random, trust } from '../support/plan'

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

// Garbage collection pauses, as the runtime reports them (wall time, after the fact), so a run's figure can
// say how much of it was the collector's rather than the engine's own work.
const pauses: { start: number; ms: number }[] = []
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) pauses.push({ start: e.startTime, ms: e.duration })
}).observe({ entryTypes: ['gc'] })

/** Like {@link cpuMs}, and the median collector pause time inside the same runs. */
async function cpuAndGcMs(fn: () => unknown, runs: number): Promise<{ cpu: number; gc: number }> {
  const windows: { from: number; to: number; cpu: number }[] = []
  for (let i = 0; i < runs; i++) {
    const before = process.cpuUsage()
    const from = performance.now()
    fn()
    const to = performance.now()
    const used = process.cpuUsage(before)
    windows.push({ from, to, cpu: (used.user + used.system) / 1000 })
  }
  await new Promise((resolve) => setTimeout(resolve, 10)) // the observer reports on the next turn
  const gc = windows.map((w) =>
    pauses.filter((p) => p.start >= w.from && p.start < w.to).reduce((sum, p) => sum + p.ms, 0),
  )
  return { cpu: median(windows.map((w) => w.cpu)), gc: median(gc) }
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

// How this machine's time grows when the same kind of work is done on ten times the data: 300 * `scale`
// walks over schools of 300 nodes (each node links to four below it in its school, so a walk reaches about
// its school, as a service's recovery does). The work grows exactly `scale` times; anything above that is
// the memory (bigger arrays, further apart) and the collector, not the algorithm.
function referenceAt(scale: number): number {
  const rand = random(11)
  const school = 300
  const n = 3000 * scale
  const succ = Array.from({ length: n }, (_, i) =>
    Array.from({ length: i % school ? 4 : 0 }, () => i - 1 - Math.floor(rand() * (i % school))),
  )
  const mark = new Int32Array(n).fill(-1)
  return cpuMs(
    () => {
      mark.fill(-1)
      // Five times over, so the 1x figure is long enough to measure.
      for (let s = 0; s < 5 * 300 * scale; s++) {
        const top = (s % (n / school)) * school + school - 1 - (Math.floor(s / (n / school)) % 30)
        const found = [top]
        mark[top] = s
        for (let k = 0; k < found.length; k++) {
          for (const d of succ[found[k]!]!) {
            if (mark[d] === s) continue
            mark[d] = s
            found.push(d)
          }
        }
        found.sort((a, b) => a - b)
      }
    },
    scale === 1 ? 9 : 3,
  )
}

// The other kind of work the engine does, which grows differently: reading the catalogue by id. 3,000 *
// `scale` records numbered through a map of their ids, and four links each sorted into per-record lists
// through that map, as the order does with assets and their dependencies. Also exactly `scale` times the
// work; but every lookup lands somewhere else in a table that no longer fits the processor's cache at 10x.
function referenceLookupsAt(scale: number): number {
  const rand = random(13)
  const n = 3000 * scale
  const records = Array.from({ length: n }, (_, i) => ({ id: `s${Math.floor(i / 300)}-a${i % 300}` }))
  const links = Array.from({ length: 4 * n }, () => ({
    from: records[Math.floor(rand() * n)]!.id,
    to: records[Math.floor(rand() * n)]!.id,
  }))
  return cpuMs(
    () => {
      const numberOf = new Map(records.map((r, i) => [r.id, i]))
      const lists: number[][] = records.map(() => [])
      for (const link of links) lists[numberOf.get(link.from)!]!.push(numberOf.get(link.to)!)
    },
    scale === 1 ? 15 : 5,
  )
}

const sizes: [string, number, number, number, number][] = [
  ['200/1k', 200, 1_000, 4_000, 3_300],
  ['1x', 300, 3_000, 12_000, 10_000],
  ['10x', 3_000, 30_000, 120_000, 100_000],
]

console.log(`reference work (300 walks of a 3,000-asset graph): ${reference().toFixed(1)} ms`)
const referenceGrowth = [referenceAt(1), referenceAt(10)] as const
const lookupGrowth = [referenceLookupsAt(1), referenceLookupsAt(10)] as const
console.log(
  'reference growth, 1x and 10x, exactly 10x the work each: walks over schools of 300 ' +
    `${referenceGrowth[0].toFixed(1)} ms, ${referenceGrowth[1].toFixed(1)} ms: ` +
    `${(referenceGrowth[1] / referenceGrowth[0]).toFixed(1)}x; records and links by id through a map ` +
    `${lookupGrowth[0].toFixed(1)} ms, ${lookupGrowth[1].toFixed(1)} ms: ${(lookupGrowth[1] / lookupGrowth[0]).toFixed(1)}x`,
)
// Warm the code up on mid-sized data first, so the smallest size is not measured half-compiled.
const warm = trust(300, 3_000, 12_000, 10_000, 2)
for (let i = 0; i < 3; i++) estimateRecovery(warm)
console.log(
  'size     services  assets  dependencies   steps   order ms  estimates ms  engine ms  (of which gc)  at risk',
)
const rows: { label: string; order: number; estimates: number; work: number }[] = []
for (const [label, services, assets, dependencies, steps] of sizes) {
  const input = trust(services, assets, dependencies, steps)
  const order = recoveryOrder(input)
  // Medians: of 9 runs up to 1x, and of 3 at 10x too, where a single run is at the mercy of one collection or one
  // busy neighbour.
  const runs = label === '10x' ? 3 : 9
  const orderMs = await cpuAndGcMs(() => recoveryOrder(input), runs)
  const estimates = estimateRecovery(input, order)
  const estimatesMs = await cpuAndGcMs(() => estimateRecovery(input, order), runs)
  const atRisk = estimates.services.filter((s) => s.atRisk).length
  // The work both parts do grows with the assets each service reaches, summed over the services.
  const work = order.services.reduce((sum, s) => sum + s.assets.length, 0)
  rows.push({ label, order: orderMs.cpu, estimates: estimatesMs.cpu, work })
  const engine = orderMs.cpu + estimatesMs.cpu
  console.log(
    `${label.padEnd(7)}${String(input.services.length).padStart(10)}${String(input.assets.length).padStart(8)}` +
      `${String(input.edges.length).padStart(14)}${String(input.steps.length).padStart(8)}` +
      `${orderMs.cpu.toFixed(1).padStart(11)}${estimatesMs.cpu.toFixed(1).padStart(14)}` +
      `${engine.toFixed(1).padStart(11)}${(orderMs.gc + estimatesMs.gc).toFixed(1).padStart(15)}${String(atRisk).padStart(9)}`,
  )
}
const [, one, ten] = rows
if (one && ten) {
  const grow = (a: number, b: number) => `${(b / a).toFixed(1)}x`
  const work = ten.work / one.work
  console.log(
    `10x / 1x: order ${grow(one.order, ten.order)}, estimates ${grow(one.estimates, ten.estimates)}, ` +
      `engine ${grow(one.order + one.estimates, ten.order + ten.estimates)} (target: at most 10x)`,
  )
  console.log(
    `  the work (assets reached per service, summed) grows ${work.toFixed(1)}x; per unit of work the engine ` +
      `grows ${((ten.order + ten.estimates) / (one.order + one.estimates) / work).toFixed(2)}x (1.00 is linear); ` +
      `the reference walks grow ${grow(referenceGrowth[0], referenceGrowth[1])} and the lookups by id ` +
      `${grow(lookupGrowth[0], lookupGrowth[1])} for exactly 10x the work`,
  )
}

// ---------------------------------------------------------------------------------------------------------
// 2. The plan page on a database.

if (!process.argv.includes('--engine')) {
  process.env.PGLITE_DIR ??= 'memory://bench-plan'
  delete process.env.DATABASE_URL
  const { applyMigrations } = await import('../../lib/db/migrations')
  const { resolveDbTarget } = await import('../../lib/db/target')
  const { countQueries, db } = await import('../../lib/db')
  const { loadPlanRows, loadPlanSnapshot } = await import('../../lib/plan/queries')
  const { buildPlanBody } = await import('../../lib/plan/build')
  const fs = await import('node:fs')
  const os = await import('node:os')
  const path = await import('node:path')
  const { spawnSync } = await import('node:child_process')
  await applyMigrations(resolveDbTarget())

  /** Writes a generated trust into a new school with createMany, table by table; ids are prefixed. */
  async function store(label: string, input: RecoveryInput): Promise<string> {
    const school = await db.school.create({ data: { name: `Bench ${label}` }, select: { id: true } })
    const schoolId = school.id
    const id = (raw: string) => `${label}-${raw}`
    const unique = <T>(rows: T[], key: (r: T) => string) => [
      ...new Map(rows.map((r) => [key(r), r])).values(),
    ]
    const roleIds = [...new Set(input.steps.map((s) => s.roleId).filter((r) => r !== null))]
    await db.recoveryRole.createMany({
      data: roleIds.map((r) => ({ id: id(r), schoolId, name: `Role ${r}` })),
    })
    await db.service.createMany({
      data: input.services.map((s) => ({
        id: id(s.id),
        schoolId,
        name: s.name,
        criticality: s.criticality,
        rtoMinutes: s.rtoMinutes,
        rpoMinutes: 60,
        maxOutageMinutes: 2 * s.rtoMinutes,
      })),
    })
    await db.asset.createMany({
      data: input.assets.map((a, i) => ({
        id: id(a.id),
        schoolId,
        name: a.name,
        type: 'HARDWARE' as const,
        supplier: i % 7 === 0 ? `Supplier ${i % 5}` : '',
      })),
    })
    await db.serviceAsset.createMany({
      data: unique(input.needs, (n) => `${n.serviceId}>${n.assetId}`).map((n) => ({
        schoolId,
        serviceId: id(n.serviceId),
        assetId: id(n.assetId),
        required: n.required,
      })),
    })
    await db.assetDependency.createMany({
      data: unique(input.edges, (e) => `${e.assetId}>${e.dependsOnId}`).map((e) => ({
        schoolId,
        assetId: id(e.assetId),
        dependsOnId: id(e.dependsOnId),
      })),
    })
    await db.contingencyPlan.createMany({
      data: input.plans.map((p) => ({
        id: id(p.id),
        schoolId,
        serviceId: id(p.serviceId),
        name: p.name,
        strategy: 'FAST' as const,
        manualWorkaround: 'Paper registers and the phone tree.',
      })),
    })
    const owners = unique(
      input.steps.map((s) => (s.planId ? `plan:${s.planId}` : `asset:${s.assetId}`)),
      (o) => o,
    )
    await db.procedure.createMany({
      data: owners.map((o) => {
        const [kind, raw] = o.split(/:(.*)/) as [string, string]
        return {
          id: id(`proc-${o}`),
          schoolId,
          planId: kind === 'plan' ? id(raw) : null,
          assetId: kind === 'asset' ? id(raw) : null,
        }
      }),
    })
    await db.procedureStep.createMany({
      data: input.steps.map((s) => ({
        id: id(s.id),
        schoolId,
        procedureId: id(`proc-${s.planId ? `plan:${s.planId}` : `asset:${s.assetId}`}`),
        position: s.position + 1,
        instruction: `Step ${s.id}: check, restore and test.`,
        estimatedMinutes: s.minutes,
        recoveryRoleId: s.roleId ? id(s.roleId) : null,
        afterStepId: s.afterStepId ? id(s.afterStepId) : null,
      })),
    })
    await db.teamMember.createMany({
      data: input.members.map((m) => ({
        id: id(m.id),
        schoolId,
        name: m.name,
        mobile: '07700 900000',
        leftAt: m.left ? new Date() : null,
      })),
    })
    await db.teamMemberRole.createMany({
      data: input.members.flatMap((m) =>
        [...new Set(m.roleIds)].map((r) => ({ schoolId, teamMemberId: id(m.id), roleId: id(r) })),
      ),
    })
    return schoolId
  }

  console.log('\nThe plan page, on an in-memory PGlite')
  let t = performance.now()
  const big = await store('1x', trust(300, 3_000, 12_000, 10_000))
  const small = await store('small', trust(10, 100, 400, 330, 3))
  console.log(`writing the 1x trust and a small school: ${(performance.now() - t).toFixed(0)} ms (setup)`)

  const counted = async (schoolId: string) => {
    const start = performance.now()
    const { result, queries } = await countQueries(() => loadPlanSnapshot(schoolId))
    return { result, queries, ms: performance.now() - start }
  }
  const smallLoad = await counted(small)
  const cold = await counted(big)
  const warm = await counted(big)
  console.log(
    `loadPlanSnapshot queries: small school (${smallLoad.result.services.length} services, ` +
      `${smallLoad.result.assets.length} assets) ${smallLoad.queries}, 1x trust (${cold.result.services.length} ` +
      `services, ${cold.result.assets.length} assets) ${cold.queries} -> ${smallLoad.queries === cold.queries ? 'equal' : 'NOT EQUAL'}`,
  )
  console.log(`snapshot at 1x, built (read + engine + words): ${cold.ms.toFixed(0)} ms`)
  console.log(`snapshot at 1x, from the cache: ${warm.ms.toFixed(1)} ms, ${warm.queries} query`)
  {
    const school = { id: big, name: 'Bench 1x', timeZone: 'Europe/London' }
    const start = performance.now()
    const rows = await loadPlanRows(school)
    const read = performance.now() - start
    const before = process.cpuUsage()
    buildPlanBody(rows)
    const cpu = process.cpuUsage(before)
    console.log(
      `  of which reading the rows: ${read.toFixed(0)} ms; engine + words (processor time): ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms`,
    )
  }

  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-plan-')), 'snapshot.json')
  fs.writeFileSync(file, JSON.stringify(cold.result))
  t = performance.now()
  const render = spawnSync('npx', ['tsx', 'tests/bench/plan-render.tsx', file], { stdio: 'inherit' })
  if (render.status !== 0) process.exitCode = 1

  // Publishing the 1x plan as the publish action does: the source version, the snapshot (from the cache,
  // as after the manager has looked at the plan), then one transaction that checks the source version,
  // fingerprints the snapshot and stores it with its audit row. Confirmed, since the made-up team has gaps.
  {
    const { getPlanSourceVersion } = await import('../../lib/plan-versions/queries')
    const { publishPlanVersion } = await import('../../lib/plan-versions/mutations')
    const user = await db.user.create({
      data: { email: `bench-${Date.now()}@bench.example`, name: 'Bench manager', passwordHash: 'x' },
      select: { id: true },
    })
    const actor = { schoolId: big, userId: user.id }
    const publishOnce = async () => {
      const start = performance.now()
      const sourceVersion = await getPlanSourceVersion(big)
      const snapshot = await loadPlanSnapshot(big)
      const { queries } = await countQueries(() =>
        publishPlanVersion(db, actor, { snapshot, sourceVersion, confirmed: true }),
      )
      return { ms: performance.now() - start, queries }
    }
    const first = await publishOnce()
    const second = await publishOnce()
    console.log(
      `publish the 1x plan (snapshot from the cache, fingerprint, store): ${first.ms.toFixed(0)} ms, then ${second.ms.toFixed(0)} ms (${second.queries} queries in its transaction)`,
    )
  }

  // The PDFs of that same plan (targets: full PDF under 5 s, a member's pack under 1 s). In a process of
  // their own, without the react-server condition this script runs under (react-pdf needs the client React).
  console.log('\nThe PDFs of the 1x plan (npm run bench:pdf times made-up plans of several sizes)')
  const pdf = spawnSync('npx', ['tsx', 'tests/bench/pdf.ts', file], { stdio: 'inherit' })
  if (pdf.status !== 0) process.exitCode = 1
  if (process.env.BENCH_KEEP) console.log(`snapshot kept at ${file}`)
  else fs.rmSync(path.dirname(file), { recursive: true, force: true })

  await db.$disconnect()
}
