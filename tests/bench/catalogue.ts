/*
 * Prints how the catalogue pages' reads scale: queries run and milliseconds, for schools of 10, 100 and
 * 500 services (3 assets each), on a fresh in-memory PGlite (or DATABASE_URL's server, in a new database);
 * then the dependency picture's layout time and size for 2,000 assets (tests/bench/dependency-picture.tsx,
 * run in its own process because it renders the SVG outside the react-server condition).
 *   npm run bench:catalogue
 */
process.env.PGLITE_DIR ??= 'memory://bench'
delete process.env.DATABASE_URL

const { applyMigrations } = await import('../../lib/db/migrations')
const { resolveDbTarget } = await import('../../lib/db/target')
const { countQueries, db } = await import('../../lib/db')
const { listServices } = await import('../../lib/services/queries')
const { listAssets } = await import('../../lib/assets/queries')
const { getGraphWithFlags, loadGraph } = await import('../../lib/dependencies/queries')
const { singlePointsOfFailure } = await import('../../lib/catalogue/graph')
const { clearLayoutCache, layoutDependencyGraph } = await import('../../lib/dependencies/layout')
const { fillCatalogue } = await import('../support/bulk')

await applyMigrations(resolveDbTarget())

async function measure<T>(fn: () => Promise<T>) {
  await fn() // warm
  const t = performance.now()
  const { result, queries } = await countQueries(fn)
  return { result, queries, ms: performance.now() - t }
}

console.log('services  assets  page                      queries   ms')
for (const n of [10, 100, 500]) {
  const school = await db.school.create({ data: { name: `Bench ${n}` }, select: { id: true } })
  await fillCatalogue(school.id, n)
  const rows: [string, () => Promise<unknown>][] = [
    ['services list (page 1)', () => listServices(school.id, { sort: 'priority' })],
    [
      'assets list with flags',
      async () => {
        // As the assets page does it: flags from the whole graph, then one page.
        const { flags } = await getGraphWithFlags(school.id, 'Europe/London')
        return listAssets(school.id, { sort: 'name', ids: [...flags.spofIds] })
      },
    ],
    [
      'dependencies (graph+SPOF)',
      async () => {
        const g = await loadGraph(school.id)
        return singlePointsOfFailure(g.services, g.assets, g.needs, g.edges)
      },
    ],
    [
      'graph picture layout',
      async () => {
        const g = await loadGraph(school.id)
        clearLayoutCache() // the cost of a first view after a change, not of a cached one
        return layoutDependencyGraph({ ...g, spofs: new Set() })
      },
    ],
  ]
  for (const [name, fn] of rows) {
    const m = await measure(fn)
    console.log(
      `${String(n).padStart(8)}  ${String(3 * n).padStart(6)}  ${name.padEnd(26)}${String(m.queries).padStart(7)}  ${m.ms.toFixed(0).padStart(5)}`,
    )
  }
}
await db.$disconnect()
const { spawnSync } = await import('node:child_process')
const picture = spawnSync('npx', ['tsx', 'tests/bench/dependency-picture.tsx'], { stdio: 'inherit' })
process.exit(picture.status ?? 1)

export {}
