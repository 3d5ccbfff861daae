/*
 * The shared write path and form kit, proved on what is stored: creates redirect to the new record,
 * duplicate service names are refused, a link's required/optional names its version, a stale save is
 * refused with the stored record (and nothing overwritten), control characters in any text field are
 * refused beside the field, and a refused request never echoes a password.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createAssetAction, updateAssetAction } from '@/lib/assets/actions'
import { runSchoolAction } from '@/lib/auth/run-action'
import type { SchoolContext } from '@/lib/auth/school-context'
import { db } from '@/lib/db'
import {
  archiveServiceAction,
  changeLinkAction,
  createServiceAction,
  linkServiceAssetAction,
  restoreServiceAction,
  updateServiceAction,
} from '@/lib/services/actions'
import { CONTROL_CHARACTER_MESSAGE, text } from '@/lib/validation/text'
import { createTestAsset as asset, catalogueSnapshot as snapshot } from '../support/catalogue'
import { contextFor, form, makeMember, makeSchool } from '../support/factories'
import { lastRedirect } from '../support/mock-navigation'
import { asUser } from '../support/session'

const SERVICE = {
  name: 'Cashless catering',
  description: 'Tills in the dining hall',
  owner: 'School business manager',
  usersAffected: 'Pupils, kitchen',
  criticality: 3,
  rtoValue: 2,
  rtoUnit: 'days',
  rpoValue: 4,
  rpoUnit: 'hours',
  maxOutageValue: 1,
  maxOutageUnit: 'weeks',
  minServiceLevel: 'Paper tally sheets',
  impact60Level: 'LOW',
  impact60Note: 'Queues',
  impact1440Level: 'MEDIUM',
  impact1440Note: 'Cash only',
  impact10080Level: 'HIGH',
  impact10080Note: 'Debts pile up',
}

let s: SchoolContext

beforeEach(async () => {
  const school = await makeSchool()
  const { user } = await makeMember(school.id, 'MANAGER')
  s = await contextFor(user.id, school.id)
  asUser(s)
})

async function service(fields: Record<string, string | number> = {}) {
  const r = await createServiceAction(null, form({ ...SERVICE, ...fields }))
  if (!r.ok) throw new Error(r.message)
  return r.data.id
}

describe('creating opens the new record', () => {
  it('redirects to the service page with a "created" flag, from the server', async () => {
    const id = await service()
    expect(lastRedirect()).toBe(`/services/${id}?saved=created`)
    const r = await createAssetAction(null, form({ name: 'Tills', type: 'HARDWARE' }))
    expect(r.ok && lastRedirect()).toBe(`/assets/${r.ok ? r.data.id : ''}?saved=created`)
  })
})

describe('service names', () => {
  it('refuses a second live service with the same name, beside the name field, and stores nothing', async () => {
    await service()
    const before = await snapshot(s.schoolId)
    const r = await createServiceAction(null, form({ ...SERVICE, name: '  cashless CATERING ' }))
    expect(r).toMatchObject({ ok: false, reason: 'CONFLICT' })
    if (!r.ok) expect(r.fieldErrors?.name?.[0]).toMatch(/already a service called "Cashless catering"/)
    expect(await snapshot(s.schoolId)).toEqual(before)
  })
  it('refuses renaming onto another live service, and restoring onto a name now taken', async () => {
    const first = await service()
    const second = await service({ name: 'E-mail' })
    const renamed = await updateServiceAction(null, form({ ...SERVICE, id: second, version: 1 }))
    expect(renamed).toMatchObject({ ok: false, reason: 'CONFLICT' })
    expect((await db.service.findUniqueOrThrow({ where: { id: second } })).name).toBe('E-mail')
    // Archived, its name is free; restoring it while another holds the name is refused.
    expect((await archiveServiceAction(null, form({ id: first, version: 1 }))).ok).toBe(true)
    expect((await updateServiceAction(null, form({ ...SERVICE, id: second, version: 1 }))).ok).toBe(true)
    const back = await restoreServiceAction(null, form({ id: first, version: 2 }))
    expect(back).toMatchObject({ ok: false, reason: 'CONFLICT' })
    expect((await db.service.findUniqueOrThrow({ where: { id: first } })).archivedAt).not.toBeNull()
  })
})

describe('a stale save', () => {
  it('is refused with the record as stored, overwriting nothing, and then saves against their version', async () => {
    const id = await service()
    // Someone else changes the RTO first.
    expect((await updateServiceAction(null, form({ ...SERVICE, id, version: 1, rtoValue: 1 }))).ok).toBe(true)
    const before = await snapshot(s.schoolId)
    const mine = await updateServiceAction(null, form({ ...SERVICE, id, version: 1, name: 'Catering tills' }))
    expect(mine).toMatchObject({ ok: false, reason: 'STALE' })
    if (!mine.ok) {
      expect(mine.current).toMatchObject({ version: 2, rtoMinutes: 1440, name: 'Cashless catering' })
      expect(mine.values?.name).toBe('Catering tills')
    }
    expect(await snapshot(s.schoolId)).toEqual(before)
    // The merged form posts their RTO with this person's name, against version 2.
    const merged = await updateServiceAction(
      null,
      form({ ...SERVICE, id, version: 2, rtoValue: 1, name: 'Catering tills' }),
    )
    expect(merged).toMatchObject({ ok: true, data: { version: 3 } })
    expect(await db.service.findUniqueOrThrow({ where: { id } })).toMatchObject({
      name: 'Catering tills',
      rtoMinutes: 1440,
    })
  })
  it('of an asset answers STALE with the stored asset', async () => {
    const id = await asset('Till server')
    expect(
      (await updateAssetAction(null, form({ id, version: 1, name: 'Till server', type: 'SOFTWARE' }))).ok,
    ).toBe(true)
    const r = await updateAssetAction(null, form({ id, version: 1, name: 'Till PC', type: 'HARDWARE' }))
    expect(r).toMatchObject({ ok: false, reason: 'STALE', current: { version: 2, type: 'SOFTWARE' } })
  })
})

describe("a link's required or optional", () => {
  it('is never flipped by adding the link again, and changes only by naming its version', async () => {
    const id = await service()
    const tills = await asset('Tills')
    expect(
      (await linkServiceAssetAction(null, form({ serviceId: id, assetId: tills, required: 'true' }))).ok,
    ).toBe(true)
    const before = await snapshot(s.schoolId)
    const again = await linkServiceAssetAction(
      null,
      form({ serviceId: id, assetId: tills, required: 'false' }),
    )
    expect(again).toMatchObject({ ok: false, reason: 'CONFLICT' })
    expect(await snapshot(s.schoolId)).toEqual(before)

    const flip = await changeLinkAction(null, form({ serviceId: id, change: `required:${tills}:1:false` }))
    expect(flip).toMatchObject({ ok: true, data: { version: 2 } })
    const stale = await changeLinkAction(null, form({ serviceId: id, change: `required:${tills}:1:true` }))
    expect(stale).toMatchObject({ ok: false, reason: 'STALE' })
    const link = await db.serviceAsset.findFirstOrThrow({ where: { serviceId: id, assetId: tills } })
    expect(link).toMatchObject({ required: false, version: 2 })
    const audit = await db.auditEvent.findMany({ where: { entity: 'ServiceAsset', entityId: link.id } })
    expect(audit.map((a) => a.action).sort()).toEqual(['create', 'update'])
  })
})

describe("the dependency list's one form", () => {
  it('makes a link optional by the version shown, refuses an old version, removes a link, and refuses nonsense', async () => {
    const id = await service()
    const tills = await asset('Tills')
    const cards = await asset('Card readers')
    for (const assetId of [tills, cards])
      expect(
        (await linkServiceAssetAction(null, form({ serviceId: id, assetId, required: 'true' }))).ok,
      ).toBe(true)

    const flip = await changeLinkAction(null, form({ serviceId: id, change: `required:${tills}:1:false` }))
    expect(flip).toMatchObject({ ok: true, data: { version: 2 } })
    const stale = await changeLinkAction(null, form({ serviceId: id, change: `required:${tills}:1:true` }))
    expect(stale).toMatchObject({ ok: false, reason: 'STALE' })
    expect(
      await db.serviceAsset.findFirstOrThrow({ where: { serviceId: id, assetId: tills } }),
    ).toMatchObject({
      required: false,
      version: 2,
    })

    const before = await snapshot(s.schoolId)
    for (const change of [
      `drop:${cards}`,
      `required:${cards}:x:true`,
      `required:${cards}:1:maybe`,
      'remove:',
      `remove:${cards}:1`,
    ]) {
      const r = await changeLinkAction(null, form({ serviceId: id, change }))
      expect(r).toMatchObject({ ok: false, reason: 'INVALID' })
      if (!r.ok) expect(r.fieldErrors?.change).toEqual(['Choose a change from the list.'])
    }
    expect(await snapshot(s.schoolId)).toEqual(before)

    expect(await changeLinkAction(null, form({ serviceId: id, change: `remove:${cards}` }))).toMatchObject({
      ok: true,
    })
    expect(await db.serviceAsset.count({ where: { serviceId: id, assetId: cards } })).toBe(0)
    const audit = await db.auditEvent.findMany({
      where: { schoolId: s.schoolId, entity: 'ServiceAsset', action: 'delete' },
    })
    expect(audit).toHaveLength(1)
  })
})

describe('bad input', () => {
  it('refuses a NUL or other control character in any text field beside that field, storing nothing', async () => {
    const id = await service()
    const before = await snapshot(s.schoolId)
    for (const [field, value] of [
      ['name', 'Tills\u0000'],
      ['owner', 'Bursar\u001b'],
      ['impact60Note', 'Queues\u0000'],
      ['description', 'Line\u0000'],
    ] as const) {
      const r = await updateServiceAction(null, form({ ...SERVICE, id, version: 1, [field]: value }))
      expect(r).toMatchObject({ ok: false, reason: 'INVALID' })
      if (!r.ok) expect(r.fieldErrors?.[field]).toEqual([CONTROL_CHARACTER_MESSAGE])
    }
    const a = await createAssetAction(
      null,
      form({ name: 'Router', type: 'NETWORK', specification: 'x\u0000' }),
    )
    expect(a).toMatchObject({ ok: false, fieldErrors: { specification: [CONTROL_CHARACTER_MESSAGE] } })
    expect(await snapshot(s.schoolId)).toEqual(before)
  })
  it('never sends a password back in the values of a refused request', async () => {
    const schema = z.object({ name: text({ max: 10, required: 'Name?' }), password: z.string().min(12) })
    const fd = form({ name: '', password: 'hunter2-secret', newPassword: 'x', confirmPassword: 'y' })
    const r = await runSchoolAction(s, 'people.manage', schema, async () => 'never', fd)
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.values).toEqual({ name: '' })
      expect(JSON.stringify(r)).not.toContain('hunter2')
    }
  })
})

describe('people go through the same write path', () => {
  it('answers STALE, never NOT_FOUND, to the second of two role changes made at once', async () => {
    const { changeRoleAction } = await import('@/lib/people/actions')
    const { membership } = await makeMember(s.schoolId, 'TEAM')
    const results = await Promise.all(
      (['VIEWER', 'HEAD'] as const).map((role) =>
        changeRoleAction(null, form({ membershipId: membership.id, role, version: 1 })),
      ),
    )
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, reason: 'STALE' })
    const stored = await db.membership.findUniqueOrThrow({ where: { id: membership.id } })
    expect(stored.version).toBe(2)
    expect(await db.auditEvent.count({ where: { entity: 'Membership', entityId: membership.id } })).toBe(1)
  })
})

describe('updateVersioned', () => {
  it('answers STALE, with the record as read, when the guarded write finds the version gone', async () => {
    const { updateVersioned } = await import('@/lib/records/versioned')
    const { Refusal } = await import('@/lib/result')
    const before = { version: 1, name: 'x' }
    const attempt = db.$transaction((tx) =>
      updateVersioned(tx, {
        actor: s,
        entity: 'Service',
        id: 'x',
        version: 1,
        what: 'service',
        read: async () => before,
        // Someone else's transaction committed between the read and this write.
        write: async () => ({ count: 0 }),
      }),
    )
    await expect(attempt).rejects.toBeInstanceOf(Refusal)
    await expect(attempt).rejects.toMatchObject({ reason: 'STALE', extra: { current: before } })
    expect(await db.auditEvent.count({ where: { schoolId: s.schoolId } })).toBe(0)
  })
})
