import { describe, expect, it } from 'vitest'
import { invitationExpiry, invitationStatus } from './status'

const made = new Date('2026-11-01T09:00:00Z')
const base = { expiresAt: invitationExpiry(made), acceptedAt: null, declinedAt: null, revokedAt: null }

describe('invitationStatus', () => {
  it('is pending until fourteen days have passed, then expired', () => {
    expect(invitationStatus(base, new Date('2026-11-15T08:59:59Z'))).toBe('pending')
    expect(invitationStatus(base, new Date('2026-11-15T09:00:00Z'))).toBe('expired')
  })
  it('keeps a final answer or a revocation over expiry', () => {
    const late = new Date('2027-01-01T00:00:00Z')
    expect(invitationStatus({ ...base, acceptedAt: made }, late)).toBe('accepted')
    expect(invitationStatus({ ...base, declinedAt: made }, late)).toBe('declined')
    expect(invitationStatus({ ...base, revokedAt: made }, late)).toBe('revoked')
  })
})
