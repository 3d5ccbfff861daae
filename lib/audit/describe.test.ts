import { describe, expect, it } from 'vitest'
import {
  type AuditRow,
  describeAuditRow,
  entryView,
  groupByRecord,
  idsToResolve,
  type NameMap,
} from './describe'

const TZ = { timeZone: 'Europe/London' }
let n = 0
function row(over: Partial<AuditRow>): AuditRow {
  n += 1
  return {
    id: `ck_row_${n}`,
    at: new Date('2026-11-24T10:05:00Z'),
    entity: 'Service',
    entityId: 'ck_service_1',
    action: 'update',
    before: null,
    after: null,
    batchId: null,
    actor: { name: 'Priya Shah' },
    ...over,
  }
}

const MIS = 'Management information system (MIS)'

describe('describing an audit row', () => {
  it('says who changed which record, and each field from what to what, with labels and durations', () => {
    const e = describeAuditRow(
      row({
        before: { id: 'ck_service_1', name: MIS, criticality: 2, rtoMinutes: 240, version: 3, owner: 'Jo' },
        after: { id: 'ck_service_1', name: MIS, criticality: 1, rtoMinutes: 1440, version: 4, owner: 'Jo' },
      }),
      TZ,
    )
    expect(e.sentence).toBe(
      `Priya Shah changed the service ${MIS}: criticality from 2. High to 1. Vital; recovery time objective from 4 hours to 1 day`,
    )
    expect(e.who).toBe('Priya Shah')
    expect(e.changes).toEqual([
      { field: 'criticality', label: 'criticality', before: '2. High', after: '1. Vital' },
      { field: 'rtoMinutes', label: 'recovery time objective', before: '4 hours', after: '1 day' },
    ])
  })

  it("gives the time in the school's time zone, UK style", () => {
    // 23:30 UTC on 1 July is 00:30 on 2 July in London (summer time); the test runner is in Auckland.
    const e = describeAuditRow(row({ at: new Date('2026-07-01T23:30:00Z'), before: {}, after: {} }), TZ)
    expect(e.when).toBe('2 Jul 2026, 00:30')
  })

  it('shows a standby asset by its name, never its id, and says so when it is gone', () => {
    const names: NameMap = { Asset: new Map([['ck_asset_2', 'Spare MIS server']]) }
    const e = describeAuditRow(
      row({
        entity: 'Asset',
        entityId: 'ck_asset_1',
        before: { name: 'MIS server', standbyAssetId: null, standbyVerifiedAt: null },
        after: {
          name: 'MIS server',
          standbyAssetId: 'ck_asset_2',
          standbyVerifiedAt: '2026-11-20T12:00:00.000Z',
        },
      }),
      { ...TZ, names },
    )
    expect(e.sentence).toBe(
      'Priya Shah changed the asset MIS server: standby asset set to Spare MIS server; standby last verified set to 20 Nov 2026',
    )
    const gone = describeAuditRow(
      row({
        entity: 'Asset',
        entityId: 'ck_asset_1',
        before: { name: 'MIS server', standbyAssetId: 'ck_asset_9' },
        after: { name: 'MIS server', standbyAssetId: null },
      }),
      { ...TZ, names },
    )
    expect(gone.sentence).toBe(
      'Priya Shah changed the asset MIS server: standby asset cleared (was an asset no longer recorded)',
    )
    expect(JSON.stringify([e.sentence, e.changes, gone.sentence, gone.changes])).not.toMatch(/ck_/)
  })

  it('names long text without quoting it in the sentence, and gives it whole in the details', () => {
    const e = describeAuditRow(
      row({
        entity: 'Asset',
        before: { name: 'Router', specification: 'Old', type: 'HARDWARE' },
        after: { name: 'Router', specification: 'A long new specification', type: 'NETWORK' },
      }),
      TZ,
    )
    expect(e.sentence).toBe(
      'Priya Shah changed the asset Router: type from Hardware to Network link; specification edited',
    )
    expect(e.changes.find((c) => c.field === 'specification')).toMatchObject({
      before: 'Old',
      after: 'A long new specification',
    })
  })

  it('names the record of an archive from the names it resolved', () => {
    const names: NameMap = { Service: new Map([['ck_service_1', MIS]]) }
    const e = describeAuditRow(
      row({ action: 'archive', before: { archivedAt: null }, after: { archivedAt: '2026-11-24T10:05:00Z' } }),
      { ...TZ, names },
    )
    expect(e.sentence).toBe(`Priya Shah archived the service ${MIS}`)
    expect(e.changes).toEqual([])
  })

  it('reads booleans as words and links by the names of both ends', () => {
    const e = describeAuditRow(
      row({
        entity: 'ServiceAsset',
        action: 'update',
        before: { service: 'Email', asset: 'Internet link', required: true },
        after: { service: 'Email', asset: 'Internet link', required: false },
      }),
      TZ,
    )
    expect(e.sentence).toBe(
      'Priya Shah changed whether the service Email needs the asset Internet link: needed from required to optional',
    )
    const created = describeAuditRow(
      row({
        entity: 'ServiceAsset',
        action: 'create',
        after: { service: 'Email', asset: 'Internet link', required: true },
      }),
      TZ,
    )
    expect(created.sentence).toBe('Priya Shah recorded that the service Email needs the asset Internet link')
    const removed = describeAuditRow(
      row({
        entity: 'AssetDependency',
        action: 'delete',
        before: { asset: 'MIS', dependsOn: 'Internet link' },
      }),
      TZ,
    )
    expect(removed.sentence).toBe('Priya Shah recorded that the asset MIS no longer depends on Internet link')
  })

  it('reads role changes and people by name, with the role labels', () => {
    const names: NameMap = { Membership: new Map([['ck_m_1', 'Sam Jones']]) }
    const e = describeAuditRow(
      row({
        entity: 'Membership',
        entityId: 'ck_m_1',
        before: { email: 'sam@school.example', role: 'TEAM' },
        after: { email: 'sam@school.example', role: 'HEAD' },
      }),
      { ...TZ, names },
    )
    expect(e.sentence).toBe(
      'Priya Shah changed the role of Sam Jones from Recovery team member to Head teacher',
    )
    const added = describeAuditRow(
      row({
        entity: 'Membership',
        action: 'create',
        after: { email: 'a@b.c', name: 'Ann Lee', role: 'MANAGER' },
      }),
      TZ,
    )
    expect(added.sentence).toBe('Priya Shah added Ann Lee to the school as a service continuity manager')
  })

  it('reads invitations: sent by the manager, answered by the invited person', () => {
    const names: NameMap = { Invitation: new Map([['ck_i_1', 'Sam Jones']]) }
    const at = { entity: 'Invitation', entityId: 'ck_i_1' }
    const sent = describeAuditRow(
      row({
        ...at,
        action: 'create',
        after: { email: 'sam@school.example', name: 'Sam Jones', role: 'TEAM' },
      }),
      TZ,
    )
    expect(sent.sentence).toBe('Priya Shah invited Sam Jones to join the school as a recovery team member')
    const declined = describeAuditRow(
      row({ ...at, action: 'decline', actor: null, after: { email: 'sam@school.example', role: 'TEAM' } }),
      { ...TZ, names },
    )
    expect(declined.sentence).toBe('Sam Jones declined the invitation to join the school')
    const joined = describeAuditRow(
      row({
        entity: 'Membership',
        action: 'create',
        actor: { name: 'Sam Jones' },
        after: { email: 'sam@school.example', name: 'Sam Jones', role: 'TEAM' },
      }),
      TZ,
    )
    expect(joined.sentence).toBe('Sam Jones joined the school as a recovery team member')
  })

  it('lists the values a new record starts with, and reads impacts in words', () => {
    const e = describeAuditRow(
      row({
        action: 'create',
        after: {
          name: 'Wi-Fi',
          criticality: 3,
          rtoMinutes: 90,
          description: '',
          impacts: [
            { afterMinutes: 60, level: 'LOW', note: '' },
            { afterMinutes: 1440, level: 'HIGH', note: 'No registers' },
          ],
        },
      }),
      TZ,
    )
    expect(e.sentence).toBe('Priya Shah added the service Wi-Fi')
    expect(e.changes).toEqual([
      { field: 'criticality', label: 'criticality', after: '3. Medium' },
      { field: 'rtoMinutes', label: 'recovery time objective', after: '1 hour 30 minutes' },
      {
        field: 'impacts',
        label: 'impact of an outage',
        after: 'after 1 hour: low; after 1 day: high (No registers)',
      },
    ])
  })

  it('reads bulk changes as one sentence with their counts, old rows included', () => {
    const load = describeAuditRow(
      row({
        entity: 'Catalogue',
        action: 'load-starter',
        after: { services: 12, assets: 25, links: 30, dependencies: 8 },
      }),
      TZ,
    )
    expect(load.sentence).toBe(
      'Priya Shah loaded the starter catalogue: 12 services, 25 assets, 30 links, 8 dependencies',
    )
    // Written before this change: the names themselves rather than counts.
    const old = describeAuditRow(
      row({
        entity: 'Catalogue',
        action: 'load-starter',
        after: { services: ['A'], assets: ['B', 'C'], links: 1 },
      }),
      TZ,
    )
    expect(old.sentence).toBe('Priya Shah loaded the starter catalogue: 1 service, 2 assets, 1 link')
    const imp = describeAuditRow(
      row({ entity: 'Catalogue', action: 'import', after: { assets: 40, skipped: 2 } }),
      TZ,
    )
    expect(imp.sentence).toBe('Priya Shah imported 40 assets from a CSV file (2 rows with problems left out)')
    const one = describeAuditRow(
      row({ entity: 'Asset', action: 'import', after: { name: 'Laptop 7', type: 'HARDWARE' } }),
      TZ,
    )
    expect(one.says).toBe('imported the asset Laptop 7 from a CSV file')
  })

  it('says something safe for a row the vocabulary does not know, and for a person since removed', () => {
    const e = describeAuditRow(
      row({ entity: 'Widget', action: 'frobnicate', actor: null, after: { id: 'ck_x' } }),
      TZ,
    )
    expect(e.sentence).toBe('Someone no longer at the school made a change (frobnicate) to a record')
  })
})

describe('ids to resolve', () => {
  it('collects each row lacking a name and every id held by a field, by kind', () => {
    const ids = idsToResolve([
      row({ entity: 'Service', entityId: 's1', action: 'archive' }),
      row({ entity: 'Service', entityId: 's2', after: { name: 'Has a name' } }),
      row({
        entity: 'Asset',
        entityId: 'a1',
        before: { name: 'X', standbyAssetId: 'a2' },
        after: { standbyAssetId: 'a3' },
      }),
      row({ entity: 'Membership', entityId: 'm1', before: { email: 'x@y.z', role: 'TEAM' } }),
      row({ entity: 'Widget', entityId: 'w1' }),
    ])
    expect([...ids.Service]).toEqual(['s1'])
    expect([...ids.Asset].sort()).toEqual(['a2', 'a3'])
    expect([...ids.Membership]).toEqual(['m1'])
  })
})

describe('grouping per record', () => {
  it("keeps each record's changes together, newest record first", () => {
    const rows = [
      row({ entityId: 'b', after: { name: 'B' } }),
      row({ entityId: 'a', after: { name: 'A' } }),
      row({ entityId: 'b', after: { name: 'B' } }),
    ].map((r) => describeAuditRow(r, TZ))
    const groups = groupByRecord(rows)
    expect(groups.map((g) => [g.name, g.entries.length])).toEqual([
      ['B', 2],
      ['A', 1],
    ])
  })
})

describe('what the change list is sent', () => {
  it("sends a new record's starting values as the one line the list prints, and a change field by field", () => {
    const created = describeAuditRow(
      row({ action: 'create', after: { name: 'Wi-Fi', criticality: 3, rtoMinutes: 90 } }),
      TZ,
    )
    const view = entryView(created)
    expect(view.initial).toBe('Criticality: 3. Medium · Recovery time objective: 1 hour 30 minutes')
    expect(view.changes).toEqual([])
    expect(view).not.toHaveProperty('sentence')
    expect(view).not.toHaveProperty('entityId')

    const changed = describeAuditRow(
      row({ before: { name: MIS, criticality: 2 }, after: { name: MIS, criticality: 1 } }),
      TZ,
    )
    const changedView = entryView(changed)
    expect(changedView.initial).toBeUndefined()
    expect(changedView.changes).toEqual(changed.changes)
    expect(changedView).toMatchObject({ who: 'Priya Shah', says: changed.says, when: changed.when })
  })

  it("maps a bulk change's rows the same way", () => {
    const summary = describeAuditRow(row({ entity: 'Service', action: 'import', after: { count: 1 } }), TZ)
    const child = describeAuditRow(
      row({ action: 'create', after: { name: 'Wi-Fi', criticality: 3 }, batchId: summary.id }),
      TZ,
    )
    const view = entryView({ ...summary, batch: { rows: [child], total: 4 } })
    expect(view.batch?.total).toBe(4)
    expect(view.batch?.rows[0]?.initial).toBe('Criticality: 3. Medium')
  })
})
