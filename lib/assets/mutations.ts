import type { Actor } from '@/lib/actor'
import { writeAudit } from '@/lib/audit'
import { describeCycle, findCycle } from '@/lib/catalogue/graph'
import type { Db, Tx } from '@/lib/db'
import { setArchivedVersioned, updateVersioned } from '@/lib/records/versioned'
import { Refusal } from '@/lib/result'
import type { AssetData, UpdateAssetInput } from './schema'

const AUDITED = {
  id: true,
  name: true,
  type: true,
  location: true,
  specification: true,
  supplier: true,
  contractRef: true,
  specificationChangedAt: true,
  standbyAssetId: true,
  standbyArrangement: true,
  standbyVerifiedAt: true,
  archivedAt: true,
  version: true,
} as const

async function checkStandby(tx: Tx, schoolId: string, assetId: string | null, standbyId: string | null) {
  if (!standbyId) return
  if (standbyId === assetId)
    throw new Refusal('INVALID', 'An asset cannot be its own standby.', {
      fieldErrors: { standbyAssetId: ['Choose a different asset as the standby.'] },
    })
  const found = await tx.asset.findFirst({
    where: { id: standbyId, schoolId, archivedAt: null },
    select: { id: true },
  })
  if (!found)
    throw new Refusal('INVALID', 'The standby asset was not found.', {
      fieldErrors: { standbyAssetId: ['Choose a standby from the list.'] },
    })
}

/** Names identify assets in lists, the graph and imports, so two live assets may not share one. */
async function nameTaken(tx: Tx, schoolId: string, name: string, exceptId: string | null) {
  const clash = await tx.asset.findFirst({
    where: {
      schoolId,
      archivedAt: null,
      name: { equals: name, mode: 'insensitive' },
      ...(exceptId ? { id: { not: exceptId } } : {}),
    },
    select: { id: true },
  })
  return clash !== null
}

async function checkNameFree(tx: Tx, schoolId: string, name: string, exceptId: string | null) {
  if (await nameTaken(tx, schoolId, name, exceptId))
    throw new Refusal('INVALID', 'Please correct the highlighted fields.', {
      fieldErrors: {
        name: [`An asset called "${name}" is already in the register. Give this one a different name.`],
      },
    })
}

export async function createAsset(db: Db, actor: Actor, data: AssetData) {
  return db.$transaction(async (tx) => {
    await checkNameFree(tx, actor.schoolId, data.name, null)
    await checkStandby(tx, actor.schoolId, null, data.standbyAssetId)
    const created = await tx.asset.create({
      // specificationChangedAt stays empty: a new record has not changed, so its standby has not drifted.
      data: { ...data, schoolId: actor.schoolId },
      select: AUDITED,
    })
    await writeAudit(tx, {
      schoolId: actor.schoolId,
      actorId: actor.userId,
      entity: 'Asset',
      entityId: created.id,
      action: 'create',
      after: created,
    })
    return { id: created.id }
  })
}

export async function updateAsset(db: Db, actor: Actor, input: UpdateAssetInput) {
  const { id, version, ...data } = input
  return db.$transaction(async (tx) => {
    const where = { id, schoolId: actor.schoolId }
    const { after } = await updateVersioned(tx, {
      actor,
      entity: 'Asset',
      id,
      version,
      what: 'asset',
      read: () => tx.asset.findFirst({ where, select: AUDITED }),
      check: async (before) => {
        await checkNameFree(tx, actor.schoolId, data.name, id)
        // Keeping a standby that has since been archived is allowed (the page flags it); choosing one is not.
        if (data.standbyAssetId !== before.standbyAssetId)
          await checkStandby(tx, actor.schoolId, id, data.standbyAssetId)
      },
      // A changed specification is what makes a standby "may no longer match" (seed 000).
      write: (before) =>
        tx.asset.updateMany({
          where: { ...where, version },
          data: {
            ...data,
            ...(data.specification !== before.specification ? { specificationChangedAt: new Date() } : {}),
            version: { increment: 1 },
          },
        }),
    })
    return { id, version: after.version }
  })
}

/** What would be hit if this asset went away: services that need it, assets that depend on it or stand by with it. */
export async function assetDependents(tx: Tx | Db, schoolId: string, assetId: string) {
  const [services, assets, standbyFor] = await Promise.all([
    tx.serviceAsset.findMany({
      where: { schoolId, assetId, service: { archivedAt: null } },
      select: { service: { select: { name: true } } },
    }),
    tx.assetDependency.findMany({
      where: { schoolId, dependsOnId: assetId, asset: { archivedAt: null } },
      select: { asset: { select: { name: true } } },
    }),
    tx.asset.findMany({
      where: { schoolId, standbyAssetId: assetId, archivedAt: null },
      select: { name: true },
    }),
  ])
  return {
    services: services.map((s) => s.service.name).sort(),
    assets: assets.map((a) => a.asset.name).sort(),
    standbyFor: standbyFor.map((a) => a.name).sort(),
  }
}

export async function setAssetArchived(
  db: Db,
  actor: Actor,
  input: { id: string; version: number; confirm?: 'yes' },
  archived: boolean,
) {
  return db.$transaction(async (tx) => {
    const where = { id: input.id, schoolId: actor.schoolId }
    return setArchivedVersioned(tx, {
      actor,
      entity: 'Asset',
      id: input.id,
      version: input.version,
      what: 'asset',
      archived,
      confirmed: input.confirm === 'yes',
      read: () => tx.asset.findFirst({ where, select: AUDITED }),
      write: (archivedAt) =>
        tx.asset.updateMany({
          where: { ...where, version: input.version },
          data: { archivedAt, version: { increment: 1 } },
        }),
      consequences: async (before) => {
        const d = await assetDependents(tx, actor.schoolId, input.id)
        const parts = [
          d.services.length ? `services that need it: ${d.services.join(', ')}` : '',
          d.assets.length ? `assets that depend on it: ${d.assets.join(', ')}` : '',
          d.standbyFor.length ? `it is the standby for: ${d.standbyFor.join(', ')}` : '',
        ].filter(Boolean)
        return parts.length ? `Others depend on ${before.name} (${parts.join('; ')}).` : null
      },
      checkRestore: async (before) => {
        if (await nameTaken(tx, actor.schoolId, before.name, input.id))
          throw new Refusal(
            'CONFLICT',
            `Another asset in the register is now called "${before.name}". Rename or archive that one first, then restore this one.`,
          )
      },
    })
  })
}

/** Records that one asset needs another; a link that would make a cycle is refused, naming the cycle. */
export async function addDependency(db: Db, actor: Actor, input: { assetId: string; dependsOnId: string }) {
  return db.$transaction(async (tx) => {
    const assets = await tx.asset.findMany({
      where: { schoolId: actor.schoolId, id: { in: [input.assetId, input.dependsOnId] }, archivedAt: null },
      select: { id: true, name: true },
    })
    const ids = new Set(assets.map((a) => a.id))
    if (!ids.has(input.assetId)) throw new Refusal('NOT_FOUND', 'That asset was not found.')
    if (!ids.has(input.dependsOnId))
      throw new Refusal('NOT_FOUND', 'That asset was not found.', {
        fieldErrors: { dependsOnId: ['Choose an asset from the list.'] },
      })
    // Serialise dependency edits in this school so two concurrent links cannot close a cycle between them.
    await tx.$queryRaw`SELECT id FROM "School" WHERE id = ${actor.schoolId} FOR UPDATE`
    const edges = await tx.assetDependency.findMany({
      where: { schoolId: actor.schoolId },
      select: { assetId: true, dependsOnId: true },
    })
    if (edges.some((e) => e.assetId === input.assetId && e.dependsOnId === input.dependsOnId))
      throw new Refusal('CONFLICT', 'That dependency is already recorded.')
    const cycle = findCycle(edges, input.assetId, input.dependsOnId)
    if (cycle) {
      const names = new Map(
        (
          await tx.asset.findMany({
            where: { schoolId: actor.schoolId, id: { in: cycle } },
            select: { id: true, name: true },
          })
        ).map((a) => [a.id, a.name] as const),
      )
      const path = describeCycle(cycle, names)
      throw new Refusal(
        'INVALID',
        `That would make a loop: ${path}. An asset cannot depend on itself, even through others.`,
        {
          fieldErrors: { dependsOnId: [`This would make a loop: ${path}.`] },
        },
      )
    }
    const link = await tx.assetDependency.create({
      data: { schoolId: actor.schoolId, assetId: input.assetId, dependsOnId: input.dependsOnId },
      select: { id: true },
    })
    const name = (id: string) => assets.find((a) => a.id === id)?.name
    await writeAudit(tx, {
      schoolId: actor.schoolId,
      actorId: actor.userId,
      entity: 'AssetDependency',
      entityId: link.id,
      action: 'create',
      after: { asset: name(input.assetId), dependsOn: name(input.dependsOnId) },
    })
    return link
  })
}

export async function removeDependency(
  db: Db,
  actor: Actor,
  input: { assetId: string; dependsOnId: string },
) {
  return db.$transaction(async (tx) => {
    const link = await tx.assetDependency.findFirst({
      where: { schoolId: actor.schoolId, assetId: input.assetId, dependsOnId: input.dependsOnId },
      select: { id: true, asset: { select: { name: true } }, dependsOn: { select: { name: true } } },
    })
    if (!link) throw new Refusal('NOT_FOUND', 'That dependency was not found.')
    await tx.assetDependency.delete({ where: { id: link.id } })
    await writeAudit(tx, {
      schoolId: actor.schoolId,
      actorId: actor.userId,
      entity: 'AssetDependency',
      entityId: link.id,
      action: 'delete',
      before: { asset: link.asset.name, dependsOn: link.dependsOn.name },
    })
    return { id: link.id }
  })
}
