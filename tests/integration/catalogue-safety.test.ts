/*
 * The catalogue's guard rails, proved on what is stored: stale versions overwrite nothing, another
 * school's ids find nothing, every change carries its audit row, archiving warns about dependents,
 * single points of failure follow standbys and chains, and loops between assets are refused.
 * Service archiving is covered elsewhere.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import {
  addDependencyAction,
  archiveAssetAction,
  removeDependencyAction,
  restoreAssetAction,
  updateAssetAction,
} from '@/lib/assets/actions'
import type { SchoolContext } from '@/lib/auth/school-context'
import { singlePointsOfFailure } from '@/lib/catalogue/graph'
import { db } from '@/lib/db'
import { loadGraph } from '@/lib/dependencies/queries'
import { changeLinkAction, createServiceAction, linkServiceAssetAction } from '@/lib/services/actions'
import { createTestAsset as asset, catalogueSnapshot as snapshot } from '../support/catalogue'
import { contextFor, form, makeMember, makeSchool, serviceForm } from '../support/factories'
import { asUser } from '../support/session'

async function service(name: string, criticality = 1) {
  const r = await createServiceAction(null, serviceForm({ name, criticality }))
  if (!r.ok) throw new Error(r.message)
  return r.data.id
}

async function needs(serviceId: string, assetId: string) {
  const r = await linkServiceAssetAction(null, form({ serviceId, assetId, required: 'true' }))
  if (!r.ok) throw new Error(r.message)
}

async function dependsOn(assetId: string, dependsOnId: string) {
  const r = await addDependencyAction(null, form({ assetId, dependsOnId }))
  if (!r.ok) throw new Error(r.message)
}

/** A colleague's edit through the action (a whole form, like the page sends), moving the version on. */
async function editAsset(id: string, fields: Record<string, string>) {
  const { version } = await db.asset.findUniqueOrThrow({ where: { id } })
  const r = await updateAssetAction(null, form({ id, version, type: 'HARDWARE', ...fields }))
  if (!r.ok) throw new Error(r.message)
}

async function spofs(schoolId: string) {
  const g = await loadGraph(schoolId)
  return singlePointsOfFailure(g.services, g.assets, g.needs, g.edges)
}

const auditFor = (schoolId: string, entity: string, entityId: string) =>
  db.auditEvent.findMany({ where: { schoolId, entity, entityId }, orderBy: { at: 'asc' } })

let s: { schoolId: string; managerId: string; manager: SchoolContext }
beforeEach(async () => {
  const school = await makeSchool()
  const manager = await makeMember(school.id, 'MANAGER')
  const ctx = await contextFor(manager.user.id, school.id)
  asUser(ctx)
  s = { schoolId: school.id, managerId: manager.user.id, manager: ctx }
})

describe('stale versions', () => {
  it('refuses an asset update from an old version, returning the asset as it is now, and stores nothing', async () => {
    const id = await asset('File server', { location: 'Server room' })
    await editAsset(id, { name: 'Main file server', location: 'Server room' })
    const before = await snapshot(s.schoolId)

    const r = await updateAssetAction(
      null,
      form({ id, version: 1, name: 'Old file server', type: 'SOFTWARE', location: 'Office' }),
    )
    expect(r).toMatchObject({
      ok: false,
      reason: 'STALE',
      current: { id, name: 'Main file server', location: 'Server room', version: 2 },
    })
    // What the user typed comes back, so the form can show it beside the current record.
    if (!r.ok) expect(r.values).toMatchObject({ name: 'Old file server', location: 'Office' })
    expect(await snapshot(s.schoolId)).toEqual(before)
  })

  it('refuses to archive from an old version, even when confirmed, and stores nothing', async () => {
    const id = await asset('Spare printer')
    await editAsset(id, { name: 'Spare laser printer' })
    const before = await snapshot(s.schoolId)

    const r = await archiveAssetAction(null, form({ id, version: 1, confirm: 'yes' }))
    expect(r).toMatchObject({
      ok: false,
      reason: 'STALE',
      current: { id, name: 'Spare laser printer', archivedAt: null, version: 2 },
    })
    expect(await snapshot(s.schoolId)).toEqual(before)
  })

  it('refuses to restore from an old version and stores nothing', async () => {
    const id = await asset('Old projector')
    expect(await archiveAssetAction(null, form({ id, version: 1 }))).toMatchObject({
      ok: true,
      data: { version: 2 },
    })
    const archived = await db.asset.findUniqueOrThrow({ where: { id } })
    const before = await snapshot(s.schoolId)

    const r = await restoreAssetAction(null, form({ id, version: 1 }))
    expect(r).toMatchObject({
      ok: false,
      reason: 'STALE',
      current: { id, archivedAt: archived.archivedAt, version: 2 },
    })
    expect(await snapshot(s.schoolId)).toEqual(before)
    expect((await db.asset.findUniqueOrThrow({ where: { id } })).archivedAt).not.toBeNull()
  })
})

describe('another school’s records', () => {
  it('answers not-found to every catalogue action on school B’s ids, and changes nothing in either school', async () => {
    // School B is filled through the actions, by its own manager, so it has real audit rows too.
    const schoolB = await makeSchool()
    const managerB = await makeMember(schoolB.id, 'MANAGER')
    asUser(await contextFor(managerB.user.id, schoolB.id))
    const svcB = await service('Their MIS')
    const serverB = await asset('Their server')
    const powerB = await asset('Their power')
    const spareB = await asset('Their spare')
    const oldB = await asset('Their old laptop')
    await needs(svcB, serverB)
    await dependsOn(serverB, powerB)
    expect((await archiveAssetAction(null, form({ id: oldB, version: 1 }))).ok).toBe(true)

    // School A has a service and an asset of its own, which must not be touched either.
    asUser(s.manager)
    const svcA = await service('Our MIS')
    const serverA = await asset('Our server')
    await needs(svcA, serverA)

    const before = [await snapshot(s.schoolId), await snapshot(schoolB.id)]
    expect(before[1]!.audit.length).toBeGreaterThan(0)

    const attempts = {
      updateAssetAction: () =>
        updateAssetAction(null, form({ id: serverB, version: 1, name: 'Hijacked', type: 'HARDWARE' })),
      archiveAssetAction: () => archiveAssetAction(null, form({ id: serverB, version: 1, confirm: 'yes' })),
      restoreAssetAction: () => restoreAssetAction(null, form({ id: oldB, version: 2 })),
      addDependencyAction: () => addDependencyAction(null, form({ assetId: spareB, dependsOnId: powerB })),
      removeDependencyAction: () =>
        removeDependencyAction(null, form({ assetId: serverB, dependsOnId: powerB })),
      linkServiceAssetAction: () =>
        linkServiceAssetAction(null, form({ serviceId: svcB, assetId: spareB, required: 'true' })),
      changeLinkAction: () => changeLinkAction(null, form({ serviceId: svcB, change: `remove:${serverB}` })),
      // One id of each school: neither half may be used to reach the other school.
      unlinkMixed: () => changeLinkAction(null, form({ serviceId: svcA, change: `remove:${serverB}` })),
      linkMixed: () => linkServiceAssetAction(null, form({ serviceId: svcB, assetId: serverA })),
    }
    for (const [name, attempt] of Object.entries(attempts)) {
      const r = await attempt()
      expect({ name, r }).toMatchObject({ name, r: { ok: false, reason: 'NOT_FOUND' } })
      // A refusal must not reveal anything about the record it could not find.
      if (!r.ok) expect(r.current).toBeUndefined()
    }
    expect([await snapshot(s.schoolId), await snapshot(schoolB.id)]).toEqual(before)
  })
})

describe('changes and their audit rows', () => {
  it('links a service to an asset and unlinks it, each with an audit row', async () => {
    const svc = await service('E-mail')
    const server = await asset('Mail server')

    const linked = await linkServiceAssetAction(
      null,
      form({ serviceId: svc, assetId: server, required: 'true' }),
    )
    expect(linked.ok).toBe(true)
    const link = await db.serviceAsset.findFirstOrThrow({ where: { schoolId: s.schoolId } })
    expect(link).toMatchObject({ serviceId: svc, assetId: server, required: true })
    if (linked.ok) expect(linked.data).toMatchObject({ id: link.id })
    expect(await auditFor(s.schoolId, 'ServiceAsset', link.id)).toMatchObject([
      {
        action: 'create',
        actorId: s.managerId,
        after: { service: 'E-mail', asset: 'Mail server', required: true },
      },
    ])

    const auditBefore = await db.auditEvent.count({ where: { schoolId: s.schoolId } })
    expect(await changeLinkAction(null, form({ serviceId: svc, change: `remove:${server}` }))).toMatchObject({
      ok: true,
      data: { id: link.id },
    })
    expect(await db.serviceAsset.count({ where: { schoolId: s.schoolId } })).toBe(0)
    expect(await db.auditEvent.count({ where: { schoolId: s.schoolId } })).toBe(auditBefore + 1)
    const rows = await auditFor(s.schoolId, 'ServiceAsset', link.id)
    expect(rows.map((e) => e.action)).toEqual(['create', 'delete'])
    expect(rows[1]).toMatchObject({
      actorId: s.managerId,
      before: { service: 'E-mail', asset: 'Mail server', required: true },
      after: null,
    })
    // Both the service and the asset are still there: only the link went.
    expect(await db.service.count({ where: { id: svc, archivedAt: null } })).toBe(1)
    expect(await db.asset.count({ where: { id: server, archivedAt: null } })).toBe(1)
  })

  it('adds and removes a dependency between assets, each with an audit row', async () => {
    const internet = await asset('Internet')
    const lan = await asset('LAN')

    const added = await addDependencyAction(null, form({ assetId: internet, dependsOnId: lan }))
    expect(added.ok).toBe(true)
    const edge = await db.assetDependency.findFirstOrThrow({ where: { schoolId: s.schoolId } })
    expect(edge).toMatchObject({ assetId: internet, dependsOnId: lan })
    expect(await auditFor(s.schoolId, 'AssetDependency', edge.id)).toMatchObject([
      { action: 'create', actorId: s.managerId, after: { asset: 'Internet', dependsOn: 'LAN' } },
    ])

    const auditBefore = await db.auditEvent.count({ where: { schoolId: s.schoolId } })
    expect(await removeDependencyAction(null, form({ assetId: internet, dependsOnId: lan }))).toMatchObject({
      ok: true,
      data: { id: edge.id },
    })
    expect(await db.assetDependency.count({ where: { schoolId: s.schoolId } })).toBe(0)
    expect(await db.auditEvent.count({ where: { schoolId: s.schoolId } })).toBe(auditBefore + 1)
    const rows = await auditFor(s.schoolId, 'AssetDependency', edge.id)
    expect(rows.map((e) => e.action)).toEqual(['create', 'delete'])
    expect(rows[1]).toMatchObject({
      actorId: s.managerId,
      before: { asset: 'Internet', dependsOn: 'LAN' },
    })
  })

  it('archives an asset nothing depends on without asking, then restores it, bumping the version each time', async () => {
    const id = await asset('Spare printer')

    expect(await archiveAssetAction(null, form({ id, version: 1 }))).toMatchObject({
      ok: true,
      data: { id, version: 2 },
    })
    const archived = await db.asset.findUniqueOrThrow({ where: { id } })
    expect(archived).toMatchObject({ version: 2, archivedAt: expect.any(Date) })

    expect(await restoreAssetAction(null, form({ id, version: 2 }))).toMatchObject({
      ok: true,
      data: { id, version: 3 },
    })
    expect(await db.asset.findUniqueOrThrow({ where: { id } })).toMatchObject({
      version: 3,
      archivedAt: null,
    })

    const rows = await auditFor(s.schoolId, 'Asset', id)
    expect(rows.map((e) => e.action)).toEqual(['create', 'archive', 'restore'])
    expect(rows[1]).toMatchObject({ actorId: s.managerId, before: { archivedAt: null } })
    expect(rows[2]).toMatchObject({
      actorId: s.managerId,
      before: { archivedAt: archived.archivedAt!.toISOString() },
    })
  })

  // Restoring runs the same one-live-asset-per-name rule as create and update.
  it('refuses to restore an asset whose name a live asset has taken meanwhile', async () => {
    const old = await asset('File server')
    expect((await archiveAssetAction(null, form({ id: old, version: 1 }))).ok).toBe(true)
    await asset('File server')
    const before = await snapshot(s.schoolId)

    const r = await restoreAssetAction(null, form({ id: old, version: 2 }))
    expect(r).toMatchObject({ ok: false })
    expect(await snapshot(s.schoolId)).toEqual(before)
  })
})

describe('archiving an asset others depend on', () => {
  it('names every service and asset that depends on it, changes nothing, and archives it once confirmed', async () => {
    const mis = await service('Management information system')
    const email = await service('E-mail')
    const switchId = await asset('Core switch')
    const wifi = await asset('Wi-Fi controller')
    await asset('Spare switch', { standbyAssetId: switchId })
    await needs(mis, switchId)
    await needs(email, switchId)
    await dependsOn(wifi, switchId)

    const before = await snapshot(s.schoolId)
    const r = await archiveAssetAction(null, form({ id: switchId, version: 1 }))
    expect(r).toMatchObject({ ok: false, reason: 'NEEDS_CONFIRMATION' })
    if (!r.ok) {
      expect(r.message).toContain('Core switch')
      expect(r.message).toContain('services that need it: E-mail, Management information system')
      expect(r.message).toContain('assets that depend on it: Wi-Fi controller')
      expect(r.message).toContain('it is the standby for: Spare switch')
    }
    expect(await snapshot(s.schoolId)).toEqual(before)

    expect(await archiveAssetAction(null, form({ id: switchId, version: 1, confirm: 'yes' }))).toMatchObject({
      ok: true,
      data: { version: 2 },
    })
    expect(await db.asset.findUniqueOrThrow({ where: { id: switchId } })).toMatchObject({
      version: 2,
      archivedAt: expect.any(Date),
    })
    // The links are kept, so restoring brings the asset back whole.
    expect(await db.serviceAsset.count({ where: { assetId: switchId } })).toBe(2)
    expect(await db.assetDependency.count({ where: { dependsOnId: switchId } })).toBe(1)
    expect((await auditFor(s.schoolId, 'Asset', switchId)).map((e) => e.action)).toEqual([
      'create',
      'archive',
    ])
  })
})

describe('single points of failure', () => {
  it('does not count an asset whose standby is another live asset, and counts it again once that standby is archived', async () => {
    const svc = await service('Management information system', 1)
    const spare = await asset('Spare MIS server')
    const server = await asset('MIS server', { standbyAssetId: spare })
    await needs(svc, server)

    expect(await spofs(s.schoolId)).toEqual([])

    // The standby protects another asset, so archiving it asks first.
    expect(await archiveAssetAction(null, form({ id: spare, version: 1 }))).toMatchObject({
      reason: 'NEEDS_CONFIRMATION',
    })
    expect(await spofs(s.schoolId)).toEqual([])
    expect((await archiveAssetAction(null, form({ id: spare, version: 1, confirm: 'yes' }))).ok).toBe(true)

    expect(await spofs(s.schoolId)).toEqual([{ assetId: server, serviceIds: [svc] }])
    // The stored standby is kept; it is the archiving that takes its protection away.
    expect((await db.asset.findUniqueOrThrow({ where: { id: server } })).standbyAssetId).toBe(spare)
  })

  it('does not count an asset needed only by criticality 3 and 4 services', async () => {
    const minor = await service('Printing', 3)
    const least = await service('Digital signage', 4)
    const server = await asset('Print server')
    const screen = await asset('Signage player')
    await needs(minor, server)
    await needs(least, server)
    await needs(least, screen)
    await dependsOn(server, screen)

    expect(await spofs(s.schoolId)).toEqual([])

    // The same asset becomes one as soon as a criticality 2 service needs it.
    const major = await service('Catering tills', 2)
    await needs(major, screen)
    expect(await spofs(s.schoolId)).toEqual([{ assetId: screen, serviceIds: [major] }])
  })

  it('counts an asset reached only through another asset', async () => {
    const svc = await service('Management information system', 1)
    const server = await asset('MIS server', { standbyArrangement: 'Hosted replica' })
    const power = await asset('Server room power')
    await needs(svc, server)
    await dependsOn(server, power)

    // The server has a standby, the power it needs has none: the power alone endangers the service.
    expect(await spofs(s.schoolId)).toEqual([{ assetId: power, serviceIds: [svc] }])
    expect(
      (await db.serviceAsset.findMany({ where: { schoolId: s.schoolId } })).map((n) => n.assetId),
    ).toEqual([server])
  })
})

describe('loops between assets', () => {
  it('refuses the link that would close a loop of three, naming the loop in order, and adds no row', async () => {
    const internet = await asset('Internet')
    const lan = await asset('LAN')
    const sw = await asset('Core switch')
    await dependsOn(internet, lan)
    await dependsOn(lan, sw)
    const before = await snapshot(s.schoolId)

    const r = await addDependencyAction(null, form({ assetId: sw, dependsOnId: internet }))
    expect(r).toMatchObject({
      ok: false,
      reason: 'INVALID',
      fieldErrors: { dependsOnId: [expect.stringContaining('Core switch → Internet → LAN → Core switch')] },
    })
    if (!r.ok) expect(r.message).toContain('Core switch → Internet → LAN → Core switch')
    expect(await snapshot(s.schoolId)).toEqual(before)
    expect(await db.assetDependency.count({ where: { schoolId: s.schoolId } })).toBe(2)
  })
})
