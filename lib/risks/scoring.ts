/*
 * Scoring a risk on the 5 x 5 scale: score = likelihood x impact (1-25), a rating from the score, and
 * the school's risk appetite (the score above which a risk needs action). Pure: pages, queries and the
 * dashboard share it, and it is unit-tested beside this file.
 */

export const SCALE = [1, 2, 3, 4, 5] as const

/** What each level of likelihood means, in words shown beside the choice. */
export const LIKELIHOOD_LEVELS = [
  { value: 1, label: 'Rare', description: 'Not expected in the next five years.' },
  { value: 2, label: 'Unlikely', description: 'Could happen once in the next five years.' },
  { value: 3, label: 'Possible', description: 'Could happen once in the next two years.' },
  { value: 4, label: 'Likely', description: 'Expected to happen within the next year.' },
  { value: 5, label: 'Almost certain', description: 'Expected to happen more than once a year.' },
] as const

/** What each level of impact means for the school, in words shown beside the choice. */
export const IMPACT_SCALE = [
  { value: 1, label: 'Negligible', description: 'A nuisance: worked around within the day, no data lost.' },
  { value: 2, label: 'Minor', description: 'Some lessons or office work disrupted for a day.' },
  {
    value: 3,
    label: 'Moderate',
    description: 'Teaching or administration disrupted for several days, or some data lost.',
  },
  {
    value: 4,
    label: 'Major',
    description:
      'A vital service down for days, safeguarding or statutory duties at risk, or important data lost.',
  },
  {
    value: 5,
    label: 'Severe',
    description: 'The school cannot open or operate safely, or its records are lost for good.',
  },
] as const

export type Rating = 'LOW' | 'MEDIUM' | 'HIGH' | 'VERY_HIGH'
export const RATINGS: readonly Rating[] = ['LOW', 'MEDIUM', 'HIGH', 'VERY_HIGH']
export const RATING_LABELS: Record<Rating, string> = {
  LOW: 'Low',
  MEDIUM: 'Medium',
  HIGH: 'High',
  VERY_HIGH: 'Very high',
}

/** The score of a likelihood and an impact, each 1-5. */
export function riskScore(likelihood: number, impact: number): number {
  return likelihood * impact
}

/** Low 1-4, medium 5-9, high 10-16, very high 20-25 (the scores a 5 x 5 grid can give). */
export function ratingOf(score: number): Rating {
  if (score >= 20) return 'VERY_HIGH'
  if (score >= 10) return 'HIGH'
  if (score >= 5) return 'MEDIUM'
  return 'LOW'
}

/** The lowest and highest appetite a school may set: at 25 nothing can be above it. */
export const APPETITE_MIN = 1
export const APPETITE_MAX = 24
export const DEFAULT_APPETITE = 9

type Scored = {
  likelihood: number
  impact: number
  residualLikelihood: number | null
  residualImpact: number | null
}

/** The residual score, once both residual values are recorded; null until then. */
export function residualScore(r: Scored): number | null {
  return r.residualLikelihood && r.residualImpact ? riskScore(r.residualLikelihood, r.residualImpact) : null
}

/**
 * The score a risk stands at now: its residual score once assessed (the countermeasures are counted),
 * otherwise its inherent score (nothing is assumed to help until someone says so).
 */
export function currentScore(r: Scored): number {
  return residualScore(r) ?? riskScore(r.likelihood, r.impact)
}

/** An open risk whose current score is above the school's appetite needs action. */
export function isAboveAppetite(r: Scored & { status: string }, appetite: number): boolean {
  return r.status === 'OPEN' && currentScore(r) > appetite
}

/** A review date before today (both as YYYY-MM-DD in the school's time zone) is overdue. */
export function isReviewOverdue(nextReviewDay: string | null, today: string): boolean {
  return nextReviewDay !== null && nextReviewDay < today
}

export type Basis = 'inherent' | 'residual'
/** A 5 x 5 grid of counts: cells[likelihood - 1][impact - 1]. */
export type HeatGrid = number[][]

/** The count in one cell (likelihood and impact 1-5). */
export function countAt(grid: HeatGrid, likelihood: number, impact: number): number {
  return grid[likelihood - 1]?.[impact - 1] ?? 0
}

/**
 * How many risks sit in each cell of the grid. Inherent uses likelihood and impact; residual uses the
 * residual pair, falling back to the inherent pair for a risk not yet reassessed, so both grids hold
 * every risk and a risk "moves" when its residual is recorded.
 */
export function heatGrid(risks: Scored[], basis: Basis): HeatGrid {
  const cells = SCALE.map(() => SCALE.map(() => 0))
  for (const r of risks) {
    const [l, i] = cellOf(r, basis)
    const row = cells[l - 1]
    if (row) row[i - 1] = (row[i - 1] ?? 0) + 1
  }
  return cells
}

/** The cell a risk sits in on one of the grids. */
export function cellOf(r: Scored, basis: Basis): [number, number] {
  if (basis === 'residual' && r.residualLikelihood && r.residualImpact)
    return [r.residualLikelihood, r.residualImpact]
  return [r.likelihood, r.impact]
}
