import { describe, expect, it } from 'vitest'
import { assetListParamsSchema } from '@/lib/assets/list-params'
import { getAssetList, listAssets } from '@/lib/assets/queries'
import { serviceListParamsSchema } from '@/lib/services/list-params'
import { listServices } from '@/lib/services/queries'
import { parseSearchParams, type RawSearchParams } from '@/lib/validation/search-params'
import { fillCatalogue } from '../support/bulk'
import { makeSchool } from '../support/factories'

// The URLs the security review sent to the lists, and more of the same kind: each shows the list.
const HOSTILE: RawSearchParams[] = [
  { sort: 'constructor' },
  { sort: '__proto__', check: 'toString', type: 'valueOf' },
  { q: ['Service', 'Asset'] },
  { page: '99999999999999999999' },
  { page: '-1' },
  { q: '\u0000' },
  { q: '%00' },
  { q: '\'; DROP TABLE "Asset"; --' },
  { criticality: 'constructor', archived: ['1', '0'] },
]

describe('list pages read their URL through a schema and fall back', () => {
  it('shows a list for every hostile URL, and the last page for a page past the end', async () => {
    const school = await makeSchool()
    await fillCatalogue(school.id, 20) // 20 services (one page) and 60 assets (three pages)
    for (const raw of HOSTILE) {
      const services = await listServices(school.id, parseSearchParams(serviceListParamsSchema, raw))
      const assets = await getAssetList(
        school.id,
        parseSearchParams(assetListParamsSchema, raw),
        'Europe/London',
      )
      expect(services.page, JSON.stringify(raw)).toBe(1)
      expect(assets.page, JSON.stringify(raw)).toBe(1)
    }
    const past = await listAssets(school.id, parseSearchParams(assetListParamsSchema, { page: '7' }))
    expect(past).toMatchObject({ total: 60, page: 3, pages: 3 })
    expect(past.rows).toHaveLength(10)
    expect(past.rows[0]!.name).toBe('Asset 00050')
    const services = await listServices(school.id, parseSearchParams(serviceListParamsSchema, { page: '2' }))
    expect(services).toMatchObject({ total: 20, page: 1, pages: 1 })
    expect(services.rows).toHaveLength(20)
  })

  it('an empty list stays on page 1', async () => {
    const school = await makeSchool()
    const r = await listAssets(school.id, parseSearchParams(assetListParamsSchema, { page: '5' }))
    expect(r).toMatchObject({ total: 0, page: 1, pages: 1, rows: [] })
  })
})
