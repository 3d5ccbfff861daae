import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isLoop, loopComponents, stronglyConnected, toRows } from './loops'

function reach(succ: number[][], from: number): Set<number> {
  const seen = new Set([from])
  const queue = [from]
  for (let i = 0; i < queue.length; i++) {
    for (const w of succ[queue[i]!]!) {
      if (seen.has(w)) continue
      seen.add(w)
      queue.push(w)
    }
  }
  return seen
}

describe('stronglyConnected', () => {
  it('puts each node of a chain alone, dependencies first', () => {
    // 0 needs 1, 1 needs 2.
    expect(stronglyConnected([[1], [2], []])).toEqual([[2], [1], [0]])
  })

  it('groups a loop and orders it after what it needs and before what needs it', () => {
    // 0 needs 1; 1, 2 and 3 need each other round; 3 needs 4.
    const succ = [[1], [2], [3], [1, 4], []]
    expect(stronglyConnected(succ)).toEqual([[4], [1, 2, 3], [0]])
    expect(isLoop([1, 2, 3], succ)).toBe(true)
    expect(isLoop([0], succ)).toBe(false)
  })

  it('calls a node that needs itself a loop', () => {
    expect(isLoop([0], [[0]])).toBe(true)
  })

  it('copes with a chain far longer than the call stack', () => {
    const n = 200_000
    const succ = Array.from({ length: n }, (_, i) => (i + 1 < n ? [i + 1] : []))
    succ[n - 1] = [0]
    expect(stronglyConnected(succ)).toHaveLength(1)
  })

  it('groups exactly the nodes that reach each other, and emits what a group needs before the group', () => {
    const graph = fc
      .integer({ min: 1, max: 12 })
      .chain((n) => fc.array(fc.array(fc.nat(n - 1), { maxLength: 3 }), { minLength: n, maxLength: n }))
    fc.assert(
      fc.property(graph, (succ) => {
        const components = stronglyConnected(succ)
        const groupOf = new Map<number, number>()
        components.forEach((c, i) => {
          for (const v of c) groupOf.set(v, i)
        })
        expect(groupOf.size).toBe(succ.length)
        const reaches = succ.map((_, v) => reach(succ, v))
        for (let v = 0; v < succ.length; v++) {
          for (let w = 0; w < succ.length; w++) {
            const together = reaches[v]!.has(w) && reaches[w]!.has(v)
            expect(groupOf.get(v) === groupOf.get(w)).toBe(together)
          }
          for (const w of succ[v]!) expect(groupOf.get(w)!).toBeLessThanOrEqual(groupOf.get(v)!)
        }
      }),
    )
  })

  it('gives the same components from rows, and only the loops, in the same order, when asked for those', () => {
    const graph = fc
      .integer({ min: 1, max: 12 })
      .chain((n) => fc.array(fc.array(fc.nat(n - 1), { maxLength: 3 }), { minLength: n, maxLength: n }))
    fc.assert(
      fc.property(graph, (succ) => {
        const rows = toRows(succ)
        const all = stronglyConnected(succ)
        expect(stronglyConnected(rows)).toEqual(all)
        expect(loopComponents(rows)).toEqual(all.filter((c) => isLoop(c, succ)))
        for (const c of all) expect(isLoop(c, rows)).toBe(isLoop(c, succ))
      }),
    )
  })
})
