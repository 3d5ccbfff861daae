/*
 * The catalogue version (School.catalogueVersion, bumped by triggers) is what keeps the cached dependency
 * graph honest: every kind of write to services, assets and their links must move it, once per
 * statement, for the school written to and no other; and a cached graph must show a change at once.
 */
import { describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { getCatalogueVersion, getDependenciesView, loadGraph } from '@/lib/dependencies/queries'
import { makeAsset, makeSchool, makeService } from '../support/factories'

describe('catalogue version', () => {
  it('moves on every insert, update and delete of services, assets, links and dependencies', async () => {
    const school = await makeSchool()
    const other = await makeSchool()
    const otherBefore = await getCatalogueVersion(other.id)
    let v = await getCatalogueVersion(school.id)
    const moved = async (what: string) => {
      const now = await getCatalogueVersion(school.id)
      expect(now, what).toBe(v + 1)
      v = now
    }
    const s = await makeService(school.id)
    await moved('service insert')
    const a = await makeAsset(school.id)
    await moved('asset insert')
    const b = await makeAsset(school.id)
    await moved('second asset insert')
    await db.serviceAsset.create({ data: { schoolId: school.id, serviceId: s.id, assetId: a.id } })
    await moved('link insert')
    await db.serviceAsset.updateMany({ where: { serviceId: s.id }, data: { required: false } })
    await moved('link update')
    await db.assetDependency.create({ data: { schoolId: school.id, assetId: a.id, dependsOnId: b.id } })
    await moved('dependency insert')
    await db.assetDependency.deleteMany({ where: { assetId: a.id } })
    await moved('dependency delete')
    await db.serviceAsset.deleteMany({ where: { serviceId: s.id } })
    await moved('link delete')
    await db.service.update({ where: { id: s.id }, data: { name: 'Renamed' } })
    await moved('service update')
    await db.asset.update({ where: { id: a.id }, data: { archivedAt: new Date() } })
    await moved('asset archive')
    await db.asset.delete({ where: { id: b.id } })
    await moved('asset delete')
    // An update that matches no row still moves nothing for anyone else.
    expect(await getCatalogueVersion(other.id)).toBe(otherBefore)
  })

  it('moves once for a bulk statement, however many rows it writes', async () => {
    const school = await makeSchool()
    const before = await getCatalogueVersion(school.id)
    await db.asset.createMany({
      data: Array.from({ length: 50 }, (_, i) => ({
        schoolId: school.id,
        name: `Bulk ${i}`,
        type: 'DATA' as const,
      })),
    })
    expect(await getCatalogueVersion(school.id)).toBe(before + 1)
  })

  it('lets a school be deleted with its catalogue', async () => {
    const school = await makeSchool()
    const s = await makeService(school.id)
    const a = await makeAsset(school.id)
    await db.serviceAsset.create({ data: { schoolId: school.id, serviceId: s.id, assetId: a.id } })
    await db.school.delete({ where: { id: school.id } })
    expect(await db.service.count({ where: { schoolId: school.id } })).toBe(0)
    expect(await getCatalogueVersion(school.id)).toBe(-1)
  })

  it('serves the cached graph until the catalogue changes, then the new one', async () => {
    const school = await makeSchool()
    const s = await makeService(school.id, { name: 'Email', criticality: 1 })
    const first = await loadGraph(school.id)
    expect(await loadGraph(school.id)).toBe(first) // the same object: no re-read
    expect(first.assets).toHaveLength(0)
    const a = await makeAsset(school.id, { name: 'Mail server' })
    await db.serviceAsset.create({ data: { schoolId: school.id, serviceId: s.id, assetId: a.id } })
    const second = await loadGraph(school.id)
    expect(second).not.toBe(first)
    expect(second.assets.map((x) => x.name)).toEqual(['Mail server'])
    const view = await getDependenciesView(school.id, { everything: false })
    expect(view.spofs.map((p) => p.name)).toEqual(['Mail server'])
    // A standby recorded directly in the database (no action) still reaches the page.
    await db.asset.update({ where: { id: a.id }, data: { standbyArrangement: 'Spare at supplier' } })
    expect((await getDependenciesView(school.id, { everything: false })).spofs).toEqual([])
  })

  it('refuses to let a caller change a cached graph', async () => {
    const school = await makeSchool()
    await makeService(school.id)
    const g = await loadGraph(school.id)
    expect(() => (g.services as unknown[]).push({})).toThrow()
  })
})
