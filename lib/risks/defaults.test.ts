import { describe, expect, it } from 'vitest'
import { DEFAULT_CATEGORIES, DEFAULT_THREATS, missingDefaults } from './defaults'

describe('the FITS defaults', () => {
  it('hold the five FITS risks and the seventeen threats, each key once', () => {
    expect(DEFAULT_CATEGORIES).toHaveLength(5)
    expect(new Set(DEFAULT_CATEGORIES.map((c) => c.key)).size).toBe(5)
    expect(DEFAULT_THREATS).toHaveLength(17)
    expect(new Set(DEFAULT_THREATS.map((t) => t.key)).size).toBe(17)
    expect(DEFAULT_THREATS.map((t) => t.name)).toEqual(
      expect.arrayContaining(['Fire', 'Ransomware', 'Phishing', 'Theft', 'Flood', 'Resignation']),
    )
  })

  it('adds only what a school does not hold, retired ones included', () => {
    expect(missingDefaults(DEFAULT_CATEGORIES, [])).toHaveLength(5)
    expect(missingDefaults(DEFAULT_CATEGORIES, ['internal', 'data', null]).map((c) => c.key)).toEqual([
      'external',
      'staff',
      'providers',
    ])
    expect(
      missingDefaults(
        DEFAULT_CATEGORIES,
        DEFAULT_CATEGORIES.map((c) => c.key),
      ),
    ).toEqual([])
  })
})
