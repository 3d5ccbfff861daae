import 'server-only'
import { db } from '@/lib/db'
import type { Prisma } from '@/lib/generated/prisma/client'
import type { BackupListParams } from './list-params'
import { type RestoreStatus, restoreStatus } from './restore-status'
import { checkThreeTwoOne, type ThreeTwoOne } from './three-two-one'

const BACKUP_ROW = {
  id: true,
  name: true,
  location: true,
  offline: true,
  medium: true,
  frequencyMinutes: true,
  retention: true,
  assetId: true,
  serviceId: true,
  restoreTests: {
    orderBy: { testedOn: 'desc' },
    select: { testedOn: true, result: true },
  },
} satisfies Prisma.BackupSelect

type Subject = { kind: 'asset' | 'service'; id: string; name: string }

export type ProtectedData = Subject & {
  backups: {
    id: string
    name: string
    location: string
    offline: boolean
    medium: string
    frequencyMinutes: number
  }[]
  rule: ThreeTwoOne
  restore: RestoreStatus
}

/** One subject's copies checked against 3-2-1, and its restore tests against the school's period. */
function protectedData(
  subject: Subject,
  backups: {
    id: string
    name: string
    location: string
    offline: boolean
    medium: string
    frequencyMinutes: number
    restoreTests: { testedOn: Date; result: string }[]
  }[],
  today: Date,
  months: number,
): ProtectedData {
  return {
    ...subject,
    backups: backups.map(({ restoreTests: _, ...b }) => b),
    rule: checkThreeTwoOne(backups as never),
    restore: restoreStatus(backups.flatMap((b) => b.restoreTests) as never, today, months),
  }
}

/**
 * The backups page: every data asset (with backups or not) and every asset or service that has
 * backups, each checked against 3-2-1 with an offline copy and against the school's restore-test
 * period. Three queries whatever the number of backups and tests.
 */
export async function getBackupOverview(
  schoolId: string,
  p: Pick<BackupListParams, 'q' | 'check'>,
  today = new Date(),
) {
  const [school, backups, dataAssets] = await Promise.all([
    db.school.findUniqueOrThrow({
      where: { id: schoolId },
      select: { restoreTestMonths: true, version: true },
    }),
    db.backup.findMany({
      where: { schoolId, archivedAt: null },
      orderBy: { name: 'asc' },
      select: {
        ...BACKUP_ROW,
        asset: { select: { name: true, archivedAt: true } },
        service: { select: { name: true, archivedAt: true } },
      },
    }),
    db.asset.findMany({
      where: { schoolId, archivedAt: null, type: 'DATA' },
      select: { id: true, name: true },
    }),
  ])
  const subjects = new Map<string, { subject: Subject; backups: typeof backups }>()
  for (const a of dataAssets) subjects.set(`asset:${a.id}`, { subject: { kind: 'asset', ...a }, backups: [] })
  for (const b of backups) {
    const owner = b.asset ?? b.service
    if (!owner || owner.archivedAt) continue
    const key = b.assetId ? `asset:${b.assetId}` : `service:${b.serviceId}`
    const entry = subjects.get(key) ?? {
      subject: { kind: b.assetId ? 'asset' : 'service', id: (b.assetId ?? b.serviceId)!, name: owner.name },
      backups: [],
    }
    entry.backups.push(b)
    subjects.set(key, entry)
  }
  const q = p.q?.toLowerCase()
  const rows = [...subjects.values()]
    .map((s) => protectedData(s.subject, s.backups, today, school.restoreTestMonths))
    .filter(
      (r) =>
        !q || r.name.toLowerCase().includes(q) || r.backups.some((b) => b.name.toLowerCase().includes(q)),
    )
    .filter((r) =>
      p.check === 'three-two-one' ? !r.rule.ok : p.check === 'restore' ? r.restore.kind !== 'CURRENT' : true,
    )
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
  return { rows, restoreTestMonths: school.restoreTestMonths, schoolVersion: school.version }
}

/** A backup's page: the backup, its restore tests, and its subject checked with all its live copies. */
export async function getBackupView(schoolId: string, id: string, today = new Date()) {
  const backup = await db.backup.findFirst({
    where: { id, schoolId },
    select: {
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
      assetId: true,
      serviceId: true,
      asset: { select: { id: true, name: true } },
      service: { select: { id: true, name: true } },
      restoreTests: {
        orderBy: [{ testedOn: 'desc' }, { createdAt: 'desc' }],
        select: {
          id: true,
          testedOn: true,
          whatRestored: true,
          minutesTaken: true,
          result: true,
          notes: true,
        },
      },
    },
  })
  if (!backup) return null
  const [school, siblings] = await Promise.all([
    db.school.findUniqueOrThrow({ where: { id: schoolId }, select: { restoreTestMonths: true } }),
    db.backup.findMany({
      where: {
        schoolId,
        archivedAt: null,
        ...(backup.assetId ? { assetId: backup.assetId } : { serviceId: backup.serviceId }),
      },
      select: BACKUP_ROW,
    }),
  ])
  const owner = backup.asset ?? backup.service!
  const subject: Subject = { kind: backup.asset ? 'asset' : 'service', id: owner.id, name: owner.name }
  return {
    backup,
    protects: protectedData(subject, siblings, today, school.restoreTestMonths),
    restoreTestMonths: school.restoreTestMonths,
  }
}
export type BackupView = NonNullable<Awaited<ReturnType<typeof getBackupView>>>

/** The backups of one asset or service, checked, for a small section on its own page (two queries). */
export async function getSubjectBackups(
  schoolId: string,
  subject: { assetId: string } | { serviceId: string },
  name: string,
  today = new Date(),
) {
  const [school, backups] = await Promise.all([
    db.school.findUniqueOrThrow({ where: { id: schoolId }, select: { restoreTestMonths: true } }),
    db.backup.findMany({
      where: { schoolId, archivedAt: null, ...subject },
      orderBy: { name: 'asc' },
      select: BACKUP_ROW,
    }),
  ])
  const s: Subject =
    'assetId' in subject
      ? { kind: 'asset', id: subject.assetId, name }
      : { kind: 'service', id: subject.serviceId, name }
  return {
    ...protectedData(s, backups, today, school.restoreTestMonths),
    restoreTestMonths: school.restoreTestMonths,
  }
}

/** What a backup can protect: data assets first, then services, then other assets (three lists, one query each). */
export async function listSubjectOptions(schoolId: string) {
  const [assets, services] = await Promise.all([
    db.asset.findMany({
      where: { schoolId, archivedAt: null },
      orderBy: { name: 'asc' },
      select: { id: true, name: true, type: true },
    }),
    db.service.findMany({
      where: { schoolId, archivedAt: null },
      orderBy: { name: 'asc' },
      select: { id: true, name: true },
    }),
  ])
  return {
    data: assets.filter((a) => a.type === 'DATA').map((a) => ({ value: `asset:${a.id}`, label: a.name })),
    services: services.map((s) => ({ value: `service:${s.id}`, label: s.name })),
    otherAssets: assets
      .filter((a) => a.type !== 'DATA')
      .map((a) => ({ value: `asset:${a.id}`, label: a.name })),
  }
}
