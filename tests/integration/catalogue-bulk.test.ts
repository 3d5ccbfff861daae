import { beforeEach, describe, expect, it } from 'vitest'
import { createAssetAction, importAssetsAction, previewAssetImportAction } from '@/lib/assets/actions'
import { loadStarterCatalogueAction } from '@/lib/catalogue/actions'
import { singlePointsOfFailure } from '@/lib/catalogue/graph'
import { STARTER_ASSETS, STARTER_SERVICES } from '@/lib/catalogue/starter'
import { db } from '@/lib/db'
import { loadGraph } from '@/lib/dependencies/queries'
import { assetForm, contextFor, form, makeMember, makeSchool, makeService } from '../support/factories'
import { asUser } from '../support/session'

let schoolId: string
let teamCtx: Awaited<ReturnType<typeof contextFor>>
beforeEach(async () => {
  const school = await makeSchool()
  schoolId = school.id
  const manager = await makeMember(schoolId, 'MANAGER')
  teamCtx = await contextFor((await makeMember(schoolId, 'TEAM')).user.id, schoolId)
  asUser(await contextFor(manager.user.id, schoolId))
})

async function counts() {
  const [services, assets, needs, edges, audit] = await Promise.all([
    db.service.count({ where: { schoolId } }),
    db.asset.count({ where: { schoolId } }),
    db.serviceAsset.count({ where: { schoolId } }),
    db.assetDependency.count({ where: { schoolId } }),
    db.auditEvent.count({ where: { schoolId } }),
  ])
  return { services, assets, needs, edges, audit }
}

describe('starter catalogue', () => {
  it('loads services, assets and links once, with single points of failure to look at', async () => {
    const first = await loadStarterCatalogueAction({})
    expect(first).toEqual({
      ok: true,
      data: { services: STARTER_SERVICES.length, assets: STARTER_ASSETS.length },
    })
    const after = await counts()
    expect(after.services).toBe(STARTER_SERVICES.length)
    expect(after.needs).toBe(STARTER_SERVICES.reduce((n, s) => n + s.needs.length, 0))
    expect(after.edges).toBe(STARTER_ASSETS.reduce((n, a) => n + (a.dependsOn?.length ?? 0), 0))
    const g = await loadGraph(schoolId)
    const spofs = singlePointsOfFailure(g.services, g.assets, g.needs, g.edges)
    const names = new Map(g.assets.map((a) => [a.id, a.name]))
    expect(spofs.map((p) => names.get(p.assetId))).toContain('Server room power')
    // The second load adds nothing, not even an audit row.
    expect(await loadStarterCatalogueAction({})).toEqual({ ok: true, data: { services: 0, assets: 0 } })
    expect(await counts()).toEqual(after)
  })

  it('does not bring back a starter service the manager archived', async () => {
    await loadStarterCatalogueAction({})
    await db.service.updateMany({
      where: { schoolId, starterKey: 'website' },
      data: { archivedAt: new Date() },
    })
    await loadStarterCatalogueAction({})
    expect(await db.service.count({ where: { schoolId, starterKey: 'website' } })).toBe(1)
  })

  it("uses the school's own asset and service of the same name instead of adding a second one", async () => {
    const own = await createAssetAction(null, assetForm({ name: 'file SERVER' }))
    if (!own.ok) throw new Error(own.message)
    await makeService(schoolId, { name: 'Printing', criticality: 3 })
    const r = await loadStarterCatalogueAction({})
    expect(r).toEqual({
      ok: true,
      data: { services: STARTER_SERVICES.length - 1, assets: STARTER_ASSETS.length - 1 },
    })
    expect(
      await db.asset.count({ where: { schoolId, name: { equals: 'File server', mode: 'insensitive' } } }),
    ).toBe(1)
    expect(await db.service.count({ where: { schoolId, name: 'Printing' } })).toBe(1)
    // The starter services that need the file server now need the school's own one.
    const needing = STARTER_SERVICES.filter((s) => s.needs.some((n) => n.asset === 'file-server'))
    expect(needing.length).toBeGreaterThan(0)
    expect(await db.serviceAsset.count({ where: { schoolId, assetId: own.data.id } })).toBe(
      needing.filter((s) => s.name !== 'Printing').length,
    )
  })

  it('is refused to a team member, changing nothing', async () => {
    asUser(teamCtx)
    const before = await counts()
    expect(await loadStarterCatalogueAction({})).toMatchObject({ ok: false, reason: 'NOT_FOUND' })
    expect(await counts()).toEqual(before)
  })
})

const HEADER =
  'name,type,location,specification,supplier,contract_ref,standby_arrangement,standby_verified_at'
const fileForm = (text: string) => {
  const f = new FormData()
  f.set('file', new File([text], 'register.csv', { type: 'text/csv' }))
  return f
}

describe('asset register import', () => {
  it('previews without writing, then imports a valid file with an audit row per asset', async () => {
    const csv = `${HEADER}\nFile server,Hardware,Server room,64 GB,Acme,,Reserved server at supplier,2026-09-01\nBroadband,Network link,,,,,,\n`
    const before = await counts()
    const p = await previewAssetImportAction(null, fileForm(csv))
    expect(p).toMatchObject({ ok: true, data: { preview: { valid: 2, invalid: 0 } } })
    expect(await counts()).toEqual(before)
    const r = await importAssetsAction(null, form({ csv, mode: 'all' }))
    expect(r).toEqual({ ok: true, data: { imported: 2, skipped: 0 } })
    expect(await db.auditEvent.count({ where: { schoolId, entity: 'Asset', action: 'import' } })).toBe(2)
    expect(
      (await db.asset.findFirstOrThrow({ where: { schoolId, name: 'File server' } })).standbyArrangement,
    ).toBe('Reserved server at supplier')
  })

  it('writes nothing from a file with a bad row unless asked to import only the valid rows', async () => {
    const csv = `${HEADER}\nGood,Hardware,,,,,,\nBad,Spaceship,,,,,,\n`
    const before = await counts()
    const p = await previewAssetImportAction(null, fileForm(csv))
    expect(p).toMatchObject({ ok: true, data: { preview: { valid: 1, invalid: 1 } } })
    expect(await importAssetsAction(null, form({ csv, mode: 'all' }))).toMatchObject({
      ok: false,
      reason: 'INVALID',
    })
    expect(await counts()).toEqual(before)
    expect(await importAssetsAction(null, form({ csv, mode: 'valid-only' }))).toEqual({
      ok: true,
      data: { imported: 1, skipped: 1 },
    })
    expect(await db.asset.findMany({ where: { schoolId }, select: { name: true } })).toEqual([
      { name: 'Good' },
    ])
  })

  it('refuses a team member and an empty upload', async () => {
    const before = await counts()
    expect(await previewAssetImportAction(null, fileForm(''))).toMatchObject({
      ok: false,
      reason: 'INVALID',
      fieldErrors: { file: [expect.any(String)] },
    })
    asUser(teamCtx)
    expect(
      await importAssetsAction(null, form({ csv: `${HEADER}\nX,Hardware,,,,,,\n`, mode: 'all' })),
    ).toMatchObject({ reason: 'NOT_FOUND' })
    expect(await counts()).toEqual(before)
  })
})
