/*
 * The test factories stay honest: the form factories send every field the schemas read and pass them,
 * the record factories store what they say, and the whole-database snapshot sees every table.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createAssetAction, updateAssetAction } from '@/lib/assets/actions'
import { createAssetSchema } from '@/lib/assets/schema'
import { db } from '@/lib/db'
import { createServiceAction, updateServiceAction } from '@/lib/services/actions'
import { createServiceSchema } from '@/lib/services/schema'
import {
  ASSET_FIELDS,
  assetForm,
  contextFor,
  makeAsset,
  makeMember,
  makeSchool,
  makeService,
  SERVICE_FIELDS,
  serviceForm,
} from '../support/factories'
import { asUser } from '../support/session'
import { databaseSnapshot } from '../support/snapshot'

const fieldsOf = (schema: z.ZodType) =>
  Object.keys(
    (z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { properties?: object }).properties ??
      {},
  ).sort()

let schoolId: string
beforeEach(async () => {
  schoolId = (await makeSchool()).id
  asUser(await contextFor((await makeMember(schoolId, 'MANAGER')).user.id, schoolId))
})

describe('form factories', () => {
  it('send every field of the service and asset schemas', () => {
    expect(Object.keys(SERVICE_FIELDS).sort()).toEqual(fieldsOf(createServiceSchema))
    expect(Object.keys(ASSET_FIELDS).sort()).toEqual(fieldsOf(createAssetSchema))
  })

  it('make a service that the create and update actions accept, every field stored', async () => {
    const r = await createServiceAction(null, serviceForm())
    expect(r).toMatchObject({ ok: true })
    if (!r.ok) return
    expect(await db.service.findUniqueOrThrow({ where: { id: r.data.id } })).toMatchObject({
      schoolId,
      name: SERVICE_FIELDS.name,
      description: SERVICE_FIELDS.description,
      owner: SERVICE_FIELDS.owner,
      usersAffected: SERVICE_FIELDS.usersAffected,
      minServiceLevel: SERVICE_FIELDS.minServiceLevel,
      criticality: 1,
      rtoMinutes: 240,
      rpoMinutes: 1440,
      maxOutageMinutes: 1440,
      impacts: [
        { afterMinutes: 60, level: 'MEDIUM', note: SERVICE_FIELDS.impact60Note },
        { afterMinutes: 1440, level: 'HIGH', note: SERVICE_FIELDS.impact1440Note },
        { afterMinutes: 10080, level: 'SEVERE', note: SERVICE_FIELDS.impact10080Note },
      ],
    })
    const u = await updateServiceAction(
      null,
      serviceForm({ id: r.data.id, version: 1, owner: 'Data manager' }),
    )
    expect(u).toMatchObject({ ok: true, data: { version: 2 } })
  })

  it('make an asset that the create and update actions accept, every field stored', async () => {
    const spare = await makeAsset(schoolId, { name: 'Spare server' })
    const r = await createAssetAction(null, assetForm({ standbyAssetId: spare.id }))
    expect(r).toMatchObject({ ok: true })
    if (!r.ok) return
    expect(await db.asset.findUniqueOrThrow({ where: { id: r.data.id } })).toMatchObject({
      schoolId,
      name: ASSET_FIELDS.name,
      type: 'HARDWARE',
      location: ASSET_FIELDS.location,
      specification: ASSET_FIELDS.specification,
      supplier: ASSET_FIELDS.supplier,
      contractRef: ASSET_FIELDS.contractRef,
      standbyAssetId: spare.id,
      standbyArrangement: ASSET_FIELDS.standbyArrangement,
      standbyVerifiedAt: new Date(`${ASSET_FIELDS.standbyVerifiedAt}T12:00:00Z`),
    })
    const u = await updateAssetAction(null, assetForm({ id: r.data.id, version: 1, location: 'Office' }))
    expect(u).toMatchObject({ ok: true })
  })
})

describe('record factories', () => {
  it('store a service and an asset in the school, with overrides', async () => {
    const s = await makeService(schoolId, { name: 'Payroll', criticality: 2 })
    const a = await makeAsset(schoolId, { type: 'SOFTWARE' })
    expect(await db.service.findUniqueOrThrow({ where: { id: s.id } })).toMatchObject({
      schoolId,
      name: 'Payroll',
      criticality: 2,
      version: 1,
      archivedAt: null,
    })
    expect(await db.asset.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({
      schoolId,
      type: 'SOFTWARE',
      version: 1,
    })
  })
})

describe('database snapshot', () => {
  it('holds every table and sees any change', async () => {
    const before = await databaseSnapshot()
    for (const table of [
      'School',
      'User',
      'Membership',
      'Service',
      'Asset',
      'AuditEvent',
      'Session',
      'Invitation',
    ])
      expect(before).toHaveProperty(table)
    await makeAsset(schoolId)
    const added = await databaseSnapshot()
    expect(added).not.toEqual(before)
    await db.membership.updateMany({ where: { schoolId }, data: { role: 'TEAM' } })
    expect(await databaseSnapshot()).not.toEqual(added)
  })
})
