import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  cellOf,
  countAt,
  currentScore,
  heatGrid,
  isAboveAppetite,
  isReviewOverdue,
  ratingOf,
  residualScore,
  riskScore,
} from './scoring'

const level = fc.integer({ min: 1, max: 5 })
const risk = fc.record({
  likelihood: level,
  impact: level,
  residualLikelihood: fc.option(level, { nil: null }),
  residualImpact: fc.option(level, { nil: null }),
})

describe('risk scoring', () => {
  it('multiplies likelihood by impact', () => {
    expect(riskScore(1, 1)).toBe(1)
    expect(riskScore(3, 4)).toBe(12)
    expect(riskScore(5, 5)).toBe(25)
  })

  it('rates every score the grid can give, at the band edges', () => {
    expect([1, 4].map(ratingOf)).toEqual(['LOW', 'LOW'])
    expect([5, 9].map(ratingOf)).toEqual(['MEDIUM', 'MEDIUM'])
    expect([10, 16].map(ratingOf)).toEqual(['HIGH', 'HIGH'])
    expect([20, 25].map(ratingOf)).toEqual(['VERY_HIGH', 'VERY_HIGH'])
  })

  it('never rates a higher score lower', () => {
    const order = ['LOW', 'MEDIUM', 'HIGH', 'VERY_HIGH']
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 25 }), fc.integer({ min: 1, max: 25 }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a]
        return order.indexOf(ratingOf(lo)) <= order.indexOf(ratingOf(hi))
      }),
    )
  })

  it('counts the residual only once both residual values are recorded', () => {
    const r = { likelihood: 4, impact: 5, residualLikelihood: 2, residualImpact: null }
    expect(residualScore(r)).toBeNull()
    expect(currentScore(r)).toBe(20)
    expect(currentScore({ ...r, residualImpact: 3 })).toBe(6)
  })

  it('puts an open risk above appetite only when its current score is higher than the appetite', () => {
    const r = { likelihood: 3, impact: 3, residualLikelihood: null, residualImpact: null, status: 'OPEN' }
    expect(isAboveAppetite(r, 9)).toBe(false)
    expect(isAboveAppetite(r, 8)).toBe(true)
    expect(isAboveAppetite({ ...r, status: 'CLOSED' }, 1)).toBe(false)
    // Countermeasures that bring it down bring it under the appetite.
    expect(isAboveAppetite({ ...r, residualLikelihood: 1, residualImpact: 3 }, 8)).toBe(false)
  })

  it('says a review is overdue only when its day has passed', () => {
    expect(isReviewOverdue('2026-11-23', '2026-11-24')).toBe(true)
    expect(isReviewOverdue('2026-11-24', '2026-11-24')).toBe(false)
    expect(isReviewOverdue(null, '2026-11-24')).toBe(false)
  })

  it('puts every risk in exactly one cell of each grid', () => {
    fc.assert(
      fc.property(fc.array(risk, { maxLength: 40 }), (risks) => {
        for (const basis of ['inherent', 'residual'] as const) {
          const grid = heatGrid(risks, basis)
          const total = grid.flat().reduce((a, b) => a + b, 0)
          if (total !== risks.length) return false
          for (const r of risks) {
            const [l, i] = cellOf(r, basis)
            if (countAt(grid, l, i) < 1) return false
          }
        }
        return true
      }),
    )
  })

  it('moves a reassessed risk to its residual cell and leaves the rest where they were', () => {
    const risks = [
      { likelihood: 4, impact: 5, residualLikelihood: 2, residualImpact: 3 },
      { likelihood: 3, impact: 3, residualLikelihood: null, residualImpact: null },
    ]
    const inherent = heatGrid(risks, 'inherent')
    const residual = heatGrid(risks, 'residual')
    expect(countAt(inherent, 4, 5)).toBe(1)
    expect(countAt(residual, 4, 5)).toBe(0)
    expect(countAt(residual, 2, 3)).toBe(1)
    expect(countAt(residual, 3, 3)).toBe(1)
  })
})
