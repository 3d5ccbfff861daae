/*
 * The full plan PDF's words where the stranger run found them wrong: a service with no timed steps has no
 * estimate (never "0 minutes, on time"), and an asset's type reads as the website says it.
 */
import { describe, expect, it } from 'vitest'
import { pdfText } from '@/tests/support/pdf-text'
import { approvedStamp, makeSnapshot } from '@/tests/support/plan-snapshot'
import { renderPlanPdf } from './plan'

describe('the full plan PDF', () => {
  it('says a service with no timed steps has no estimate, in the order and on its page', async () => {
    const snapshot = makeSnapshot({ services: 2 })
    const [first, second] = snapshot.services
    first!.estimate = {
      ...first!.estimate,
      criticalMinutes: 0,
      sequentialMinutes: 0,
      teamMinutes: 0,
      atRisk: false,
    }
    const text = pdfText(await renderPlanPdf(snapshot, approvedStamp(snapshot)))
    expect(text).toContain('No estimate yet')
    expect(text).toContain('Not known')
    expect(text).not.toContain('One person doing everything: 0 minutes')
    // The other service still shows its figures.
    expect(second!.estimate.sequentialMinutes).toBeGreaterThan(0)
    expect(text).toContain('One person doing everything:')
  })

  it('names asset types in words, never their codes', async () => {
    const snapshot = makeSnapshot({ services: 2 })
    const text = pdfText(await renderPlanPdf(snapshot, approvedStamp(snapshot)))
    expect(snapshot.assets.some((a) => a.type === 'HARDWARE')).toBe(true)
    expect(text).not.toMatch(/\bHARDWARE\b|\bNETWORK\b/)
    expect(text).toContain('Hardware')
  })
})
