import type { Actor } from '@/lib/actor'
import { writeAudit } from '@/lib/audit'
import type { Db, Tx } from '@/lib/db'
import { setArchivedVersioned, updateVersioned } from '@/lib/records/versioned'
import { Refusal } from '@/lib/result'
import type { ServiceData, UpdateServiceInput } from './schema'

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

/** Names identify services in the plan and its messages, so two live services may not share one. */
async function checkNameFree(tx: Tx, schoolId: string, name: string, exceptId: string | null) {
  const clash = await tx.service.findFirst({
    where: {
      schoolId,
      archivedAt: null,
      name: { equals: name, mode: 'insensitive' },
      ...(exceptId ? { id: { not: exceptId } } : {}),
    },
    select: { name: true },
  })
  if (clash)
    throw new Refusal('CONFLICT', `There is already a service called "${clash.name}".`, {
      fieldErrors: {
        name: [`There is already a service called "${clash.name}". Give this one a different name.`],
      },
    })
}

/** Serialises name checks in one school, so two saves at once cannot both take a free name. */
async function lockSchool(tx: Tx, schoolId: string) {
  await tx.$queryRaw`SELECT id FROM "School" WHERE id = ${schoolId} FOR UPDATE`
}

export async function createService(db: Db, actor: Actor, data: ServiceData) {
  return db.$transaction(async (tx) => {
    await lockSchool(tx, actor.schoolId)
    await checkNameFree(tx, actor.schoolId, data.name, null)
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
    if (input.data.name) await lockSchool(tx, actor.schoolId)
    const { after } = await updateVersioned(tx, {
      actor,
      entity: 'Service',
      id: input.id,
      version: input.version,
      what: 'service',
      read: () => tx.service.findFirst({ where, select: AUDITED }),
      check: () => checkNameFree(tx, actor.schoolId, input.data.name, input.id),
      write: () =>
        tx.service.updateMany({
          where: { ...where, version: input.version },
          data: { ...input.data, version: { increment: 1 } },
        }),
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
    if (!archived) await lockSchool(tx, actor.schoolId)
    return setArchivedVersioned(tx, {
      actor,
      entity: 'Service',
      id: input.id,
      version: input.version,
      what: 'service',
      archived,
      confirmed: input.confirm === 'yes',
      read: () => tx.service.findFirst({ where, select: AUDITED }),
      write: (archivedAt) =>
        tx.service.updateMany({
          where: { ...where, version: input.version },
          data: { archivedAt, version: { increment: 1 } },
        }),
      consequences: async (before) => {
        const impact = await serviceArchiveImpact(tx, actor.schoolId, input.id)
        if (!impact.needs.length) return null
        return `${before.name} needs ${impact.needs.join(', ')}. Archived, it leaves the recovery plan and no longer counts towards single points of failure${
          impact.onlyThis.length ? `; no other service needs ${impact.onlyThis.join(', ')}` : ''
        }. The links are kept, so restoring it brings it back whole.`
      },
      checkRestore: async (before) => {
        const clash = await tx.service.findFirst({
          where: {
            schoolId: actor.schoolId,
            archivedAt: null,
            name: { equals: before.name, mode: 'insensitive' },
            id: { not: input.id },
          },
          select: { id: true },
        })
        if (clash)
          throw new Refusal(
            'CONFLICT',
            `Another service is now called "${before.name}". Rename or archive that one first, then restore this one.`,
          )
      },
    })
  })
}

/** Records that a service needs an asset. An existing link is changed with setLinkRequired, by version. */
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
    if (existing)
      throw new Refusal(
        'CONFLICT',
        `${service.name} already needs ${asset.name} (${existing.required ? 'required' : 'optional'}). Change that in the list of what it needs.`,
        { fieldErrors: { assetId: [`${asset.name} is already in the list.`] } },
      )
    const link = await tx.serviceAsset.create({
      data: { schoolId: actor.schoolId, serviceId: service.id, assetId: asset.id, required: input.required },
      select: { id: true },
    })
    await writeAudit(tx, {
      ...actorOf(actor),
      entity: 'ServiceAsset',
      entityId: link.id,
      action: 'create',
      after: { service: service.name, asset: asset.name, required: input.required },
    })
    return link
  })
}

/** Makes a link required or optional, naming the version the user saw. */
export async function setLinkRequired(
  db: Db,
  actor: Actor,
  input: { serviceId: string; assetId: string; required: boolean; version: number },
) {
  return db.$transaction(async (tx) => {
    const where = { serviceId: input.serviceId, assetId: input.assetId, schoolId: actor.schoolId }
    const read = () =>
      tx.serviceAsset
        .findFirst({
          where,
          select: {
            id: true,
            required: true,
            version: true,
            service: { select: { name: true } },
            asset: { select: { name: true } },
          },
        })
        .then((l) =>
          l
            ? {
                id: l.id,
                service: l.service.name,
                asset: l.asset.name,
                required: l.required,
                version: l.version,
              }
            : null,
        )
    const found = await read()
    if (!found) throw new Refusal('NOT_FOUND', 'That link was not found.')
    const { after } = await updateVersioned(tx, {
      actor,
      entity: 'ServiceAsset',
      id: found.id,
      version: input.version,
      what: 'link',
      read,
      write: () =>
        tx.serviceAsset.updateMany({
          where: { ...where, version: input.version },
          data: { required: input.required, version: { increment: 1 } },
        }),
    })
    return { id: found.id, version: after.version }
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
