import { writeAudit, writeAuditMany } from '@/lib/audit'
import type { Db } from '@/lib/db'
import { STARTER_ASSETS, STARTER_SERVICES } from './starter'

type Actor = { schoolId: string; userId: string }

/**
 * Loads the starter catalogue into a school. Rows are keyed by starterKey, so loading it twice adds
 * nothing twice, and a starter record the manager archived or renamed is not brought back. A starter
 * record whose name the school already uses for a live record of its own is not added again: new starter
 * services link to the school's own asset of that name instead.
 */
export async function loadStarterCatalogue(db: Db, actor: Actor) {
  const { schoolId } = actor
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "School" WHERE id = ${schoolId} FOR UPDATE`
    const [existingAssets, existingServices, liveAssets, liveServices] = await Promise.all([
      tx.asset.findMany({
        where: { schoolId, starterKey: { not: null } },
        select: { id: true, starterKey: true },
      }),
      tx.service.findMany({
        where: { schoolId, starterKey: { not: null } },
        select: { id: true, starterKey: true },
      }),
      tx.asset.findMany({ where: { schoolId, archivedAt: null }, select: { id: true, name: true } }),
      tx.service.findMany({ where: { schoolId, archivedAt: null }, select: { name: true } }),
    ])
    const assetByName = new Map(liveAssets.map((a) => [a.name.toLowerCase(), a.id]))
    const serviceNames = new Set(liveServices.map((s) => s.name.toLowerCase()))
    const assetIds = new Map(existingAssets.map((a) => [a.starterKey!, a.id]))
    const serviceIds = new Map(existingServices.map((s) => [s.starterKey!, s.id]))
    const adopted: string[] = []
    for (const a of STARTER_ASSETS) {
      const own = assetByName.get(a.name.toLowerCase())
      if (!assetIds.has(a.key) && own) {
        assetIds.set(a.key, own)
        adopted.push(a.key)
      }
    }
    const newAssets = STARTER_ASSETS.filter((a) => !assetIds.has(a.key))
    const newServices = STARTER_SERVICES.filter(
      (s) => !serviceIds.has(s.key) && !serviceNames.has(s.name.toLowerCase()),
    )

    const createdAssets = await tx.asset.createManyAndReturn({
      data: newAssets.map((a) => ({
        schoolId,
        starterKey: a.key,
        name: a.name,
        type: a.type,
        location: a.location ?? '',
        specification: a.specification ?? '',
      })),
      select: { id: true, starterKey: true, name: true, type: true, location: true, specification: true },
    })
    for (const a of createdAssets) assetIds.set(a.starterKey!, a.id)
    const createdServices = await tx.service.createManyAndReturn({
      data: newServices.map(({ key, needs: _needs, ...s }) => ({
        ...s,
        schoolId,
        starterKey: key,
        impacts: [
          { afterMinutes: 60, level: 'NONE', note: '' },
          { afterMinutes: 1440, level: 'NONE', note: '' },
          { afterMinutes: 10080, level: 'NONE', note: '' },
        ],
      })),
      select: {
        id: true,
        starterKey: true,
        name: true,
        criticality: true,
        rtoMinutes: true,
        rpoMinutes: true,
        maxOutageMinutes: true,
        description: true,
      },
    })
    for (const s of createdServices) serviceIds.set(s.starterKey!, s.id)

    // Links only to records created now (or the school's own assets standing in for them): the manager
    // may have reshaped earlier ones on purpose. No cycle can form: the school's own assets gain no links.
    const fresh = new Set([
      ...createdAssets.map((a) => a.starterKey),
      ...createdServices.map((s) => s.starterKey),
      ...adopted,
    ])
    const needs = newServices.flatMap((s) =>
      s.needs
        .filter((n) => fresh.has(n.asset))
        .map((n) => ({
          schoolId,
          serviceId: serviceIds.get(s.key)!,
          assetId: assetIds.get(n.asset)!,
          required: n.required ?? true,
        })),
    )
    const edges = newAssets.flatMap((a) =>
      (a.dependsOn ?? [])
        .filter((d) => fresh.has(d))
        .map((d) => ({ schoolId, assetId: assetIds.get(a.key)!, dependsOnId: assetIds.get(d)! })),
    )
    // createManyAndReturn returns only the rows it added, so each link's audit row is for a link made now.
    const links = await tx.serviceAsset.createManyAndReturn({
      data: needs,
      skipDuplicates: true,
      select: {
        id: true,
        required: true,
        service: { select: { name: true } },
        asset: { select: { name: true } },
      },
    })
    const dependencies = await tx.assetDependency.createManyAndReturn({
      data: edges,
      skipDuplicates: true,
      select: { id: true, asset: { select: { name: true } }, dependsOn: { select: { name: true } } },
    })
    if (createdAssets.length || createdServices.length) {
      // The activity log shows this one row; it opens to the rows below, which carry its id, and each
      // record's own history shows it came from the starter catalogue.
      const summary = await writeAudit(tx, {
        schoolId,
        actorId: actor.userId,
        entity: 'Catalogue',
        entityId: schoolId,
        action: 'load-starter',
        after: {
          services: createdServices.length,
          assets: createdAssets.length,
          links: links.length,
          dependencies: dependencies.length,
        },
      })
      const row = { schoolId, actorId: actor.userId, action: 'load-starter', batchId: summary.id } as const
      await writeAuditMany(tx, [
        ...createdServices.map(({ id, starterKey: _key, ...after }) => ({
          ...row,
          entity: 'Service' as const,
          entityId: id,
          after,
        })),
        ...createdAssets.map(({ id, starterKey: _key, ...after }) => ({
          ...row,
          entity: 'Asset' as const,
          entityId: id,
          after,
        })),
        ...links.map((l) => ({
          ...row,
          entity: 'ServiceAsset' as const,
          entityId: l.id,
          after: { service: l.service.name, asset: l.asset.name, required: l.required },
        })),
        ...dependencies.map((d) => ({
          ...row,
          entity: 'AssetDependency' as const,
          entityId: d.id,
          after: { asset: d.asset.name, dependsOn: d.dependsOn.name },
        })),
      ])
    }
    return { services: createdServices.length, assets: createdAssets.length }
  })
}
