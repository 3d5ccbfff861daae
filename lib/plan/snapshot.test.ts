import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  canonicalJson,
  fingerprint,
  groupFingerprint,
  normaliseFingerprint,
  type PlanSnapshot,
} from './snapshot'

function reorderKeys(value: unknown, seed: number): unknown {
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map((v) => reorderKeys(v, seed))
  const entries = Object.entries(value as Record<string, unknown>)
  const rotated = entries
    .slice(seed % (entries.length || 1))
    .concat(entries.slice(0, seed % (entries.length || 1)))
  return Object.fromEntries(rotated.reverse().map(([k, v]) => [k, reorderKeys(v, seed + 1)]))
}

const snapshot: PlanSnapshot = {
  schema: 1,
  school: { id: 's1', name: 'Hillside Primary', timeZone: 'Europe/London' },
  version: 3,
  takenAt: '2026-11-24T10:00:00.000Z',
  services: [],
  assets: [],
  members: [],
  gaps: [{ kind: 'NO_DEPUTY', text: 'Nobody is the deputy service continuity manager.', ids: [] }],
}

describe('canonicalJson', () => {
  it('sorts keys at every depth and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { y: 1, x: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[3,{"x":2,"y":1}]},"b":1}',
    )
  })

  it('drops undefined members as JSON does, so a stored and re-read snapshot hashes the same', () => {
    expect(canonicalJson({ a: undefined, b: 'x' })).toBe('{"b":"x"}')
    expect(canonicalJson(JSON.parse(JSON.stringify({ a: undefined, b: 'x' })))).toBe('{"b":"x"}')
  })

  it('does not depend on the order keys were written in', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(20), (value, seed) => {
        expect(canonicalJson(reorderKeys(value, seed))).toBe(canonicalJson(value))
      }),
    )
  })

  it('round-trips through JSON.parse to the same value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalJson(JSON.parse(canonicalJson(value)))).toBe(canonicalJson(value))
      }),
    )
  })
})

describe('fingerprint', () => {
  it('is 64 lower-case hex characters and survives storing as JSON', () => {
    const hex = fingerprint(snapshot)
    expect(hex).toMatch(/^[0-9a-f]{64}$/)
    expect(fingerprint(JSON.parse(JSON.stringify(reorderKeys(snapshot, 2))) as PlanSnapshot)).toBe(hex)
  })

  it('changes when any printed detail changes, and differs between versions of the same content', () => {
    const hex = fingerprint(snapshot)
    expect(fingerprint({ ...snapshot, version: 4 })).not.toBe(hex)
    expect(fingerprint({ ...snapshot, gaps: [] })).not.toBe(hex)
    expect(
      fingerprint({ ...snapshot, school: { ...snapshot.school, name: 'Hillside Primary School' } }),
    ).not.toBe(hex)
  })
})

describe('reading a fingerprint off paper', () => {
  it('groups in fours and reads back whatever spacing, dashes or case were typed', () => {
    const hex = fingerprint(snapshot)
    const grouped = groupFingerprint(hex)
    expect(grouped.split(' ')).toHaveLength(16)
    expect(normaliseFingerprint(grouped.toUpperCase())).toBe(hex)
    expect(normaliseFingerprint(grouped.replaceAll(' ', '-'))).toBe(hex)
    expect(normaliseFingerprint('not a fingerprint')).toBeNull()
  })
})
