import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  inOrder,
  listedBeforeTheirPredecessor,
  moveStep,
  renumber,
  totalMinutes,
  wouldLoop,
} from './step-order'

const steps = (...ids: string[]) => ids.map((id, k) => ({ id, position: k + 1 }))

describe('moveStep', () => {
  it('swaps a step with the one above or below, returning only the changed positions', () => {
    expect(moveStep(steps('a', 'b', 'c'), 'c', 'up')).toEqual([
      { id: 'c', position: 2 },
      { id: 'b', position: 3 },
    ])
    expect(moveStep(steps('a', 'b', 'c'), 'a', 'down')).toEqual([
      { id: 'b', position: 1 },
      { id: 'a', position: 2 },
    ])
  })

  it('answers null at either end and for a step that is not there', () => {
    expect(moveStep(steps('a', 'b'), 'a', 'up')).toBeNull()
    expect(moveStep(steps('a', 'b'), 'b', 'down')).toBeNull()
    expect(moveStep(steps('a', 'b'), 'x', 'up')).toBeNull()
  })

  it('closes gaps left by removed steps while it moves', () => {
    const gappy = [
      { id: 'a', position: 2 },
      { id: 'b', position: 5 },
      { id: 'c', position: 9 },
    ]
    expect(moveStep(gappy, 'b', 'down')).toEqual([
      { id: 'a', position: 1 },
      { id: 'c', position: 2 },
      { id: 'b', position: 3 },
    ])
  })

  it('keeps every step exactly once, numbered 1..n, for any list and move', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 12 }),
        fc.nat(),
        fc.boolean(),
        (ids, pick, up) => {
          const list = ids.map((id, k) => ({ id, position: (k + 1) * 3 }))
          const id = ids[pick % ids.length]!
          const changes = moveStep(list, id, up ? 'up' : 'down')
          if (!changes) return
          const pos = new Map(list.map((s) => [s.id, s.position]))
          for (const c of changes) pos.set(c.id, c.position)
          expect([...pos.values()].sort((a, b) => a - b)).toEqual(ids.map((_, k) => k + 1))
        },
      ),
    )
  })
})

describe('inOrder and renumber', () => {
  it('orders by position, then id, whatever the input order', () => {
    const s = [
      { id: 'b', position: 1 },
      { id: 'a', position: 1 },
      { id: 'c', position: 0 },
    ]
    expect(inOrder(s).map((x) => x.id)).toEqual(['c', 'a', 'b'])
  })
  it('returns nothing when the positions are already 1..n', () => {
    expect(renumber(steps('a', 'b'))).toEqual([])
  })
})

describe('wouldLoop', () => {
  const linked = [
    { id: 'a', afterStepId: null },
    { id: 'b', afterStepId: 'a' },
    { id: 'c', afterStepId: 'b' },
  ]
  it('refuses a step waiting on itself, directly or through others', () => {
    expect(wouldLoop(linked, 'a', 'a')).toBe(true)
    expect(wouldLoop(linked, 'a', 'c')).toBe(true)
  })
  it('allows a chain and no predecessor', () => {
    expect(wouldLoop(linked, 'c', 'a')).toBe(false)
    expect(wouldLoop(linked, 'a', null)).toBe(false)
  })
})

describe('listedBeforeTheirPredecessor', () => {
  it('flags a step listed above the step it waits for', () => {
    const s = [
      { id: 'a', position: 1, afterStepId: 'b' },
      { id: 'b', position: 2, afterStepId: null },
      { id: 'c', position: 3, afterStepId: 'b' },
    ]
    expect([...listedBeforeTheirPredecessor(s)]).toEqual(['a'])
  })
  it('ignores a predecessor from elsewhere', () => {
    expect(listedBeforeTheirPredecessor([{ id: 'a', position: 1, afterStepId: 'zz' }]).size).toBe(0)
  })
})

it('adds up the minutes for one person doing everything', () => {
  expect(totalMinutes([{ estimatedMinutes: 15 }, { estimatedMinutes: 45 }])).toBe(60)
  expect(totalMinutes([])).toBe(0)
})
