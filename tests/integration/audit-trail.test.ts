import { beforeEach, describe, expect, it, vi } from 'vitest'
import {
  archiveAssetAction,
  createAssetAction,
  importAssetsAction,
  updateAssetAction,
} from '@/lib/assets/actions'
import { getBatch, listChanges, listRecentChanges } from '@/lib/audit/queries'
import { loadStarterCatalogueAction } from '@/lib/catalogue/actions'
import { STARTER_ASSETS, STARTER_SERVICES } from '@/lib/catalogue/starter'
import { countQueries, db } from '@/lib/db'
import { createServiceAction, updateServiceAction } from '@/lib/services/actions'
import { fillAuditTrail } from '../support/audit'
import { contextFor, form, makeMember, makeSchool } from '../support/factories'
import { asUser } from '../support/session'

vi.mock('@/lib/auth/context', () => import('../support/mock-context'))
vi.mock('next/cache', () => import('../support/mock-next'))
vi.mock('next/headers', () => import('../support/mock-next'))

const TZ = 'Europe/London'
let schoolId: string
let managerName: string

beforeEach(async () => {
  schoolId = (await makeSchool()).id
  const manager = await makeMember(schoolId, 'MANAGER')
  managerName = manager.user.name
  asUser(await contextFor(manager.user.id, schoolId))
})

const SERVICE = {
  name: 'Management information system (MIS)',
  criticality: 2,
  rtoValue: 4,
  rtoUnit: 'hours',
  rpoValue: 1,
  rpoUnit: 'days',
  maxOutageValue: 2,
  maxOutageUnit: 'days',
}

async function ok<T>(p: Promise<{ ok: true; data: T } | { ok: false; message: string }>): Promise<T> {
  const r = await p
  if (!r.ok) throw new Error(r.message)
  return r.data
}

/** Ids of the school's rows, to prove none of them reaches what people read. */
async function allIds() {
  const [s, a, l, d, m] = await Promise.all([
    db.service.findMany({ where: { schoolId }, select: { id: true } }),
    db.asset.findMany({ where: { schoolId }, select: { id: true } }),
    db.serviceAsset.findMany({ where: { schoolId }, select: { id: true } }),
    db.assetDependency.findMany({ where: { schoolId }, select: { id: true } }),
    db.membership.findMany({ where: { schoolId }, select: { id: true, userId: true } }),
  ])
  return [...s, ...a, ...l, ...d, ...m].flatMap((r) => Object.values(r))
}

function readable(page: Awaited<ReturnType<typeof listChanges>>) {
  return JSON.stringify(
    page.entries.map((e) => [
      e.sentence,
      e.says,
      e.who,
      e.when,
      e.changes,
      e.batch?.rows.map((r) => [r.says, r.changes]),
    ]),
  )
}

describe('the audit trail in words', () => {
  it('says who changed which service, and each field from what to what', async () => {
    const { id } = await ok(createServiceAction(null, form(SERVICE)))
    await ok(
      updateServiceAction(
        null,
        form({ ...SERVICE, id, version: 1, criticality: 1, rtoValue: 1, rtoUnit: 'days' }),
      ),
    )
    const page = await listChanges(schoolId, { timeZone: TZ })
    expect(page.entries.map((e) => e.sentence)).toEqual([
      `${managerName} changed the service Management information system (MIS): criticality from 2. High to 1. Vital; recovery time objective from 4 hours to 1 day`,
      `${managerName} added the service Management information system (MIS)`,
    ])
    expect(page.entries[0]!.when).toMatch(/^\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}$/)
    expect(page.entries[1]!.changes).toContainEqual({
      field: 'maxOutageMinutes',
      label: 'maximum tolerable outage',
      after: '2 days',
    })
  })

  it('shows a standby by its name and an archive by the record name, never an id', async () => {
    const spare = await ok(createAssetAction(null, form({ name: 'Spare server', type: 'HARDWARE' })))
    const main = await ok(createAssetAction(null, form({ name: 'MIS server', type: 'HARDWARE' })))
    await ok(
      updateAssetAction(
        null,
        form({ id: main.id, version: 1, name: 'MIS server', type: 'HARDWARE', standbyAssetId: spare.id }),
      ),
    )
    await ok(archiveAssetAction(null, form({ id: main.id, version: 2 })))
    const page = await listChanges(schoolId, { timeZone: TZ })
    expect(page.entries.map((e) => e.says)).toEqual([
      'archived the asset MIS server',
      'changed the asset MIS server',
      'added the asset MIS server',
      'added the asset Spare server',
    ])
    expect(page.entries[1]!.changes).toEqual([
      { field: 'standbyAssetId', label: 'standby asset', before: 'not set', after: 'Spare server' },
    ])
    const text = readable(page)
    for (const id of await allIds()) expect(text).not.toContain(id)
  })

  it('shows an import as one entry that opens to its rows, and keeps each asset’s own row', async () => {
    const csv =
      'name,type,location\nFile server,Hardware,Server room\nBroadband,Network link,\nBad row,Nonsense,\n'
    expect(await ok(importAssetsAction(null, form({ csv, mode: 'valid-only' })))).toEqual({
      imported: 2,
      skipped: 1,
    })
    const summary = await db.auditEvent.findFirstOrThrow({ where: { schoolId, entity: 'Catalogue' } })
    expect(summary).toMatchObject({ action: 'import', batchId: null })
    const rows = await db.auditEvent.findMany({ where: { schoolId, entity: 'Asset', action: 'import' } })
    expect(rows.map((r) => r.batchId)).toEqual([summary.id, summary.id])

    const page = await listChanges(schoolId, { timeZone: TZ })
    expect(page.total).toBe(1)
    expect(page.entries[0]!.sentence).toBe(
      `${managerName} imported 2 assets from a CSV file (1 row with problems left out)`,
    )
    expect(page.entries[0]!.batch?.rows.map((r) => r.says).sort()).toEqual([
      'imported the asset Broadband from a CSV file',
      'imported the asset File server from a CSV file',
    ])
    // The asset's own history still says it was imported, with what it came in with.
    const fileServer = await db.asset.findFirstOrThrow({ where: { schoolId, name: 'File server' } })
    const own = await listChanges(schoolId, { timeZone: TZ, entity: 'Asset', entityId: fileServer.id })
    expect(own.entries.map((e) => e.says)).toEqual(['imported the asset File server from a CSV file'])
    expect(own.entries[0]!.changes).toEqual([
      { field: 'type', label: 'type', after: 'Hardware' },
      { field: 'location', label: 'location', after: 'Server room' },
    ])
    // Filtering by assets lists each imported asset on its own.
    expect((await listChanges(schoolId, { timeZone: TZ, entity: 'Asset' })).total).toBe(2)
  })

  it('opens a bulk change on its own page, a page of rows at a time, and only in its own school', async () => {
    await ok(loadStarterCatalogueAction({}))
    const total = await db.auditEvent.count({ where: { schoolId, batchId: { not: null } } })
    // The log itself carries the count and no rows when asked not to (the activity page).
    const log = await listChanges(schoolId, { timeZone: TZ, withBatchRows: false })
    expect(log.entries[0]!.batch).toEqual({ rows: [], total })
    const id = log.entries[0]!.id
    const first = await getBatch(schoolId, id, { timeZone: TZ, pageSize: 30 })
    expect(first).toMatchObject({ total, page: 1, pages: Math.ceil(total / 30) })
    expect(first!.entry.sentence).toBe(log.entries[0]!.sentence)
    expect(first!.rows).toHaveLength(30)
    const last = await getBatch(schoolId, id, { timeZone: TZ, pageSize: 30, page: 999 })
    expect(last!.page).toBe(first!.pages)
    expect(last!.rows).toHaveLength(total - 30 * (first!.pages - 1))
    // Every row once across the pages, none twice.
    const pages = await Promise.all(
      Array.from({ length: first!.pages }, (_, i) =>
        getBatch(schoolId, id, { timeZone: TZ, pageSize: 30, page: i + 1 }),
      ),
    )
    expect(new Set(pages.flatMap((p) => p!.rows.map((r) => r.id))).size).toBe(total)
    // Another school, a row that is not a bulk change, or nonsense: nothing.
    const other = await makeSchool()
    expect(await getBatch(other.id, id, { timeZone: TZ })).toBeNull()
    expect(await getBatch(schoolId, first!.rows[0]!.id, { timeZone: TZ })).toBeNull()
    expect(await getBatch(schoolId, 'nonsense', { timeZone: TZ })).toBeNull()
  })

  it('shows the starter catalogue as one entry with its counts, its rows carrying its id', async () => {
    await ok(loadStarterCatalogueAction({}))
    const links = STARTER_SERVICES.reduce((n, s) => n + s.needs.length, 0)
    const deps = STARTER_ASSETS.reduce((n, a) => n + (a.dependsOn?.length ?? 0), 0)
    const page = await listChanges(schoolId, { timeZone: TZ })
    expect(page.entries).toHaveLength(1)
    const [entry] = page.entries
    expect(entry!.sentence).toBe(
      `${managerName} loaded the starter catalogue: ${STARTER_SERVICES.length} services, ${STARTER_ASSETS.length} assets, ${links} links, ${deps} dependencies`,
    )
    const total = STARTER_SERVICES.length + STARTER_ASSETS.length + links + deps
    expect(entry!.batch?.total).toBe(total)
    expect(entry!.batch?.rows).toHaveLength(total)
    expect(await db.auditEvent.count({ where: { schoolId, batchId: entry!.id } })).toBe(total)
    expect(entry!.batch?.rows.map((r) => r.says)).toContain(
      'added the service Management information system (MIS) from the starter catalogue',
    )
    expect(readable(page)).not.toMatch(/load-starterd|importd|ServiceAsset|undefined/)
    for (const id of await allIds()) expect(readable(page)).not.toContain(id)
    // The dashboard shows the one summary.
    expect((await listRecentChanges(schoolId, TZ)).map((e) => e.says)).toEqual([entry!.says])
  })

  it('pages newest first, shows the last page for a page past the end, and filters by time', async () => {
    const t0 = new Date('2026-01-01T09:00:00Z')
    await db.auditEvent.createMany({
      data: Array.from({ length: 7 }, (_, i) => ({
        schoolId,
        entity: 'Service',
        entityId: `svc${i}`,
        action: 'create',
        after: { name: `Service ${i}` },
        at: new Date(t0.getTime() + i * 3_600_000),
      })),
    })
    const p1 = await listChanges(schoolId, { timeZone: TZ, pageSize: 3 })
    expect([p1.page, p1.pages, p1.total]).toEqual([1, 3, 7])
    expect(p1.entries.map((e) => e.name)).toEqual(['Service 6', 'Service 5', 'Service 4'])
    const past = await listChanges(schoolId, { timeZone: TZ, pageSize: 3, page: 1_000_000 })
    expect(past.page).toBe(3)
    expect(past.entries.map((e) => e.name)).toEqual(['Service 0'])
    const window = await listChanges(schoolId, {
      timeZone: TZ,
      since: new Date(t0.getTime() + 2 * 3_600_000),
      until: new Date(t0.getTime() + 4 * 3_600_000),
      groupByRecord: true,
    })
    expect(window.entries.map((e) => e.name)).toEqual(['Service 3', 'Service 2'])
    expect(window.records?.map((r) => r.name)).toEqual(['Service 3', 'Service 2'])
    // Nothing of another school's.
    const other = await makeSchool()
    expect((await listChanges(other.id, { timeZone: TZ })).total).toBe(0)
  })

  it('runs the same number of queries for 60 changes and for 300', async () => {
    // Both more than a page (a log that fits on its first page needs no count: lib/records/paged.ts).
    const small = (await makeSchool()).id
    const large = (await makeSchool()).id
    await fillAuditTrail(small, 60)
    await fillAuditTrail(large, 300)
    const runs: ((id: string) => Promise<unknown>)[] = [
      (id: string) => listChanges(id, { timeZone: TZ }),
      (id: string) => listChanges(id, { timeZone: TZ, entity: 'Asset' }),
      (id: string) => listRecentChanges(id, TZ),
    ]
    for (const run of runs) {
      const a = await countQueries(() => run(small))
      const b = await countQueries(() => run(large))
      expect(a.queries).toBeGreaterThan(0)
      // count, page, the page's bulk rows, and a name lookup per kind of record at most.
      expect(a.queries).toBeLessThanOrEqual(7)
      expect(b.queries).toBe(a.queries)
    }
  })
})
