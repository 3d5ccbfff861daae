import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  type ProposalAsset,
  type ProposalInput,
  parseProposalKey,
  proposeRisks,
  weakPointKind,
} from './proposals'

// "Protected" here means a standby, or for a data asset a recorded backup copy.
const asset = (id: string, type: string, isProtected = false, version = 1): ProposalAsset => ({
  id,
  name: id.toUpperCase(),
  type,
  hasStandby: isProtected,
  backups: isProtected ? 1 : 0,
  version,
})

/** A school with one weak point of each kind, and assets that are not weak at all. */
function school(over: Partial<ProposalInput> = {}): ProposalInput {
  return {
    services: [
      { id: 'mis', name: 'MIS', criticality: 1, rtoMinutes: 240 },
      { id: 'wifi', name: 'Wi-Fi', criticality: 3, rtoMinutes: 1440 },
    ],
    assets: [
      asset('server', 'HARDWARE'),
      asset('bursar', 'PEOPLE'),
      asset('records', 'DATA'),
      asset('isp', 'EXTERNAL_SERVICE'),
      asset('spare', 'HARDWARE', true),
      asset('ap', 'HARDWARE'),
    ],
    needs: [
      { serviceId: 'mis', assetId: 'server', required: true },
      { serviceId: 'mis', assetId: 'records', required: true },
      { serviceId: 'wifi', assetId: 'ap', required: true },
    ],
    edges: [{ assetId: 'server', dependsOnId: 'isp' }],
    accepted: [],
    dismissed: new Map(),
    ...over,
  }
}

describe('risks proposed from the catalogue', () => {
  it('proposes each kind of weak point exactly once, with its category, threats and services', () => {
    const p = proposeRisks(school())
    expect(p.map((x) => x.key).sort()).toEqual(
      ['KEY_PERSON:bursar', 'NO_BACKUP:records', 'NO_STANDBY_SUPPLIER:isp', 'SPOF:server'].sort(),
    )
    const spof = p.find((x) => x.kind === 'SPOF')!
    expect(spof).toMatchObject({ categoryKey: 'internal', serviceIds: ['mis'], impact: 5 })
    expect(spof.threatKeys).toContain('power-failure')
    // The ISP is reached through the server, so the MIS goes down with it.
    expect(p.find((x) => x.kind === 'NO_STANDBY_SUPPLIER')).toMatchObject({
      categoryKey: 'providers',
      serviceIds: ['mis'],
    })
    expect(p.find((x) => x.kind === 'NO_BACKUP')?.threatKeys).toContain('ransomware')
    expect(p.find((x) => x.kind === 'KEY_PERSON')).toMatchObject({ categoryKey: 'staff', serviceIds: [] })
  })

  it('leaves out assets with a standby, and hardware only a low service needs', () => {
    const keys = proposeRisks(school()).map((x) => x.assetId)
    expect(keys).not.toContain('spare')
    expect(keys).not.toContain('ap')
  })

  it('never proposes again what was accepted', () => {
    const p = proposeRisks(school({ accepted: ['SPOF:server'] }))
    expect(p.map((x) => x.key)).not.toContain('SPOF:server')
  })

  it('keeps a dismissed proposal away until the asset changes', () => {
    const dismissed = new Map([['NO_BACKUP:records', 1]])
    expect(proposeRisks(school({ dismissed })).map((x) => x.key)).not.toContain('NO_BACKUP:records')
    const changed = school({ dismissed })
    changed.assets = changed.assets.map((a) => (a.id === 'records' ? { ...a, version: 2 } : a))
    expect(proposeRisks(changed).map((x) => x.key)).toContain('NO_BACKUP:records')
  })

  it('gives an asset one kind at most, the most specific', () => {
    expect(weakPointKind(asset('p', 'PEOPLE'), true)).toBe('KEY_PERSON')
    expect(weakPointKind(asset('d', 'DATA'), true)).toBe('NO_BACKUP')
    expect(weakPointKind(asset('h', 'HARDWARE'), false)).toBeNull()
    expect(weakPointKind(asset('h', 'HARDWARE', true), true)).toBeNull()
  })

  it('for any catalogue: at most one proposal per asset, none for an asset with a standby, dismissed ones stay away', () => {
    const types = [
      'HARDWARE',
      'SOFTWARE',
      'NETWORK',
      'EXTERNAL_SERVICE',
      'DATA',
      'PEOPLE',
      'PROCEDURE',
      'FACILITY',
    ]
    const arb = fc
      .record({
        assets: fc.array(fc.record({ type: fc.constantFrom(...types), standby: fc.boolean() }), {
          minLength: 1,
          maxLength: 12,
        }),
        crit: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 }),
        needs: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.boolean()), { maxLength: 20 }),
        dismiss: fc.array(fc.nat(), { maxLength: 5 }),
      })
      .map(({ assets, crit, needs, dismiss }) => {
        const as = assets.map((a, i) => asset(`a${i}`, a.type, a.standby))
        const ss = crit.map((c, i) => ({ id: `s${i}`, name: `S${i}`, criticality: c, rtoMinutes: 60 }))
        return {
          as,
          ss,
          needs: needs.map(([s, a, r]) => ({
            serviceId: ss[s % ss.length]?.id ?? 's0',
            assetId: as[a % as.length]?.id ?? 'a0',
            required: r,
          })),
          dismiss: dismiss.map((d) => as[d % as.length]?.id ?? 'a0'),
        }
      })
    fc.assert(
      fc.property(arb, ({ as, ss, needs, dismiss }) => {
        const base = { services: ss, assets: as, needs, edges: [], accepted: [], dismissed: new Map() }
        const all = proposeRisks(base)
        const perAsset = new Set(all.map((p) => p.assetId))
        if (perAsset.size !== all.length) return false
        if (all.some((p) => as.find((a) => a.id === p.assetId)?.hasStandby)) return false // protected
        const dismissed = new Map(all.filter((p) => dismiss.includes(p.assetId)).map((p) => [p.key, 1]))
        const after = proposeRisks({ ...base, dismissed })
        return after.every((p) => !dismissed.has(p.key)) && after.length === all.length - dismissed.size
      }),
    )
  })

  it('proposes data by its backups, not its standby', () => {
    const data = (hasStandby: boolean, backups: number): ProposalAsset => ({
      id: 'd',
      name: 'Pupil records',
      type: 'DATA',
      hasStandby,
      backups,
      version: 1,
    })
    expect(weakPointKind(data(true, 0), false)).toBe('NO_BACKUP')
    expect(weakPointKind(data(false, 1), false)).toBeNull()
    expect(weakPointKind(data(false, 0), true)).toBe('NO_BACKUP')
  })

  it('reads its own keys back and nothing else', () => {
    expect(parseProposalKey('SPOF:abc123')).toEqual({ kind: 'SPOF', assetId: 'abc123' })
    expect(parseProposalKey('NOPE:abc')).toBeNull()
    expect(parseProposalKey('SPOF:')).toBeNull()
  })
})
