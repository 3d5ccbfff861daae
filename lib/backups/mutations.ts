import type { Actor } from '@/lib/actor'
import { writeAudit } from '@/lib/audit'
import type { Db, Tx } from '@/lib/db'
import { setArchivedVersioned, updateVersioned } from '@/lib/records/versioned'
import { Refusal } from '@/lib/result'
import type { CreateBackupInput, RecordRestoreTestInput, UpdateBackupInput } from './schema'
import { locationLabel, mediumLabel, resultLabel } from './schema'

const actorOf = (actor: Actor) => ({ schoolId: actor.schoolId, actorId: actor.userId })

const BACKUP_SELECT = {
  id: true,
  name: true,
  location: true,
  offline: true,
  medium: true,
  frequencyMinutes: true,
  retention: true,
  notes: true,
  archivedAt: true,
  version: true,
  asset: { select: { name: true } },
  service: { select: { name: true } },
} as const

type BackupRow = {
  location: string
  medium: string
  asset: { name: string } | null
  service: { name: string } | null
}
/** The stored fields (for the form's merge) and their words (for the activity log). */
function backupRecord<R extends BackupRow>(b: R) {
  const { asset, service, ...rest } = b
  return {
    ...rest,
    subject: asset ? `the asset ${asset.name}` : `the service ${service?.name ?? ''}`,
    locationLabel: locationLabel(b.location),
    mediumLabel: mediumLabel(b.medium),
  }
}

export async function createBackup(db: Db, actor: Actor, input: CreateBackupInput) {
  return db.$transaction(async (tx) => {
    const subject = input.assetId
      ? await tx.asset.findFirst({
          where: { id: input.assetId, schoolId: actor.schoolId, archivedAt: null },
          select: { id: true },
        })
      : await tx.service.findFirst({
          where: { id: input.serviceId ?? '', schoolId: actor.schoolId, archivedAt: null },
          select: { id: true },
        })
    if (!subject)
      throw new Refusal('NOT_FOUND', 'That asset or service was not found.', {
        fieldErrors: { subject: ['Choose the data asset or service from the list.'] },
      })
    const created = await tx.backup.create({
      data: { ...input.data, schoolId: actor.schoolId, assetId: input.assetId, serviceId: input.serviceId },
      select: BACKUP_SELECT,
    })
    await writeAudit(tx, {
      ...actorOf(actor),
      entity: 'Backup',
      entityId: created.id,
      action: 'create',
      after: backupRecord(created),
    })
    return { id: created.id }
  })
}

export async function updateBackup(db: Db, actor: Actor, input: UpdateBackupInput) {
  return db.$transaction(async (tx) => {
    const where = { id: input.id, schoolId: actor.schoolId }
    const { after } = await updateVersioned(tx, {
      actor,
      entity: 'Backup',
      id: input.id,
      version: input.version,
      what: 'backup',
      read: async () => {
        const b = await tx.backup.findFirst({ where, select: BACKUP_SELECT })
        return b ? backupRecord(b) : null
      },
      write: () =>
        tx.backup.updateMany({
          where: { ...where, version: input.version },
          data: { ...input.data, version: { increment: 1 } },
        }),
    })
    return { id: input.id, version: after.version }
  })
}

/** Archiving a backup takes it out of the 3-2-1 count (its restore tests are kept, as evidence). */
export async function setBackupArchived(
  db: Db,
  actor: Actor,
  input: { id: string; version: number; confirm?: 'yes' },
  archived: boolean,
) {
  return db.$transaction(async (tx) => {
    const where = { id: input.id, schoolId: actor.schoolId }
    return setArchivedVersioned(tx, {
      actor,
      entity: 'Backup',
      id: input.id,
      version: input.version,
      what: 'backup',
      archived,
      confirmed: true,
      read: () => tx.backup.findFirst({ where, select: { name: true, archivedAt: true, version: true } }),
      write: (archivedAt) =>
        tx.backup.updateMany({
          where: { ...where, version: input.version },
          data: { archivedAt, version: { increment: 1 } },
        }),
    })
  })
}

async function backupName(tx: Tx, schoolId: string, id: string) {
  const b = await tx.backup.findFirst({
    where: { id, schoolId },
    select: { id: true, name: true, archivedAt: true },
  })
  if (!b) throw new Refusal('NOT_FOUND', 'That backup was not found.')
  return b
}

/** Records a restore test of a backup: evidence, kept as recorded. */
export async function recordRestoreTest(db: Db, actor: Actor, input: RecordRestoreTestInput) {
  return db.$transaction(async (tx) => {
    const backup = await backupName(tx, actor.schoolId, input.backupId)
    if (backup.archivedAt)
      throw new Refusal('CONFLICT', `${backup.name} is archived: restore it before recording tests of it.`)
    const created = await tx.restoreTest.create({
      data: {
        schoolId: actor.schoolId,
        backupId: backup.id,
        testedOn: input.testedOn,
        whatRestored: input.whatRestored,
        minutesTaken: input.minutesTaken,
        result: input.result,
        notes: input.notes,
      },
      select: { id: true },
    })
    await writeAudit(tx, {
      ...actorOf(actor),
      entity: 'RestoreTest',
      entityId: created.id,
      action: 'create',
      after: { ...input, backupId: undefined, backup: backup.name, resultLabel: resultLabel(input.result) },
    })
    return { id: created.id }
  })
}

/** Removes a restore test entered by mistake. */
export async function removeRestoreTest(db: Db, actor: Actor, input: { id: string }) {
  return db.$transaction(async (tx) => {
    const test = await tx.restoreTest.findFirst({
      where: { id: input.id, schoolId: actor.schoolId },
      select: {
        id: true,
        testedOn: true,
        whatRestored: true,
        minutesTaken: true,
        result: true,
        notes: true,
        backup: { select: { name: true } },
      },
    })
    if (!test) throw new Refusal('NOT_FOUND', 'That restore test was not found.')
    await tx.restoreTest.delete({ where: { id: test.id } })
    const { backup, ...rest } = test
    await writeAudit(tx, {
      ...actorOf(actor),
      entity: 'RestoreTest',
      entityId: test.id,
      action: 'delete',
      before: { ...rest, backup: backup.name, resultLabel: resultLabel(test.result) },
    })
    return { id: test.id }
  })
}

/** Sets how many months a successful restore test counts for, naming the school's version. */
export async function setRestorePeriod(
  db: Db,
  actor: Actor,
  input: { restoreTestMonths: number; version: number },
) {
  return db.$transaction(async (tx) => {
    const where = { id: actor.schoolId }
    const { after } = await updateVersioned(tx, {
      actor,
      entity: 'School',
      id: actor.schoolId,
      version: input.version,
      what: 'school',
      read: () =>
        tx.school.findFirst({ where, select: { name: true, restoreTestMonths: true, version: true } }),
      write: () =>
        tx.school.updateMany({
          where: { ...where, version: input.version },
          data: { restoreTestMonths: input.restoreTestMonths, version: { increment: 1 } },
        }),
    })
    return { version: after.version }
  })
}
