import { writeAudit } from '@/lib/audit'
import { Refusal } from '@/lib/result'
import type { Db, Tx } from '@/lib/db'
import { checkVersion, expectOneRow } from '@/lib/db/versioned'
import type { ServiceData, UpdateServiceInput } from './schema'

type Actor = { schoolId: string; userId: string }

const AUDITED = {
  id: true,
  name: true,
  description: true,
  owner: true,
  usersAffected: true,
  criticality: true,
  rtoMinutes: true,
  rpoMinutes: true,
  maxOutageMinutes: true,
  minServiceLevel: true,
  impacts: true,
  archivedAt: true,
  version: true,
} as const

export async function createService(db: Db, actor: Actor, data: ServiceData) {
  return db.$transaction(async (tx) => {
    const created = await tx.service.create({ data: { ...data, schoolId: actor.schoolId }, select: AUDITED })
    await writeAudit(tx, {
      ...actorOf(actor),
      entity: 'Service',
      entityId: created.id,
      action: 'create',
      after: created,
    })
    return { id: created.id }
  })
}

export async function updateService(db: Db, actor: Actor, input: UpdateServiceInput) {
  return db.$transaction(async (tx) => {
    const where = { id: input.id, schoolId: actor.schoolId }
    const before = checkVersion(
      await tx.service.findFirst({ where, select: AUDITED }),
      input.version,
      'service',
    )
    const { count } = await tx.service.updateMany({
      where: { ...where, version: input.version },
      data: { ...input.data, version: { increment: 1 } },
    })
    expectOneRow(count, before)
    const after = await tx.service.findFirstOrThrow({ where, select: AUDITED })
    await writeAudit(tx, {
      ...actorOf(actor),
      entity: 'Service',
      entityId: input.id,
      action: 'update',
      before,
      after,
    })
    return { id: input.id, version: after.version }
  })
}

/**
 * What archiving a service would take with it: the assets it needs (the links are kept, so restoring
 * brings it back whole) and, of those, the ones that no other live service needs.
 */
export async function serviceArchiveImpact(tx: Tx | Db, schoolId: string, serviceId: string) {
  const links = await tx.serviceAsset.findMany({
    where: { schoolId, serviceId, asset: { archivedAt: null } },
    select: {
      asset: {
        select: {
          name: true,
          neededBy: {
            where: { serviceId: { not: serviceId }, service: { archivedAt: null } },
            select: { id: true },
            take: 1,
          },
        },
      },
    },
  })
  const needs = links.map((l) => l.asset.name).sort()
  const onlyThis = links
    .filter((l) => l.asset.neededBy.length === 0)
    .map((l) => l.asset.name)
    .sort()
  return { needs, onlyThis }
}

export async function setServiceArchived(
  db: Db,
  actor: Actor,
  input: { id: string; version: number; confirm?: 'yes' },
  archived: boolean,
) {
  return db.$transaction(async (tx) => {
    const where = { id: input.id, schoolId: actor.schoolId }
    const before = checkVersion(
      await tx.service.findFirst({ where, select: AUDITED }),
      input.version,
      'service',
    )
    if (Boolean(before.archivedAt) === archived) return { id: input.id, version: before.version }
    if (archived && input.confirm !== 'yes') {
      const impact = await serviceArchiveImpact(tx, actor.schoolId, input.id)
      if (impact.needs.length)
        throw new Refusal(
          'CONFLICT',
          `${before.name} needs ${impact.needs.join(', ')}. Archived, it leaves the recovery plan and no longer counts towards single points of failure${
            impact.onlyThis.length ? `; no other service needs ${impact.onlyThis.join(', ')}` : ''
          }. The links are kept, so restoring it brings it back whole. Archive it anyway?`,
          { current: impact },
        )
    }
    const archivedAt = archived ? new Date() : null
    const { count } = await tx.service.updateMany({
      where: { ...where, version: input.version },
      data: { archivedAt, version: { increment: 1 } },
    })
    expectOneRow(count, before)
    await writeAudit(tx, {
      ...actorOf(actor),
      entity: 'Service',
      entityId: input.id,
      action: archived ? 'archive' : 'restore',
      before: { archivedAt: before.archivedAt },
      after: { archivedAt },
    })
    return { id: input.id, version: before.version + 1 }
  })
}

/** Links a service to an asset it needs (or changes required/optional on an existing link). */
export async function linkServiceAsset(
  db: Db,
  actor: Actor,
  input: { serviceId: string; assetId: string; required: boolean },
) {
  return db.$transaction(async (tx) => {
    const [service, asset] = await Promise.all([
      tx.service.findFirst({
        where: { id: input.serviceId, schoolId: actor.schoolId },
        select: { id: true, name: true, archivedAt: true },
      }),
      tx.asset.findFirst({
        where: { id: input.assetId, schoolId: actor.schoolId, archivedAt: null },
        select: { id: true, name: true },
      }),
    ])
    if (!service) throw new Refusal('NOT_FOUND', 'That service was not found.')
    if (service.archivedAt)
      throw new Refusal('CONFLICT', `${service.name} is archived: restore it before linking assets to it.`)
    if (!asset)
      throw new Refusal('NOT_FOUND', 'That asset was not found.', {
        fieldErrors: { assetId: ['Choose an asset from the list.'] },
      })
    const existing = await tx.serviceAsset.findUnique({
      where: { serviceId_assetId: { serviceId: service.id, assetId: asset.id } },
      select: { id: true, required: true },
    })
    if (existing?.required === input.required) return { id: existing.id }
    const link = existing
      ? await tx.serviceAsset.update({
          where: { id: existing.id },
          data: { required: input.required },
          select: { id: true },
        })
      : await tx.serviceAsset.create({
          data: {
            schoolId: actor.schoolId,
            serviceId: service.id,
            assetId: asset.id,
            required: input.required,
          },
          select: { id: true },
        })
    await writeAudit(tx, {
      ...actorOf(actor),
      entity: 'ServiceAsset',
      entityId: link.id,
      action: existing ? 'update' : 'create',
      before: existing
        ? { service: service.name, asset: asset.name, required: existing.required }
        : undefined,
      after: { service: service.name, asset: asset.name, required: input.required },
    })
    return link
  })
}

export async function unlinkServiceAsset(
  db: Db,
  actor: Actor,
  input: { serviceId: string; assetId: string },
) {
  return db.$transaction(async (tx) => {
    const link = await tx.serviceAsset.findFirst({
      where: { serviceId: input.serviceId, assetId: input.assetId, schoolId: actor.schoolId },
      select: {
        id: true,
        required: true,
        service: { select: { name: true } },
        asset: { select: { name: true } },
      },
    })
    if (!link) throw new Refusal('NOT_FOUND', 'That link was not found.')
    await tx.serviceAsset.delete({ where: { id: link.id } })
    await writeAudit(tx, {
      ...actorOf(actor),
      entity: 'ServiceAsset',
      entityId: link.id,
      action: 'delete',
      before: { service: link.service.name, asset: link.asset.name, required: link.required },
    })
    return { id: link.id }
  })
}

function actorOf(actor: Actor) {
  return { schoolId: actor.schoolId, actorId: actor.userId }
}
