import { beforeEach, describe, expect, it, vi } from 'vitest'
import {
  addDependencyAction,
  archiveAssetAction,
  createAssetAction,
  removeDependencyAction,
  updateAssetAction,
} from '@/lib/assets/actions'
import { singlePointsOfFailure } from '@/lib/catalogue/graph'
import { db } from '@/lib/db'
import { loadGraph } from '@/lib/dependencies/queries'
import {
  archiveServiceAction,
  createServiceAction,
  linkServiceAssetAction,
  updateServiceAction,
} from '@/lib/services/actions'
import { contextFor, form, makeMember, makeSchool } from '../support/factories'
import { asUser } from '../support/session'

vi.mock('@/lib/auth/context', () => import('../support/mock-context'))
vi.mock('next/cache', () => import('../support/mock-next'))
vi.mock('next/headers', () => import('../support/mock-next'))

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

async function snapshot(schoolId: string) {
  const [services, assets, needs, edges, audit] = await Promise.all([
    db.service.findMany({ where: { schoolId }, orderBy: { id: 'asc' } }),
    db.asset.findMany({ where: { schoolId }, orderBy: { id: 'asc' } }),
    db.serviceAsset.findMany({ where: { schoolId }, orderBy: { id: 'asc' } }),
    db.assetDependency.findMany({ where: { schoolId }, orderBy: { id: 'asc' } }),
    db.auditEvent.count({ where: { schoolId } }),
  ])
  return { services, assets, needs, edges, audit }
}

async function asset(name: string, extra: Record<string, string> = {}) {
  const r = await createAssetAction(null, form({ name, type: 'HARDWARE', ...extra }))
  if (!r.ok) throw new Error(r.message)
  return r.data.id
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
    const otherSvc = await db.service.create({
      data: {
        schoolId: s.otherSchoolId,
        name: 'Theirs',
        criticality: 1,
        rtoMinutes: 60,
        rpoMinutes: 60,
        maxOutageMinutes: 60,
      },
    })
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
    const same = await db.asset.findUniqueOrThrow({ where: { id } })
    expect(same.specificationChangedAt).toEqual(first.specificationChangedAt)
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
    expect(changed.specificationChangedAt!.getTime()).toBeGreaterThan(first.specificationChangedAt!.getTime())
  })

  it('says what depends on an asset before archiving it', async () => {
    await createServiceAction(null, form(SERVICE))
    const svc = await db.service.findFirstOrThrow({ where: { schoolId: s.schoolId } })
    const server = await asset('MIS server')
    await linkServiceAssetAction(null, form({ serviceId: svc.id, assetId: server, required: 'true' }))
    const before = await snapshot(s.schoolId)
    const r = await archiveAssetAction(null, form({ id: server, version: 1 }))
    expect(r).toMatchObject({ ok: false, reason: 'CONFLICT' })
    if (!r.ok) expect(r.message).toContain(SERVICE.name)
    expect(await snapshot(s.schoolId)).toEqual(before)
    expect((await archiveAssetAction(null, form({ id: server, version: 1, confirm: 'yes' }))).ok).toBe(true)
    expect((await db.asset.findUniqueOrThrow({ where: { id: server } })).archivedAt).not.toBeNull()
  })

  it('refuses links to another school’s assets', async () => {
    await createServiceAction(null, form(SERVICE))
    const svc = await db.service.findFirstOrThrow({ where: { schoolId: s.schoolId } })
    const theirs = await db.asset.create({
      data: { schoolId: s.otherSchoolId, name: 'Theirs', type: 'HARDWARE' },
    })
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
