import { beforeEach, describe, expect, it } from 'vitest'
import {
  addDependencyAction,
  archiveAssetAction,
  createAssetAction,
  removeDependencyAction,
  updateAssetAction,
} from '@/lib/assets/actions'
import { singlePointsOfFailure } from '@/lib/catalogue/graph'
import { db } from '@/lib/db'
import { getCatalogueSummary, loadGraph } from '@/lib/dependencies/queries'
import {
  archiveServiceAction,
  createServiceAction,
  linkServiceAssetAction,
  updateServiceAction,
} from '@/lib/services/actions'
import { createTestAsset as asset, catalogueSnapshot as snapshot } from '../support/catalogue'
import { contextFor, form, makeAsset, makeMember, makeSchool, makeService } from '../support/factories'
import { asUser } from '../support/session'

const SERVICE = {
  name: 'Management information system',
  criticality: 1,
  rtoValue: 4,
  rtoUnit: 'hours',
  rpoValue: 1,
  rpoUnit: 'days',
  maxOutageValue: 1,
  maxOutageUnit: 'days',
  impact60Level: 'MEDIUM',
  impact60Note: 'Registers on paper',
}

let s: { schoolId: string; otherSchoolId: string; teamCtx: Awaited<ReturnType<typeof contextFor>> }
beforeEach(async () => {
  const school = await makeSchool()
  const other = await makeSchool()
  const manager = await makeMember(school.id, 'MANAGER')
  const team = await makeMember(school.id, 'TEAM')
  asUser(await contextFor(manager.user.id, school.id))
  s = { schoolId: school.id, otherSchoolId: other.id, teamCtx: await contextFor(team.user.id, school.id) }
})

describe('services', () => {
  it('stores the business impact analysis in minutes, with an audit row', async () => {
    const r = await createServiceAction(null, form(SERVICE))
    expect(r.ok).toBe(true)
    const stored = await db.service.findFirstOrThrow({ where: { schoolId: s.schoolId } })
    expect(stored).toMatchObject({
      rtoMinutes: 240,
      rpoMinutes: 1440,
      maxOutageMinutes: 1440,
      criticality: 1,
      version: 1,
    })
    expect(stored.impacts).toEqual([
      { afterMinutes: 60, level: 'MEDIUM', note: 'Registers on paper' },
      { afterMinutes: 1440, level: 'NONE', note: '' },
      { afterMinutes: 10080, level: 'NONE', note: '' },
    ])
    expect(
      await db.auditEvent.count({ where: { schoolId: s.schoolId, entity: 'Service', action: 'create' } }),
    ).toBe(1)
  })

  it('refuses an RTO longer than the maximum tolerable outage, beside the field, keeping the typing', async () => {
    const before = await snapshot(s.schoolId)
    const r = await createServiceAction(null, form({ ...SERVICE, rtoValue: 2, rtoUnit: 'days' }))
    expect(r).toMatchObject({
      ok: false,
      reason: 'INVALID',
      fieldErrors: { rtoValue: [expect.stringMatching(/maximum tolerable outage/)] },
    })
    if (!r.ok) expect(r.values).toMatchObject({ name: SERVICE.name, rtoValue: '2' })
    expect(await snapshot(s.schoolId)).toEqual(before)
  })

  it('detects a concurrent edit and overwrites nothing', async () => {
    await createServiceAction(null, form(SERVICE))
    const svc = await db.service.findFirstOrThrow({ where: { schoolId: s.schoolId } })
    const first = await updateServiceAction(
      null,
      form({ ...SERVICE, id: svc.id, version: 1, owner: 'Office manager' }),
    )
    expect(first).toMatchObject({ ok: true, data: { version: 2 } })
    const before = await snapshot(s.schoolId)
    const second = await updateServiceAction(
      null,
      form({ ...SERVICE, id: svc.id, version: 1, owner: 'Someone else' }),
    )
    expect(second).toMatchObject({
      ok: false,
      reason: 'STALE',
      current: { owner: 'Office manager', version: 2 },
    })
    expect(await snapshot(s.schoolId)).toEqual(before)
  })

  it('answers not-found for another school’s service and for a team member, changing nothing', async () => {
    const otherSvc = await makeService(s.otherSchoolId, { name: 'Theirs', maxOutageMinutes: 60 })
    const before = [await snapshot(s.schoolId), await snapshot(s.otherSchoolId)]
    expect(await updateServiceAction(null, form({ ...SERVICE, id: otherSvc.id, version: 1 }))).toMatchObject({
      reason: 'NOT_FOUND',
    })
    expect(await archiveServiceAction(null, form({ id: otherSvc.id, version: 1 }))).toMatchObject({
      reason: 'NOT_FOUND',
    })
    asUser(s.teamCtx)
    expect(await createServiceAction(null, form(SERVICE))).toMatchObject({ reason: 'NOT_FOUND' })
    expect([await snapshot(s.schoolId), await snapshot(s.otherSchoolId)]).toEqual(before)
  })
})

describe('assets, links and single points of failure', () => {
  it('refuses a dependency that would make a loop, naming it, and writes nothing', async () => {
    const internet = await asset('Internet')
    const lan = await asset('LAN')
    const sw = await asset('Core switch')
    expect((await addDependencyAction(null, form({ assetId: internet, dependsOnId: lan }))).ok).toBe(true)
    expect((await addDependencyAction(null, form({ assetId: lan, dependsOnId: sw }))).ok).toBe(true)
    const before = await snapshot(s.schoolId)
    const r = await addDependencyAction(null, form({ assetId: sw, dependsOnId: internet }))
    expect(r).toMatchObject({ ok: false, reason: 'INVALID' })
    if (!r.ok) expect(r.message).toContain('Core switch → Internet → LAN → Core switch')
    const self = await addDependencyAction(null, form({ assetId: lan, dependsOnId: lan }))
    expect(self).toMatchObject({ ok: false, reason: 'INVALID' })
    expect(await snapshot(s.schoolId)).toEqual(before)
  })

  it('finds a single point of failure through another asset, and loses it when a standby is added', async () => {
    await createServiceAction(null, form(SERVICE))
    const svc = await db.service.findFirstOrThrow({ where: { schoolId: s.schoolId } })
    const server = await asset('MIS server')
    const power = await asset('Server room power')
    await linkServiceAssetAction(null, form({ serviceId: svc.id, assetId: server, required: 'true' }))
    await addDependencyAction(null, form({ assetId: server, dependsOnId: power }))
    const spofs = async () => {
      const g = await loadGraph(s.schoolId)
      return singlePointsOfFailure(g.services, g.assets, g.needs, g.edges)
        .map((p) => p.assetId)
        .sort()
    }
    expect(await spofs()).toEqual([server, power].sort())
    const a = await db.asset.findUniqueOrThrow({ where: { id: power } })
    const r = await updateAssetAction(
      null,
      form({
        id: power,
        version: a.version,
        name: 'Server room power',
        type: 'HARDWARE',
        standbyArrangement: 'UPS, 30 minutes',
      }),
    )
    expect(r.ok).toBe(true)
    expect(await spofs()).toEqual([server])
  })

  it('marks the specification change that makes a standby need re-checking', async () => {
    const id = await asset('File server', {
      specification: '16 GB RAM',
      standbyArrangement: 'Reserved server at supplier',
    })
    const first = await db.asset.findUniqueOrThrow({ where: { id } })
    await updateAssetAction(
      null,
      form({
        id,
        version: 1,
        name: 'File server',
        type: 'HARDWARE',
        specification: '16 GB RAM',
        standbyArrangement: 'Reserved server at supplier',
      }),
    )
    expect(first.specificationChangedAt).toBeNull()
    const same = await db.asset.findUniqueOrThrow({ where: { id } })
    expect(same.specificationChangedAt).toBeNull()
    await updateAssetAction(
      null,
      form({
        id,
        version: 2,
        name: 'File server',
        type: 'HARDWARE',
        specification: '64 GB RAM',
        standbyArrangement: 'Reserved server at supplier',
      }),
    )
    const changed = await db.asset.findUniqueOrThrow({ where: { id } })
    expect(changed.specificationChangedAt).not.toBeNull()
    expect(changed.specificationChangedAt!.getTime()).toBeGreaterThan(same.updatedAt.getTime() - 1)
  })

  it('says what depends on an asset before archiving it', async () => {
    await createServiceAction(null, form(SERVICE))
    const svc = await db.service.findFirstOrThrow({ where: { schoolId: s.schoolId } })
    const server = await asset('MIS server')
    await linkServiceAssetAction(null, form({ serviceId: svc.id, assetId: server, required: 'true' }))
    const before = await snapshot(s.schoolId)
    const r = await archiveAssetAction(null, form({ id: server, version: 1 }))
    expect(r).toMatchObject({ ok: false, reason: 'NEEDS_CONFIRMATION' })
    if (!r.ok) expect(r.message).toContain(SERVICE.name)
    expect(await snapshot(s.schoolId)).toEqual(before)
    expect((await archiveAssetAction(null, form({ id: server, version: 1, confirm: 'yes' }))).ok).toBe(true)
    expect((await db.asset.findUniqueOrThrow({ where: { id: server } })).archivedAt).not.toBeNull()
  })

  it('refuses links to another school’s assets', async () => {
    await createServiceAction(null, form(SERVICE))
    const svc = await db.service.findFirstOrThrow({ where: { schoolId: s.schoolId } })
    const theirs = await makeAsset(s.otherSchoolId, { name: 'Theirs' })
    const mine = await asset('Mine')
    const before = await snapshot(s.schoolId)
    expect(await linkServiceAssetAction(null, form({ serviceId: svc.id, assetId: theirs.id }))).toMatchObject(
      { reason: 'NOT_FOUND' },
    )
    expect(await addDependencyAction(null, form({ assetId: mine, dependsOnId: theirs.id }))).toMatchObject({
      reason: 'NOT_FOUND',
    })
    expect(await removeDependencyAction(null, form({ assetId: mine, dependsOnId: theirs.id }))).toMatchObject(
      { reason: 'NOT_FOUND' },
    )
    expect(await snapshot(s.schoolId)).toEqual(before)
  })
})

describe('archiving a service, names and standbys', () => {
  async function serviceNeeding(...assetIds: string[]) {
    const r = await createServiceAction(null, form(SERVICE))
    if (!r.ok) throw new Error(r.message)
    for (const assetId of assetIds)
      await linkServiceAssetAction(null, form({ serviceId: r.data.id, assetId, required: 'true' }))
    return r.data.id
  }

  it('says what a service needs before archiving it, then archives it when confirmed, keeping its links', async () => {
    const server = await asset('MIS server')
    const shared = await asset('Staff laptops')
    const id = await serviceNeeding(server, shared)
    const other = await createServiceAction(null, form({ ...SERVICE, name: 'E-mail' }))
    if (!other.ok) throw new Error(other.message)
    await linkServiceAssetAction(null, form({ serviceId: other.data.id, assetId: shared, required: 'true' }))

    const before = await snapshot(s.schoolId)
    const r = await archiveServiceAction(null, form({ id, version: 1 }))
    expect(r).toMatchObject({ ok: false, reason: 'NEEDS_CONFIRMATION' })
    if (!r.ok) {
      expect(r.message).toContain('needs MIS server, Staff laptops')
      // Only the server is needed by no other service.
      expect(r.message).toContain('no other service needs MIS server.')
    }
    expect(await snapshot(s.schoolId)).toEqual(before)

    const done = await archiveServiceAction(null, form({ id, version: 1, confirm: 'yes' }))
    expect(done).toMatchObject({ ok: true, data: { version: 2 } })
    const stored = await db.service.findUniqueOrThrow({ where: { id } })
    expect(stored.archivedAt).not.toBeNull()
    expect(await db.serviceAsset.count({ where: { serviceId: id } })).toBe(2)
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { schoolId: s.schoolId, entity: 'Service', entityId: id, action: 'archive' },
    })
    expect(audit.after).toEqual({ name: stored.name, archivedAt: stored.archivedAt!.toISOString() })
  })

  it('archives a service that needs nothing without asking, and refuses new links to an archived one', async () => {
    const id = await serviceNeeding()
    expect(await archiveServiceAction(null, form({ id, version: 1 }))).toMatchObject({ ok: true })
    const lone = await asset('Spare printer')
    const before = await snapshot(s.schoolId)
    expect(await linkServiceAssetAction(null, form({ serviceId: id, assetId: lone }))).toMatchObject({
      ok: false,
      reason: 'CONFLICT',
    })
    expect(await snapshot(s.schoolId)).toEqual(before)
  })

  it('refuses a second live asset with the same name, beside the name field', async () => {
    const first = await asset('File server')
    const before = await snapshot(s.schoolId)
    const r = await createAssetAction(null, form({ name: 'FILE SERVER ', type: 'HARDWARE' }))
    expect(r).toMatchObject({
      ok: false,
      reason: 'INVALID',
      fieldErrors: { name: [expect.stringMatching(/already in the register/)] },
    })
    const other = await asset('Print server')
    const before2 = await snapshot(s.schoolId)
    expect(
      await updateAssetAction(null, form({ id: other, version: 1, name: 'file server', type: 'HARDWARE' })),
    ).toMatchObject({ ok: false, reason: 'INVALID' })
    expect(await snapshot(s.schoolId)).toEqual(before2)
    expect(before.assets.map((a) => a.id)).toEqual([first])
    // Renaming an asset to its own name with different capitals is fine.
    expect(
      await updateAssetAction(null, form({ id: first, version: 1, name: 'File Server', type: 'HARDWARE' })),
    ).toMatchObject({ ok: true })
  })

  it('does not flag a new asset’s standby as drifted, and keeps an archived standby when other fields change', async () => {
    const spare = await asset('Spare server')
    const today = new Date().toISOString().slice(0, 10)
    const main = await asset('Main server', {
      specification: '64 GB',
      standbyAssetId: spare,
      standbyVerifiedAt: '2026-01-05',
    })
    const summary = await getCatalogueSummary(s.schoolId, 'Europe/London')
    expect(summary.standbysToCheck).toBe(0)
    await archiveAssetAction(null, form({ id: spare, version: 1, confirm: 'yes' }))
    const r = await updateAssetAction(
      null,
      form({
        id: main,
        version: 1,
        name: 'Main server',
        type: 'HARDWARE',
        specification: '128 GB',
        standbyAssetId: spare,
        standbyVerifiedAt: '2026-01-05',
      }),
    )
    expect(r).toMatchObject({ ok: true })
    const stored = await db.asset.findUniqueOrThrow({ where: { id: main } })
    expect(stored.standbyAssetId).toBe(spare)
    // Choosing an archived asset as a new standby is still refused.
    const third = await asset('Third server')
    expect(
      await updateAssetAction(
        null,
        form({ id: third, version: 1, name: 'Third server', type: 'HARDWARE', standbyAssetId: spare }),
      ),
    ).toMatchObject({ ok: false, reason: 'INVALID' })
    // The archived standby protects nothing, and the changed specification now needs a check.
    const g = await loadGraph(s.schoolId)
    expect(g.assets.find((a) => a.id === main)?.hasStandby).toBe(false)
    expect(stored.specificationChangedAt?.toISOString().slice(0, 10)).toBe(today)
  })
})
