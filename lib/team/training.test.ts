import { describe, expect, it } from 'vitest'
import { hasOffSiteContact } from './contacts'
import { ncscTrainingStatus } from './training'

const now = new Date('2026-11-24T12:00:00Z')
const day = (s: string) => new Date(`${s}T12:00:00Z`)

describe('ncscTrainingStatus', () => {
  it('does not ask it of members without system access', () => {
    expect(ncscTrainingStatus({ systemAccess: false }, [], now)).toEqual({ status: 'NOT_NEEDED', last: null })
  })

  it('flags a member with system access and no NCSC record, whatever else they took', () => {
    const r = ncscTrainingStatus(
      { systemAccess: true },
      [
        { kind: 'REHEARSAL', heldOn: day('2026-10-01') },
        { kind: 'TRAINING', heldOn: day('2026-09-01') },
      ],
      now,
    )
    expect(r).toEqual({ status: 'MISSING', last: null })
  })

  it('takes the latest NCSC record, in date up to a year', () => {
    const r = ncscTrainingStatus(
      { systemAccess: true },
      [
        { kind: 'NCSC_CYBER', heldOn: day('2024-01-10') },
        { kind: 'NCSC_CYBER', heldOn: day('2025-11-25') },
      ],
      now,
    )
    expect(r.status).toBe('CURRENT')
    expect(r.last).toEqual(day('2025-11-25'))
  })

  it('asks for a refresh once the latest is over a year old', () => {
    expect(
      ncscTrainingStatus({ systemAccess: true }, [{ kind: 'NCSC_CYBER', heldOn: day('2025-11-23') }], now)
        .status,
    ).toBe('DUE')
  })
})

describe('hasOffSiteContact', () => {
  const none = { mobile: '', otherPhone: '', personalEmail: '' }
  it('needs a phone or a personal e-mail', () => {
    expect(hasOffSiteContact(none)).toBe(false)
    expect(hasOffSiteContact({ ...none, mobile: '  ' })).toBe(false)
    expect(hasOffSiteContact({ ...none, mobile: '07700 900123' })).toBe(true)
    expect(hasOffSiteContact({ ...none, otherPhone: '01632 960000' })).toBe(true)
    expect(hasOffSiteContact({ ...none, personalEmail: 'a@b.org' })).toBe(true)
  })
})
