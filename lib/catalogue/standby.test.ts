import { describe, expect, it } from 'vitest'
import { standbyDrift } from './standby'

const changed = new Date('2026-03-10T09:00:00Z')
const before = new Date('2026-03-09T09:00:00Z')
const after = new Date('2026-03-11T09:00:00Z')

describe('standbyDrift', () => {
  it('reports no standby whatever the dates say', () => {
    expect(
      standbyDrift({ hasStandby: false, specificationChangedAt: changed, standbyVerifiedAt: before }),
    ).toBe('NO_STANDBY')
    expect(standbyDrift({ hasStandby: false, specificationChangedAt: null, standbyVerifiedAt: null })).toBe(
      'NO_STANDBY',
    )
  })

  it('reports a standby nobody has verified', () => {
    expect(standbyDrift({ hasStandby: true, specificationChangedAt: null, standbyVerifiedAt: null })).toBe(
      'NEVER_VERIFIED',
    )
    expect(standbyDrift({ hasStandby: true, specificationChangedAt: changed, standbyVerifiedAt: null })).toBe(
      'NEVER_VERIFIED',
    )
  })

  it('warns when the primary changed after the standby was verified', () => {
    expect(
      standbyDrift({ hasStandby: true, specificationChangedAt: changed, standbyVerifiedAt: before }),
    ).toBe('MAY_NOT_MATCH')
  })

  it('warns even when the change came a single millisecond later', () => {
    const justAfter = new Date(before.getTime() + 1)
    expect(
      standbyDrift({ hasStandby: true, specificationChangedAt: justAfter, standbyVerifiedAt: before }),
    ).toBe('MAY_NOT_MATCH')
  })

  it('is content when the standby was verified after the change', () => {
    expect(
      standbyDrift({ hasStandby: true, specificationChangedAt: changed, standbyVerifiedAt: after }),
    ).toBe('OK')
  })

  it('treats verification at the same moment as the change as OK, even with separate Date objects', () => {
    const same = new Date(changed.getTime())
    expect(standbyDrift({ hasStandby: true, specificationChangedAt: changed, standbyVerifiedAt: same })).toBe(
      'OK',
    )
  })

  it('is content when the specification was never recorded as changed', () => {
    expect(standbyDrift({ hasStandby: true, specificationChangedAt: null, standbyVerifiedAt: before })).toBe(
      'OK',
    )
  })
})
