import { describe, expect, it } from 'vitest'
import { assetsCsv } from '@/lib/assets/export'
import { listAssets } from '@/lib/assets/queries'
import { countQueries } from '@/lib/db'
import { assetFlags, getCatalogueSummary, loadGraph } from '@/lib/dependencies/queries'
import { servicesCsv } from '@/lib/services/export'
import { listServices } from '@/lib/services/queries'
import { fillCatalogue } from '../support/bulk'
import { makeSchool } from '../support/factories'

// What the catalogue pages run, page by page. The count must be the same for 5 rows and for 200.
const PAGES: Record<string, (schoolId: string) => Promise<unknown>> = {
  'services list': (id) => listServices(id, { q: 'Service', sort: 'priority' }),
  'assets list': (id) => listAssets(id, { type: 'HARDWARE', sort: 'name', page: 2 }),
  'assets list needing attention': async (id) => {
    const flags = assetFlags(await loadGraph(id), 'Europe/London')
    return listAssets(id, { sort: 'name', ids: [...flags.spofIds] })
  },
  'dependency graph': (id) => loadGraph(id),
  'dashboard summary': (id) => getCatalogueSummary(id, 'Europe/London'),
  'services export': (id) => servicesCsv(id),
  'assets export': (id) => assetsCsv(id),
}

describe('query counts do not grow with the rows', () => {
  it('runs the same number of queries for a small and a large school', async () => {
    const small = await makeSchool()
    const large = await makeSchool()
    await fillCatalogue(small.id, 5)
    await fillCatalogue(large.id, 200)
    for (const [name, run] of Object.entries(PAGES)) {
      const a = await countQueries(() => run(small.id))
      const b = await countQueries(() => run(large.id))
      expect(a.queries, name).toBeGreaterThan(0)
      expect(b.queries, name).toBe(a.queries)
    }
  })
})
