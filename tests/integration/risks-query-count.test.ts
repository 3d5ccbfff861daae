import { describe, expect, it } from 'vitest'
import { countQueries, db } from '@/lib/db'
import {
  getCountermeasureView,
  getHeatMap,
  getRegister,
  getRiskSummary,
  getRiskView,
  listCountermeasures,
  listProposals,
  listRisksThreatening,
} from '@/lib/risks/queries'
import { fillCatalogue } from '../support/bulk'
import { makeSchool } from '../support/factories'
import { fillRiskRegister } from '../support/risks'

// What the risk pages run, page by page (as tests/integration/query-count.test.ts does for the
// catalogue). The count must be the same for a small register and a large one.
const TZ = 'Europe/London'
const ids = new Map<string, string>()
const PAGES: Record<string, (schoolId: string) => Promise<unknown>> = {
  'risk register': (id) =>
    getRegister(
      id,
      { status: 'open', above: false, overdue: false, basis: 'inherent', sort: 'score', page: 1 },
      TZ,
    ),
  'risk register, one heat map cell above appetite and overdue': (id) =>
    getRegister(
      id,
      { status: 'all', above: true, overdue: true, basis: 'residual', l: 3, i: 4, sort: 'review', page: 2 },
      TZ,
    ),
  'heat map': (id) => getHeatMap(id),
  'proposed risks': (id) => listProposals(id),
  'risk page (manager)': (id) => getRiskView(id, ids.get(`r${id}`)!, TZ, { edit: true }),
  'risk page (viewer)': (id) => getRiskView(id, ids.get(`r${id}`)!, TZ, { edit: false }),
  countermeasures: (id) => listCountermeasures(id, { archived: false, page: 1, check: 'unverified' }, TZ),
  'countermeasure page (manager)': (id) => getCountermeasureView(id, ids.get(`c${id}`)!, TZ, { edit: true }),
  'risks on a service page': (id) => listRisksThreatening(id, { serviceId: ids.get(`s${id}`)! }),
  'dashboard risk panel': (id) => getRiskSummary(id, TZ),
}

describe('risk pages: query counts do not grow with the rows', () => {
  it('runs the same number of queries for a small and a large register', async () => {
    const small = await makeSchool()
    const large = await makeSchool()
    for (const [school, n] of [
      [small, 5],
      [large, 120],
    ] as const) {
      await fillCatalogue(school.id, n)
      const r = await fillRiskRegister(school.id, n)
      ids.set(`r${school.id}`, r.riskId)
      ids.set(`c${school.id}`, r.countermeasureId)
      const service = await db.service.findFirstOrThrow({
        where: { schoolId: school.id, name: 'Service 0000' },
      })
      ids.set(`s${school.id}`, service.id)
    }
    for (const [name, run] of Object.entries(PAGES)) {
      const a = await countQueries(() => run(small.id))
      const b = await countQueries(() => run(large.id))
      expect(a.queries, name).toBeGreaterThan(0)
      expect(b.queries, name).toBe(a.queries)
    }
    // The large register really is large: the counts above were taken over 120 risks.
    expect((await getHeatMap(large.id)).total).toBe(120)
  })
})
