import 'server-only'
import { toCsv } from '@/lib/csv'
import { db } from '@/lib/db'
import { COUNTERMEASURE_KINDS, COUNTERMEASURE_STATUSES, FITS_PROCESSES, labelOf } from './schema'
import { currentScore, RATING_LABELS, ratingOf, residualScore, riskScore } from './scoring'

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : '')
const names = (list: { name: string }[]) => list.map((x) => x.name).join('; ')

/** The whole register as CSV (formulas defused by toCsv), with its scores and ratings: one query. */
export async function risksCsv(schoolId: string): Promise<string> {
  const rows = await db.risk.findMany({
    where: { schoolId },
    orderBy: [{ status: 'asc' }, { title: 'asc' }],
    select: {
      title: true,
      description: true,
      status: true,
      owner: true,
      likelihood: true,
      impact: true,
      residualLikelihood: true,
      residualImpact: true,
      nextReviewOn: true,
      category: { select: { name: true } },
      threats: { select: { name: true }, orderBy: { name: 'asc' } },
      services: { select: { name: true }, orderBy: { name: 'asc' } },
      assets: { select: { name: true }, orderBy: { name: 'asc' } },
      countermeasures: { where: { archivedAt: null }, select: { title: true }, orderBy: { title: 'asc' } },
    },
  })
  return toCsv(
    [
      'title',
      'category',
      'status',
      'threats',
      'services',
      'assets',
      'likelihood',
      'impact',
      'score',
      'rating',
      'residual_likelihood',
      'residual_impact',
      'residual_score',
      'current_rating',
      'owner',
      'next_review',
      'countermeasures',
      'description',
    ],
    rows.map((r) => [
      r.title,
      r.category.name,
      r.status === 'OPEN' ? 'Open' : 'Closed',
      names(r.threats),
      names(r.services),
      names(r.assets),
      r.likelihood,
      r.impact,
      riskScore(r.likelihood, r.impact),
      RATING_LABELS[ratingOf(riskScore(r.likelihood, r.impact))],
      r.residualLikelihood ?? '',
      r.residualImpact ?? '',
      residualScore(r) ?? '',
      RATING_LABELS[ratingOf(currentScore(r))],
      r.owner,
      day(r.nextReviewOn),
      r.countermeasures.map((c) => c.title).join('; '),
      r.description,
    ]),
  )
}

/** The live countermeasures as CSV, with the risks each reduces: one query. */
export async function countermeasuresCsv(schoolId: string): Promise<string> {
  const rows = await db.countermeasure.findMany({
    where: { schoolId, archivedAt: null },
    orderBy: { title: 'asc' },
    select: {
      title: true,
      kind: true,
      process: true,
      owner: true,
      status: true,
      dueOn: true,
      costPounds: true,
      lastVerifiedOn: true,
      verificationNote: true,
      description: true,
      risks: { select: { title: true }, orderBy: { title: 'asc' } },
    },
  })
  return toCsv(
    [
      'title',
      'risks',
      'kind',
      'process',
      'owner',
      'status',
      'due',
      'cost_pounds',
      'last_verified',
      'how_verified',
      'description',
    ],
    rows.map((c) => [
      c.title,
      c.risks.map((r) => r.title).join('; '),
      labelOf(COUNTERMEASURE_KINDS, c.kind),
      labelOf(FITS_PROCESSES, c.process),
      c.owner,
      labelOf(COUNTERMEASURE_STATUSES, c.status),
      day(c.dueOn),
      c.costPounds ?? '',
      day(c.lastVerifiedOn),
      c.verificationNote,
      c.description,
    ]),
  )
}
