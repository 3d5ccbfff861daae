/*
 * Prints how long the plan PDFs take (issue 11, items 5 and 9): the full plan and one member's pack, for a
 * demo-sized school (12 services) and issue 11's trust (300 services, 3,000 assets, about 10,000 steps).
 * Targets: full PDF under 5 s, member pack under 1 s, at trust size. No database: the snapshot is made up
 * (tests/support/plan-snapshot.ts), so the figures are the renderer's own cost.
 *   npm run bench:pdf            (PDF_OUT=/tmp/pdf writes the files too, to look at)
 *
 * Both documents are drawn with pdfkit directly (lib/pdf/layout.ts). With @react-pdf/renderer 4.9 the
 * trust's full plan (about 1,040 pages) took 26-30 s of CPU and the busiest member's pack (358 pages)
 * about 12 s: its layout engine costs 0.2-0.3 ms a line and lays pages out again for "Page n of m", and
 * even a hand-paginated pack stayed above 3 s. Drawn directly, on the shared 2-core machine: the trust's
 * full plan (1,012 pages) in 1.7-1.8 s of CPU, the pack (283 pages) in 0.7 s; the demo school's plan in
 * about 0.1 s once warm.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { renderMemberPack } from '../../lib/pdf/member-pack'
import { renderPlanPdf } from '../../lib/pdf/plan'
import type { PlanSnapshot } from '../../lib/plan/snapshot'
import { approvedStamp, makeSnapshot, TRUST_SIZE } from '../support/plan-snapshot'

const out = process.env.PDF_OUT

/** Wall-clock and CPU milliseconds: on a shared machine the CPU time is the steadier figure. */
async function time<T>(f: () => Promise<T>): Promise<[T, number, number]> {
  const start = performance.now()
  const cpu = process.cpuUsage()
  const value = await f()
  const used = process.cpuUsage(cpu)
  return [value, performance.now() - start, (used.user + used.system) / 1000]
}

async function run(label: string, options: NonNullable<Parameters<typeof makeSnapshot>[0]> | PlanSnapshot) {
  const snapshot = 'schema' in options ? options : makeSnapshot(options)
  const stamp = approvedStamp(snapshot)
  const steps =
    snapshot.assets.reduce((t, a) => t + a.steps.length, 0) +
    snapshot.services.reduce((t, s) => t + s.plans.reduce((u, p) => u + p.steps.length, 0), 0)
  const [full, fullMs, fullCpu] = await time(() => renderPlanPdf(snapshot, stamp))
  console.log(
    `${label}: ${snapshot.services.length} services, ${snapshot.assets.length} assets, ${steps} steps, ${snapshot.members.length} members`,
  )
  console.log(
    `  full PDF     ${fullMs.toFixed(0).padStart(6)} ms wall ${fullCpu.toFixed(0).padStart(6)} ms CPU  ${(full.length / 1024).toFixed(0)} KB`,
  )
  if (out) writeFileSync(`${out}/plan-${label}.pdf`, full)
  // A member with the most steps: the pack's worst case.
  const busiest = snapshot.members[Math.min(2, snapshot.members.length - 1)]!.id
  const [pack, packMs, packCpu] = await time(() => renderMemberPack(snapshot, busiest, stamp))
  console.log(
    `  member pack  ${packMs.toFixed(0).padStart(6)} ms wall ${packCpu.toFixed(0).padStart(6)} ms CPU  ${((pack?.length ?? 0) / 1024).toFixed(0)} KB`,
  )
  if (out && pack) writeFileSync(`${out}/pack-${label}.pdf`, pack)
}

// `npm run bench` passes the snapshot it built from the database: time that one alone.
const file = process.argv[2]
if (file) {
  await run('1x trust from the database', JSON.parse(readFileSync(file, 'utf8')) as PlanSnapshot)
  process.exit(0)
}

await run('demo', { services: 12 })
await run('demo (warm)', { services: 12 })
const size = process.env.PDF_SIZE
if (size === 'mid') await run('mid', { ...TRUST_SIZE, services: 30 })
else if (size === 'half') await run('half', { ...TRUST_SIZE, services: 150 })
else await run('trust', TRUST_SIZE)
