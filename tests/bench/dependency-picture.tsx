/*
 * How long the dependency picture takes to lay out and how much markup it draws, for the starter-sized
 * catalogue and for schools of 2,000 assets, in the default view (what services need) and with
 * "show everything". Pure, in memory: no database. Run by `npm run bench`, or on its own:
 *   npx tsx tests/bench/dependency-picture.tsx
 * (Without the react-server condition, so react-dom/server can render the SVG to measure it.)
 */
import { renderToStaticMarkup } from 'react-dom/server'
import { DependencyGraph } from '@/components/catalogue/dependency-graph'
import { STARTER_ASSETS, STARTER_SERVICES } from '@/lib/catalogue/starter'
import * as layoutModule from '@/lib/dependencies/layout'

type Input = Parameters<typeof layoutModule.layoutDependencyGraph>[0]
const pad = (n: number, w = 5) => String(n).padStart(w, '0')

/**
 * `services` services each needing a chain of three assets, `unlinked` assets no service needs, and,
 * when `shared`, every chain ending on one shared network switch (one big connected graph, the shape a
 * real school has: nearly everything needs the network).
 */
function school(services: number, unlinked: number, shared: boolean): Input {
  const s = Array.from({ length: services }, (_, i) => ({
    id: `s${pad(i)}`,
    name: `Service ${pad(i, 4)}`,
    criticality: (i % 4) + 1,
  }))
  const assets = Array.from({ length: 3 * services + unlinked }, (_, i) => ({
    id: `a${pad(i)}`,
    name: i < 3 * services ? `Asset ${pad(i)}` : `Imported laptop ${pad(i)}`,
  }))
  if (shared) assets.push({ id: 'core', name: 'Core network switch' })
  const needs = s.map((svc, i) => ({ serviceId: svc.id, assetId: `a${pad(3 * i)}`, required: i % 3 > 0 }))
  const edges = s.flatMap((_, i) => [
    { assetId: `a${pad(3 * i)}`, dependsOnId: `a${pad(3 * i + 1)}` },
    { assetId: `a${pad(3 * i + 1)}`, dependsOnId: `a${pad(3 * i + 2)}` },
    ...(shared ? [{ assetId: `a${pad(3 * i + 2)}`, dependsOnId: 'core' }] : []),
  ])
  return { services: s, assets, needs, edges, spofs: new Set(['core', 'a00002']) }
}

/** The starter catalogue as loaded into a school, plus `imported` assets no service needs. */
function starter(imported: number): Input {
  return {
    services: STARTER_SERVICES.map((s) => ({ id: s.key, name: s.name, criticality: s.criticality })),
    assets: [
      ...STARTER_ASSETS.map((a) => ({ id: a.key, name: a.name })),
      ...Array.from({ length: imported }, (_, i) => ({
        id: `i${pad(i)}`,
        name: `Imported laptop ${pad(i)}`,
      })),
    ],
    needs: STARTER_SERVICES.flatMap((s) =>
      s.needs.map((n) => ({ serviceId: s.key, assetId: n.asset, required: n.required ?? true })),
    ),
    edges: STARTER_ASSETS.flatMap((a) =>
      (a.dependsOn ?? []).map((d) => ({ assetId: a.key, dependsOnId: d })),
    ),
    spofs: new Set(['wan', 'lan']),
  }
}

const cases: [string, Input][] = [
  ['starter catalogue: 12 services, 25 assets', starter(0)],
  ['starter + 1,975 imported = 2,000 assets', starter(2000 - STARTER_ASSETS.length)],
  ['500 services, 1,500 linked + 500 unlinked', school(500, 500, false)],
  ['500 services, all on one switch + 499', school(500, 499, true)],
]

console.log(
  '\ndependency picture                          view        boxes  layout ms  svg KB   width x height',
)
for (const [name, input] of cases) {
  for (const everything of [false, true]) {
    const args = { ...input, everything } as Input
    // Each first run starts with no cached layout, so that the cache cannot hide the layout cost.
    ;(layoutModule as { clearLayoutCache?: () => void }).clearLayoutCache?.()
    const t = performance.now()
    const layout = layoutModule.layoutDependencyGraph(args)
    const ms = performance.now() - t
    const t2 = performance.now()
    layoutModule.layoutDependencyGraph(args)
    const again = performance.now() - t2
    const svg = renderToStaticMarkup(<DependencyGraph layout={layout} />)
    console.log(
      `${name.padEnd(44)}${(everything ? 'everything' : 'default').padEnd(11)}${String(layout.nodes.length).padStart(6)}${ms.toFixed(0).padStart(11)}${(svg.length / 1024).toFixed(1).padStart(8)}   ${layout.width} x ${layout.height}${again < ms / 2 ? `  (again: ${again.toFixed(0)} ms)` : ''}`,
    )
  }
}
