import { db } from '@/lib/db'

/** Rows for one of Prisma's implicit many-to-many tables ("A", "B" are the two ids), in one statement. */
async function link(table: string, pairs: [string, string][]) {
  if (!pairs.length) return
  const values = pairs.map((_, k) => `($${2 * k + 1}, $${2 * k + 2})`).join(', ')
  await db.$executeRawUnsafe(`INSERT INTO "${table}" ("A", "B") VALUES ${values}`, ...pairs.flat())
}

/**
 * Fills a school's risk register with n risks (each threatening a service and an asset of the catalogue,
 * with a threat) and n countermeasures each reducing two risks, plus a dismissed proposal, in a handful
 * of statements. Run after fillCatalogue. Returns one risk and one countermeasure for the record pages.
 */
export async function fillRiskRegister(schoolId: string, n: number) {
  const category = await db.riskCategory.create({ data: { schoolId, name: 'Loss of data' } })
  const threat = await db.threat.create({ data: { schoolId, name: 'Ransomware' } })
  const [services, assets] = await Promise.all([
    db.service.findMany({ where: { schoolId }, select: { id: true }, orderBy: { name: 'asc' } }),
    db.asset.findMany({ where: { schoolId }, select: { id: true }, orderBy: { name: 'asc' } }),
  ])
  const risks = await db.risk.createManyAndReturn({
    data: Array.from({ length: n }, (_, i) => ({
      schoolId,
      title: `Risk ${String(i).padStart(4, '0')}`,
      categoryId: category.id,
      likelihood: (i % 5) + 1,
      impact: ((i * 3) % 5) + 1,
      residualLikelihood: i % 2 ? 1 : null,
      residualImpact: i % 2 ? 1 : null,
      nextReviewOn: new Date(Date.UTC(2026, i % 12, 1)),
    })),
    select: { id: true },
  })
  const cms = await db.countermeasure.createManyAndReturn({
    data: Array.from({ length: n }, (_, i) => ({
      schoolId,
      title: `Measure ${i}`,
      kind: 'PREVENT' as const,
      process: 'AVAILABILITY' as const,
      status: i % 3 ? ('PLANNED' as const) : ('IN_PLACE' as const),
      dueOn: new Date(Date.UTC(2026, i % 12, 1)),
    })),
    select: { id: true },
  })
  await link(
    '_RiskToThreat',
    risks.map((r) => [r.id, threat.id]),
  )
  await link(
    '_RiskToService',
    risks.map((r, i) => [r.id, services[i % services.length]!.id]),
  )
  await link(
    '_RiskAssets',
    risks.map((r, i) => [assets[i % assets.length]!.id, r.id]),
  )
  await link(
    '_CountermeasureToRisk',
    cms.flatMap((c, i): [string, string][] => [
      [c.id, risks[i]!.id],
      [c.id, risks[(i + 1) % n]!.id],
    ]),
  )
  await db.riskProposalDismissal.create({
    data: {
      schoolId,
      proposalKey: `SPOF:${assets[1]!.id}`,
      assetId: assets[1]!.id,
      assetVersion: 1,
      reason: 'x',
    },
  })
  return { riskId: risks[0]!.id, countermeasureId: cms[0]!.id }
}
