import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { paged } from './paged'

function list(n: number) {
  const all = Array.from({ length: n }, (_, i) => i)
  const calls = { rows: 0, count: 0 }
  return {
    calls,
    rows: async (skip: number, take: number) => {
      calls.rows++
      return all.slice(skip, skip + take)
    },
    count: async () => {
      calls.count++
      return n
    },
  }
}

describe('paged', () => {
  it('gives the same page as counting first would, for any list and any page asked for', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat(120),
        fc.integer({ min: 1, max: 30 }),
        fc.oneof(fc.integer({ min: -3, max: 12 }), fc.constant(undefined), fc.constant(1e300)),
        async (n, size, page) => {
          const l = list(n)
          const got = await paged({ page, pageSize: size, rows: l.rows, count: l.count })
          const pages = Math.max(1, Math.ceil(n / size))
          const want = Math.min(pages, Math.max(1, Math.trunc(page ?? 1) || 1))
          expect(got.total).toBe(n)
          expect(got.pages).toBe(pages)
          expect(got.page).toBe(want)
          expect(got.rows).toEqual(
            Array.from({ length: n }, (_, i) => i).slice((want - 1) * size, want * size),
          )
          expect(l.calls.rows + l.calls.count).toBeLessThanOrEqual(3)
        },
      ),
    )
  })

  it('does not count a list that fits on its first page', async () => {
    const l = list(25)
    const got = await paged({ page: 1, pageSize: 25, rows: l.rows, count: l.count })
    expect(got).toMatchObject({ total: 25, pages: 1, page: 1 })
    expect(l.calls).toEqual({ rows: 1, count: 0 })
  })

  it('counts a longer list once', async () => {
    const l = list(26)
    const got = await paged({ page: 1, pageSize: 25, rows: l.rows, count: l.count })
    expect(got).toMatchObject({ total: 26, pages: 2, page: 1 })
    expect(got.rows).toHaveLength(25)
    expect(l.calls).toEqual({ rows: 1, count: 1 })
  })
})
