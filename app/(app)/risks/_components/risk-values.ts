import { checkName } from '@/lib/risks/schema'

/** A stored risk in the shape both the page and a stale refusal can give. */
export type RiskLike = {
  title: string
  description: string
  categoryId: string
  threatIds: string[]
  serviceIds: string[]
  assetIds: string[]
  likelihood: number
  impact: number
  residualLikelihood: number | null
  residualImpact: number | null
  owner: string
  nextReviewOn: Date | string | null
}

const day = (d: Date | string | null) => (d ? new Date(d).toISOString().slice(0, 10) : '')

/** A stored risk as the strings its form shows (each linked record as its ticked box). */
export function riskFormValues(r: RiskLike): Record<string, string> {
  const out: Record<string, string> = {
    title: r.title,
    description: r.description,
    categoryId: r.categoryId,
    likelihood: String(r.likelihood),
    impact: String(r.impact),
    residualLikelihood: r.residualLikelihood ? String(r.residualLikelihood) : '',
    residualImpact: r.residualImpact ? String(r.residualImpact) : '',
    owner: r.owner,
    nextReviewOn: day(r.nextReviewOn),
  }
  for (const id of r.threatIds) out[checkName('threat', id)] = 'yes'
  for (const id of r.serviceIds) out[checkName('service', id)] = 'yes'
  for (const id of r.assetIds) out[checkName('asset', id)] = 'yes'
  return out
}

/** What a STALE refusal carries (lib/risks/mutations.ts readRisk): the title is its `name`. */
export function storedRiskValues(current: RiskLike & { name?: string }): Record<string, string> {
  return riskFormValues({ ...current, title: current.name ?? current.title })
}
