/*
 * The time to render the plan page's body (PlanView) to HTML from a snapshot file, and the HTML's size.
 * Run by `npm run bench` (tests/bench/plan.ts) in its own process, without the react-server condition, so
 * react-dom/server can render:  npx tsx tests/bench/plan-render.tsx snapshot.json
 */
import fs from 'node:fs'
import { renderToString } from 'react-dom/server'
import { PlanView } from '@/components/plan/plan-view'
import type { PlanSnapshot } from '@/lib/plan/snapshot'

const snapshot = JSON.parse(fs.readFileSync(process.argv[2]!, 'utf8')) as PlanSnapshot
renderToString(<PlanView snapshot={snapshot} showContacts />) // warm
const times: number[] = []
let html = ''
for (let i = 0; i < 3; i++) {
  const t = performance.now()
  html = renderToString(<PlanView snapshot={snapshot} showContacts />)
  times.push(performance.now() - t)
}
times.sort((a, b) => a - b)
console.log(
  `render PlanView at ${snapshot.services.length} services / ${snapshot.assets.length} assets: ` +
    `${times[1]!.toFixed(0)} ms (median of 3), ${(html.length / 1024 / 1024).toFixed(1)} MB of HTML`,
)
