import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  makeMemberSnapshot,
  makeServiceSnapshot,
  makeSnapshot,
  makeStep,
} from '../../tests/support/plan-version-snapshot'
import { compareSnapshots, describeDiff, diffRecords } from './compare'

describe('compareSnapshots', () => {
  it('finds nothing between a version and itself', () => {
    const s = makeSnapshot()
    expect(compareSnapshots(s, s).total).toBe(0)
  })

  it('says which services were added, removed and changed, field by field', () => {
    const from = makeSnapshot({
      services: [makeServiceSnapshot('mis', { name: 'MIS' }), makeServiceSnapshot('wifi', { name: 'Wi-Fi' })],
    })
    const to = makeSnapshot({
      services: [
        makeServiceSnapshot('mis', { name: 'MIS', rtoMinutes: 120 }),
        makeServiceSnapshot('mail', { name: 'E-mail', position: 2 }),
      ],
    })
    const c = compareSnapshots(from, to)
    expect(c.services.map(describeDiff)).toEqual([
      'Changed MIS: recovery time objective from 4 hours to 2 hours.',
      'Added E-mail.',
      'Removed Wi-Fi.',
    ])
  })

  it('matches a renamed service by id: one change, not a removal and an addition', () => {
    const from = makeSnapshot()
    const to = makeSnapshot({ services: [makeServiceSnapshot('mis', { name: 'SIMS' })] })
    const [only, ...rest] = compareSnapshots(from, to).services
    expect(rest).toEqual([])
    expect(only).toMatchObject({ kind: 'changed', name: 'SIMS' })
    expect(only?.fields).toContainEqual({ label: 'name', before: 'MIS', after: 'SIMS' })
  })

  it('lists steps added, removed and changed, with their time and role in words', () => {
    const from = makeSnapshot()
    const plan = from.services[0]!.plans[0]!
    const to = makeSnapshot({
      services: [
        makeServiceSnapshot('mis', {
          name: 'MIS',
          plans: [
            {
              ...plan,
              steps: [
                makeStep('mis-s1', { minutes: 45, role: null }),
                makeStep('mis-s3', { position: 2, instruction: 'Phone parents' }),
              ],
            },
          ],
        }),
      ],
    })
    const c = compareSnapshots(from, to)
    expect(c.steps.map(describeDiff)).toEqual([
      'Changed MIS, Server failure: Do mis-s1: time from 15 minutes to 45 minutes; role from ICT technician to no role.',
      'Added MIS, Server failure: Phone parents.',
      'Removed MIS, Server failure: Do mis-s2.',
    ])
  })

  it('keeps people (name, job, roles) apart from their contact details', () => {
    const from = makeSnapshot({
      members: [makeMemberSnapshot('m1', { name: 'Sam' }), makeMemberSnapshot('m2')],
    })
    const to = makeSnapshot({
      members: [
        makeMemberSnapshot('m1', { name: 'Sam', mobile: '07700 900999', jobTitle: 'Business manager' }),
        makeMemberSnapshot('m3', { name: 'Jo' }),
      ],
    })
    const c = compareSnapshots(from, to)
    expect(c.people.map(describeDiff)).toEqual([
      'Changed Sam: job title from Technician to Business manager.',
      'Added Jo.',
      'Removed Member m2.',
    ])
    expect(c.contacts.map(describeDiff)).toContain('Changed Sam: mobile from 07700 900001 to 07700 900999.')
    expect(c.total).toBe(c.services.length + c.steps.length + c.people.length + c.contacts.length)
  })

  it('says a supplier number changed', () => {
    const to = makeSnapshot({
      services: [
        makeServiceSnapshot('mis', {
          name: 'MIS',
          suppliers: [{ name: 'Acme IT', contact: '0161 999 9999', reason: '' }],
        }),
      ],
    })
    expect(compareSnapshots(makeSnapshot(), to).contacts.map(describeDiff)).toEqual([
      'Changed Acme IT (supplier): contact from 0161 000 0000 to 0161 999 9999.',
    ])
  })
})

describe('diffRecords', () => {
  const keyed = fc.uniqueArray(
    fc.record({ key: fc.string({ minLength: 1, maxLength: 4 }), v: fc.string({ maxLength: 3 }) }),
    { selector: (r) => r.key, maxLength: 12 },
  )
  const asKeyed = (rs: { key: string; v: string }[]) =>
    rs.map((r) => ({ key: r.key, name: r.key, fields: { v: r.v } }))

  it('counts every key once: in both and unchanged, changed, added or removed', () => {
    fc.assert(
      fc.property(keyed, keyed, (a, b) => {
        const d = diffRecords(asKeyed(a), asKeyed(b))
        const aKeys = new Set(a.map((r) => r.key))
        const bKeys = new Set(b.map((r) => r.key))
        expect(d.filter((x) => x.kind === 'added').length).toBe(
          [...bKeys].filter((k) => !aKeys.has(k)).length,
        )
        expect(d.filter((x) => x.kind === 'removed').length).toBe(
          [...aKeys].filter((k) => !bKeys.has(k)).length,
        )
        const changed = b.filter((r) => aKeys.has(r.key) && a.find((x) => x.key === r.key)?.v !== r.v)
        expect(d.filter((x) => x.kind === 'changed').length).toBe(changed.length)
      }),
    )
  })

  it('is empty exactly when both sides are the same', () => {
    fc.assert(
      fc.property(keyed, (a) => {
        expect(diffRecords(asKeyed(a), asKeyed(a))).toEqual([])
      }),
    )
  })
})
