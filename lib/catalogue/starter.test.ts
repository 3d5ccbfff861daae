import { describe, expect, it } from 'vitest'
import { findCycle } from './graph'
import { STARTER_ASSETS, STARTER_SERVICES } from './starter'

describe('starter catalogue', () => {
  const assetKeys = new Set(STARTER_ASSETS.map((a) => a.key))

  it('includes the FITS services and the usual school ones', () => {
    const names = STARTER_SERVICES.map((s) => s.name)
    for (const n of [
      'Printing',
      'Word processing',
      'Internet',
      'Data storage',
      'Technical support',
      'E-mail',
      'Telephony',
      'Wi-Fi',
      'School website',
      'Safeguarding records',
      'Cashless catering',
    ])
      expect(names).toContain(n)
    expect(names.some((n) => n.startsWith('Management information system'))).toBe(true)
  })

  it('has unique keys and names, and every link points at a starter asset', () => {
    expect(new Set(STARTER_SERVICES.map((s) => s.key)).size).toBe(STARTER_SERVICES.length)
    expect(assetKeys.size).toBe(STARTER_ASSETS.length)
    expect(new Set(STARTER_ASSETS.map((a) => a.name)).size).toBe(STARTER_ASSETS.length)
    for (const s of STARTER_SERVICES) for (const n of s.needs) expect(assetKeys).toContain(n.asset)
    for (const a of STARTER_ASSETS) for (const d of a.dependsOn ?? []) expect(assetKeys).toContain(d)
  })

  it('keeps every RTO within the maximum tolerable outage and every criticality in 1-4', () => {
    for (const s of STARTER_SERVICES) {
      expect(s.rtoMinutes).toBeLessThanOrEqual(s.maxOutageMinutes)
      expect(s.criticality).toBeGreaterThanOrEqual(1)
      expect(s.criticality).toBeLessThanOrEqual(4)
    }
  })

  it('has no dependency loops', () => {
    const edges: { assetId: string; dependsOnId: string }[] = []
    for (const a of STARTER_ASSETS)
      for (const d of a.dependsOn ?? []) {
        expect(findCycle(edges, a.key, d)).toBeNull()
        edges.push({ assetId: a.key, dependsOnId: d })
      }
  })
})
