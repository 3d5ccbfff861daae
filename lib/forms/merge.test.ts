import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type FormGroup, mergeFormValues } from './merge'

type K = 'name' | 'rtoValue' | 'rtoUnit' | 'criticality'
const GROUPS: FormGroup<K>[] = [
  { key: 'name', label: 'Name', keys: ['name'] },
  { key: 'rto', label: 'RTO', keys: ['rtoValue', 'rtoUnit'] },
  { key: 'criticality', label: 'Criticality', keys: ['criticality'] },
]
const base = { name: 'MIS', rtoValue: '4', rtoUnit: 'hours', criticality: '2' }

describe('merging a form after someone else saved', () => {
  it("keeps the other person's change to a field this person did not touch", () => {
    const theirs = { ...base, rtoValue: '1', rtoUnit: 'days' }
    const yours = { ...base, name: 'MIS (Arbor)' }
    const m = mergeFormValues(GROUPS, base, yours, theirs)
    expect(m.values).toEqual({ name: 'MIS (Arbor)', rtoValue: '1', rtoUnit: 'days', criticality: '2' })
    expect(m.conflicts).toEqual([])
    expect(m.rows.map((r) => r.outcome)).toEqual(['YOURS', 'THEIRS', 'SAME'])
  })
  it('reports a conflict where both changed one field differently, showing yours until they choose', () => {
    const theirs = { ...base, criticality: '1' }
    const yours = { ...base, criticality: '3' }
    const m = mergeFormValues(GROUPS, base, yours, theirs)
    expect(m.conflicts.map((c) => c.group.key)).toEqual(['criticality'])
    expect(m.values.criticality).toBe('3')
  })
  it('treats a value and its unit as one field', () => {
    const theirs = { ...base, rtoUnit: 'days' }
    const yours = { ...base, rtoValue: '2' }
    const m = mergeFormValues(GROUPS, base, yours, theirs)
    expect(m.conflicts.map((c) => c.group.key)).toEqual(['rto'])
  })
  it('is no conflict when both made the same change, nor for white space', () => {
    const m = mergeFormValues(GROUPS, base, { ...base, name: 'MIS 2 ' }, { ...base, name: 'MIS 2' })
    expect(m.rows[0]!.outcome).toBe('BOTH_SAME')
    expect(m.conflicts).toEqual([])
  })
  it('never loses a change: every field ends as yours or theirs, and theirs only where you changed nothing', () => {
    const value = fc.constantFrom('a', 'b', 'c')
    const rec = fc.record({ name: value, rtoValue: value, rtoUnit: value, criticality: value })
    fc.assert(
      fc.property(rec, rec, rec, (b, y, t) => {
        const m = mergeFormValues(GROUPS, b, y, t)
        for (const row of m.rows)
          for (const k of row.group.keys) {
            const v = m.values[k]
            expect(v === y[k] || v === t[k]).toBe(true)
            if (row.outcome === 'CONFLICT' || row.outcome === 'YOURS') expect(v).toBe(y[k])
            if (v !== y[k]) expect(row.group.keys.every((g) => y[g] === b[g])).toBe(true)
          }
      }),
    )
  })
})
