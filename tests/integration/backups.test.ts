/*
 * Backups and restore tests through the real actions: what is stored, the 3-2-1 check and the
 * restore-test flag as the overview reports them, the school's period, and the refusals.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import type { SchoolContext } from '@/lib/auth/school-context'
import {
  archiveBackupAction,
  createBackupAction,
  recordRestoreTestAction,
  removeRestoreTestAction,
  restoreBackupAction,
  setRestorePeriodAction,
  updateBackupAction,
} from '@/lib/backups/actions'
import { getBackupOverview } from '@/lib/backups/queries'
import { db } from '@/lib/db'
import { contextFor, form, makeAsset, makeMember, makeSchool, makeService } from '../support/factories'
import { asUser } from '../support/session'
import { databaseSnapshot } from '../support/snapshot'

const BACKUP = {
  name: 'MIS database nightly',
  location: 'ON_SITE',
  medium: 'DISK',
  frequencyValue: 1,
  frequencyUnit: 'days',
  retention: '30 daily copies',
  notes: '',
}

let manager: SchoolContext
let schoolId: string
let assetId: string

beforeEach(async () => {
  const school = await makeSchool()
  schoolId = school.id
  manager = await contextFor((await makeMember(school.id, 'MANAGER')).user.id, school.id)
  assetId = (await makeAsset(school.id, { name: 'MIS data', type: 'DATA' })).id
  asUser(manager)
})

async function backup(fields: Record<string, string | number> = {}) {
  const r = await createBackupAction(null, form({ ...BACKUP, subject: `asset:${assetId}`, ...fields }))
  if (!r.ok) throw new Error(JSON.stringify(r))
  return r.data.id
}
const today = new Date()
const ymd = (d: Date) => d.toISOString().slice(0, 10)
const daysAgo = (n: number) => ymd(new Date(Date.now() - n * 86_400_000))
const overviewRow = async () =>
  (await getBackupOverview(schoolId, { check: 'all' })).rows.find((r) => r.id === assetId)!

describe('backups', () => {
  it('stores a backup of a data asset, with its frequency in minutes, and audits it', async () => {
    const id = await backup({
      offline: 'yes',
      location: 'OFF_SITE',
      medium: 'REMOVABLE_DISK',
      frequencyValue: 1,
      frequencyUnit: 'weeks',
    })
    expect(await db.backup.findUniqueOrThrow({ where: { id } })).toMatchObject({
      schoolId,
      assetId,
      serviceId: null,
      offline: true,
      location: 'OFF_SITE',
      medium: 'REMOVABLE_DISK',
      frequencyMinutes: 10080,
    })
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: id } })
    expect(audit).toMatchObject({ entity: 'Backup', action: 'create' })
    expect(audit.after).toMatchObject({
      subject: 'the asset MIS data',
      locationLabel: 'Off site',
      offline: true,
    })
  })

  it('backs up a service too', async () => {
    const service = await makeService(schoolId, { name: 'E-mail' })
    const r = await createBackupAction(null, form({ ...BACKUP, subject: `service:${service.id}` }))
    expect(r).toMatchObject({ ok: true })
    if (r.ok)
      expect((await db.backup.findUniqueOrThrow({ where: { id: r.data.id } })).serviceId).toBe(service.id)
  })

  it("refuses another school's asset and a missing subject, beside the subject, storing nothing", async () => {
    const other = await makeSchool()
    const theirs = await makeAsset(other.id, { type: 'DATA' })
    const before = await databaseSnapshot()
    const r1 = await createBackupAction(null, form({ ...BACKUP, subject: `asset:${theirs.id}` }))
    expect(r1).toMatchObject({
      ok: false,
      reason: 'NOT_FOUND',
      fieldErrors: { subject: [expect.any(String)] },
    })
    const r2 = await createBackupAction(null, form({ ...BACKUP, subject: '', medium: 'TAPE' }))
    expect(r2).toMatchObject({ ok: false, reason: 'INVALID', fieldErrors: { subject: [expect.any(String)] } })
    if (!r2.ok) expect(r2.values?.medium).toBe('TAPE')
    expect(await databaseSnapshot()).toEqual(before)
  })

  it('turns the 3-2-1 flag from failing to passing as copies are added', async () => {
    expect((await overviewRow()).rule.problems).toEqual(['No backups recorded: keep at least three copies.'])
    await backup()
    await backup({ name: 'Cloud copy', location: 'CLOUD', medium: 'CLOUD_STORAGE' })
    expect((await overviewRow()).rule.ok).toBe(false)
    const disk = await backup({
      name: 'Friday disk',
      location: 'OFF_SITE',
      medium: 'REMOVABLE_DISK',
      offline: 'yes',
    })
    expect((await overviewRow()).rule).toMatchObject({ ok: true, copies: 3 })
    // Archived, a copy no longer counts.
    expect(await archiveBackupAction(null, form({ id: disk, version: 1 }))).toMatchObject({ ok: true })
    expect((await overviewRow()).rule).toMatchObject({ ok: false, copies: 2 })
    expect(await restoreBackupAction(null, form({ id: disk, version: 2 }))).toMatchObject({ ok: true })
    expect((await overviewRow()).rule.ok).toBe(true)
    const failing = await getBackupOverview(schoolId, { check: 'three-two-one' })
    expect(failing.rows.map((r) => r.id)).not.toContain(assetId)
  })

  it('updates by version and refuses a stale one with the stored backup', async () => {
    const id = await backup()
    expect(await updateBackupAction(null, form({ ...BACKUP, id, version: 1, offline: 'yes' }))).toMatchObject(
      { ok: true },
    )
    expect((await db.backup.findUniqueOrThrow({ where: { id } })).offline).toBe(true)
    const before = await databaseSnapshot()
    const r = await updateBackupAction(null, form({ ...BACKUP, id, version: 1, name: 'Mine' }))
    expect(r).toMatchObject({ ok: false, reason: 'STALE', current: { offline: true, version: 2 } })
    expect(await databaseSnapshot()).toEqual(before)
  })
})

describe('restore tests', () => {
  it('flags never-tested data, then clears the flag with a successful test, and not with a failed one', async () => {
    const id = await backup()
    expect((await overviewRow()).restore.kind).toBe('NEVER')
    const failed = await recordRestoreTestAction(
      null,
      form({
        backupId: id,
        testedOn: daysAgo(3),
        whatRestored: 'Whole database',
        minutesTaken: 40,
        result: 'FAILED',
        notes: 'Corrupt',
      }),
    )
    expect(failed).toMatchObject({ ok: true })
    expect((await overviewRow()).restore.kind).toBe('NEVER')
    const ok = await recordRestoreTestAction(
      null,
      form({
        backupId: id,
        testedOn: daysAgo(1),
        whatRestored: 'Whole database',
        minutesTaken: 35,
        result: 'SUCCESS',
      }),
    )
    expect(ok).toMatchObject({ ok: true })
    expect((await overviewRow()).restore.kind).toBe('CURRENT')
    const stored = await db.restoreTest.findMany({ where: { backupId: id }, orderBy: { testedOn: 'asc' } })
    expect(stored.map((t) => [t.result, t.minutesTaken])).toEqual([
      ['FAILED', 40],
      ['SUCCESS', 35],
    ])
    const audit = await db.auditEvent.findMany({ where: { entity: 'RestoreTest' } })
    expect(audit.length).toBeGreaterThanOrEqual(2)
  })

  it("flags a last success older than the school's period, which the manager sets by version", async () => {
    const id = await backup()
    await recordRestoreTestAction(
      null,
      form({
        backupId: id,
        testedOn: daysAgo(100),
        whatRestored: 'One folder',
        minutesTaken: 5,
        result: 'SUCCESS',
      }),
    )
    expect((await overviewRow()).restore.kind).toBe('CURRENT')
    expect(await setRestorePeriodAction(null, form({ restoreTestMonths: 2, version: 1 }))).toMatchObject({
      ok: true,
    })
    expect((await overviewRow()).restore.kind).toBe('STALE')
    expect((await db.school.findUniqueOrThrow({ where: { id: schoolId } })).restoreTestMonths).toBe(2)
    const stale = await setRestorePeriodAction(null, form({ restoreTestMonths: 12, version: 1 }))
    expect(stale).toMatchObject({ ok: false, reason: 'STALE' })
    expect(await setRestorePeriodAction(null, form({ restoreTestMonths: 0, version: 2 }))).toMatchObject({
      ok: false,
      reason: 'INVALID',
    })
  })

  it('refuses a future date and a missing description, keeping what was typed', async () => {
    const id = await backup()
    const before = await databaseSnapshot()
    const future = ymd(new Date(today.getTime() + 5 * 86_400_000))
    const r = await recordRestoreTestAction(
      null,
      form({ backupId: id, testedOn: future, whatRestored: '', minutesTaken: 5, result: 'PARTIAL' }),
    )
    expect(r).toMatchObject({ ok: false, reason: 'INVALID', values: { testedOn: future, result: 'PARTIAL' } })
    if (!r.ok) expect(Object.keys(r.fieldErrors ?? {}).sort()).toEqual(['testedOn', 'whatRestored'])
    expect(await databaseSnapshot()).toEqual(before)
  })

  it('removes a test entered by mistake; another school cannot', async () => {
    const id = await backup()
    const r = await recordRestoreTestAction(
      null,
      form({ backupId: id, testedOn: daysAgo(1), whatRestored: 'x', minutesTaken: 5, result: 'SUCCESS' }),
    )
    if (!r.ok) throw new Error(r.message)
    const other = await makeSchool()
    asUser(await contextFor((await makeMember(other.id, 'MANAGER')).user.id, other.id))
    const before = await databaseSnapshot()
    expect(await removeRestoreTestAction(null, form({ id: r.data.id }))).toMatchObject({
      ok: false,
      reason: 'NOT_FOUND',
    })
    expect(
      await recordRestoreTestAction(
        null,
        form({ backupId: id, testedOn: daysAgo(1), whatRestored: 'x', minutesTaken: 5, result: 'SUCCESS' }),
      ),
    ).toMatchObject({ ok: false, reason: 'NOT_FOUND' })
    expect(await databaseSnapshot()).toEqual(before)
    asUser(manager)
    expect(await removeRestoreTestAction(null, form({ id: r.data.id }))).toMatchObject({ ok: true })
    expect(await db.restoreTest.count({ where: { backupId: id } })).toBe(0)
  })
})
