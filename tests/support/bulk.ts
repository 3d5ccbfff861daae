import { db } from '@/lib/db'

/** Fills a school with n services and 3n assets, each service needing three assets in a chain. */
export async function fillCatalogue(schoolId: string, n: number) {
  const services = await db.service.createManyAndReturn({
    data: Array.from({ length: n }, (_, i) => ({
      schoolId,
      name: `Service ${String(i).padStart(4, '0')}`,
      criticality: (i % 4) + 1,
      rtoMinutes: 60 * ((i % 24) + 1),
      rpoMinutes: 60,
      maxOutageMinutes: 60 * 48,
    })),
    select: { id: true },
  })
  const assets = await db.asset.createManyAndReturn({
    data: Array.from({ length: 3 * n }, (_, i) => ({
      schoolId,
      name: `Asset ${String(i).padStart(5, '0')}`,
      type: 'HARDWARE' as const,
      standbyArrangement: i % 5 === 0 ? 'Spare on the shelf' : '',
    })),
    select: { id: true },
  })
  await db.serviceAsset.createMany({
    data: services.flatMap((s, i) =>
      [0, 1, 2].map((k) => ({ schoolId, serviceId: s.id, assetId: assets[3 * i + k]!.id })),
    ),
  })
  await db.assetDependency.createMany({
    data: services.flatMap((_, i) => [
      { schoolId, assetId: assets[3 * i]!.id, dependsOnId: assets[3 * i + 1]!.id },
      { schoolId, assetId: assets[3 * i + 1]!.id, dependsOnId: assets[3 * i + 2]!.id },
    ]),
  })
}
