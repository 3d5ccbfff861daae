import { describe, expect, it } from 'vitest'
import { assetsCsv } from '@/lib/assets/export'
import { getAssetList, getAssetView, listAssets } from '@/lib/assets/queries'
import { listChanges, listRecentChanges } from '@/lib/audit/queries'
import { getCoverage } from '@/lib/coverage/queries'
import { getDashboard } from '@/lib/dashboard/queries'
import { countQueries, db } from '@/lib/db'
import { getCatalogueSummary, loadGraph } from '@/lib/dependencies/queries'
import { loadPlanSnapshot } from '@/lib/plan/queries'
import {
  getOwnAcknowledgement,
  getPlanDashboard,
  getPlanVersion,
  listAcknowledgements,
  listPlanCopies,
  listPlanVersions,
} from '@/lib/plan-versions/queries'
import {
  getReview,
  getReviewDue,
  listOpenReviewActions,
  listReviewChanges,
  listReviews,
} from '@/lib/reviews/queries'
import { servicesCsv } from '@/lib/services/export'
import { getServiceView, listServices } from '@/lib/services/queries'
import { fillAuditTrail } from '../support/audit'
import { fillCatalogue } from '../support/bulk'
import { makeMember, makeSchool } from '../support/factories'

// What the catalogue pages run, page by page. The count must be the same for a school whose lists run to
// a second page and for one ten times its size (a list that fits on its first page needs one query
// fewer, lib/records/paged.ts, so the smaller school is given more than one page of everything).
const LIST = { archived: false, page: 1, q: undefined, type: undefined, check: undefined } as const
const PAGES: Record<string, (schoolId: string) => Promise<unknown>> = {
  'services list': (id) => listServices(id, { q: 'Service', sort: 'priority' }),
  'assets list': (id) => listAssets(id, { type: 'HARDWARE', sort: 'name', page: 2 }),
  'assets list page': (id) => getAssetList(id, { ...LIST, sort: 'type' }, 'Europe/London'),
  'assets list needing attention': (id) =>
    getAssetList(id, { ...LIST, sort: 'name', check: 'spof' }, 'Europe/London'),
  'asset page (manager)': async (id) =>
    getAssetView(id, await someAsset(id), 'Europe/London', { edit: true }),
  'asset page (viewer)': async (id) =>
    getAssetView(id, await someAsset(id), 'Europe/London', { edit: false }),
  'service page (manager)': async (id) => getServiceView(id, await someService(id), { edit: true }),
  'service page (viewer)': async (id) => getServiceView(id, await someService(id), { edit: false }),
  'dependency graph': (id) => loadGraph(id),
  'dashboard summary': (id) => getCatalogueSummary(id, 'Europe/London'),
  'coverage report and dashboard panel': (id) => getCoverage(id, 'Europe/London'),
  'services export': (id) => servicesCsv(id),
  'assets export': (id) => assetsCsv(id),
  'activity page': (id) => listChanges(id, { timeZone: 'Europe/London' }),
  'activity filtered by kind': (id) => listChanges(id, { timeZone: 'Europe/London', entity: ['Asset'] }),
  'dashboard recent changes': (id) => listRecentChanges(id, 'Europe/London'),
  'dashboard with its changes described': (id) =>
    getDashboard({ schoolId: id, role: 'MANAGER', timeZone: 'Europe/London' }),
  'reviews list': (id) => Promise.all([getReviewDue(id), listReviews(id), listOpenReviewActions(id)]),
  'plan versions list': (id) => listPlanVersions(id),
  'plan version page with acknowledgements': async (id) => {
    const v = (await getPlanVersion(id, 1))!
    return Promise.all([listAcknowledgements(id, v.id), getOwnAcknowledgement(id, ids.get(`u${id}`)!)])
  },
  'plan copies': (id) => listPlanCopies(id),
  'dashboard plan panel (stale)': (id) => getPlanDashboard(id, 'Europe/London'),
  // Built (the first read of each school); from the cache it is one query (plan-snapshot.test.ts).
  'recovery plan (live)': (id) => loadPlanSnapshot(id),
  'review page with what changed': async (id) => {
    const review = (await getReview(id, ids.get(`r${id}`)!))!
    return listReviewChanges(id, review, { timeZone: 'Europe/London' })
  },
}

// The record pages open one record; which one is looked up outside the count (the URL names it).
const ids = new Map<string, string>()
async function someAsset(schoolId: string) {
  return ids.get(`a${schoolId}`)!
}
async function someService(schoolId: string) {
  return ids.get(`s${schoolId}`)!
}

describe('query counts do not grow with the rows', () => {
  it('runs the same number of queries for a school and one many times its size', async () => {
    const small = await makeSchool()
    const large = await makeSchool()
    await fillCatalogue(small.id, 30)
    await fillCatalogue(large.id, 200)
    await fillAuditTrail(small.id, 60)
    await fillAuditTrail(large.id, 200)
    for (const school of [small, large]) {
      // The middle asset of a chain: it depends on one asset and another depends on it.
      const asset = await db.asset.findFirstOrThrow({ where: { schoolId: school.id, name: 'Asset 00001' } })
      const service = await db.service.findFirstOrThrow({
        where: { schoolId: school.id, name: 'Service 0000' },
      })
      ids.set(`a${school.id}`, asset.id)
      ids.set(`s${school.id}`, service.id)
      // A review covering the whole audit trail, with as many questions and actions as the school has services.
      const review = await db.review.create({
        data: { schoolId: school.id, number: 1, dueDate: new Date('2027-03-31T12:00:00Z') },
      })
      const rows = school === small ? 5 : 200
      for (let i = 0; i < rows; i++) {
        const answer = await db.reviewAnswer.create({
          data: {
            schoolId: school.id,
            reviewId: review.id,
            section: 'IMPROVE_PLAN',
            question: `Q${i}`,
            position: i,
            answer: 'NO',
          },
        })
        await db.reviewAction.create({
          data: {
            schoolId: school.id,
            reviewId: review.id,
            answerId: answer.id,
            title: `A${i}`,
            owner: 'O',
            dueDate: new Date(),
          },
        })
      }
      ids.set(`r${school.id}`, review.id)
      // Plan versions (the first approved long ago, so the plan is stale), copies, members who acknowledged.
      const publisher = await makeMember(school.id, 'MANAGER')
      ids.set(`u${school.id}`, publisher.user.id)
      for (let n = 1; n <= rows; n++) {
        const v = await db.planVersion.create({
          data: {
            schoolId: school.id,
            number: n,
            snapshot: { n },
            fingerprint: `${school.id}:${String(n).padStart(5, '0')}`.padEnd(64, '0'),
            sourceVersion: 0,
            status: n === 1 ? 'APPROVED' : 'SUBMITTED',
            publishedAt: new Date('2020-01-01T00:00:00Z'),
            publishedByName: 'P',
          },
        })
        const member = await db.teamMember.create({ data: { schoolId: school.id, name: `M${n}` } })
        await db.planCopy.create({
          data: { schoolId: school.id, location: 'OFF_SITE', holder: `H${n}`, teamMemberId: member.id },
        })
        if (n % 2)
          await db.planAcknowledgement.create({
            data: { schoolId: school.id, planVersionId: v.id, teamMemberId: member.id },
          })
      }
    }
    for (const [name, run] of Object.entries(PAGES)) {
      const a = await countQueries(() => run(small.id))
      const b = await countQueries(() => run(large.id))
      expect(a.queries, name).toBeGreaterThan(0)
      expect(b.queries, name).toBe(a.queries)
    }
  })
})
