import { describe, expect, it } from 'vitest'
import { versionCache } from './version-cache'

describe('versionCache', () => {
  it('computes once per key and version, and again when the version changes', () => {
    const cache = versionCache<{ n: number }>(10)
    let runs = 0
    const compute = () => ({ n: ++runs })
    expect(cache.get('a', 1, compute)).toEqual({ n: 1 })
    expect(cache.get('a', 1, compute)).toEqual({ n: 1 })
    expect(cache.get('a', 2, compute)).toEqual({ n: 2 })
    expect(cache.get('b', 2, compute)).toEqual({ n: 3 })
    expect(runs).toBe(3)
  })

  it('never serves an entry for another version, older or newer', () => {
    const cache = versionCache<string>(10)
    cache.get('a', 5, () => 'five')
    expect(cache.get('a', 4, () => 'four')).toBe('four')
    // The older computation did not replace the newer entry.
    expect(cache.get('a', 5, () => 'again')).toBe('five')
  })

  it('drops the least recently used entry beyond its size', () => {
    const cache = versionCache<string>(2)
    cache.get('a', 1, () => 'a')
    cache.get('b', 1, () => 'b')
    cache.get('a', 1, () => 'a2') // a is now the most recent
    cache.get('c', 1, () => 'c') // drops b
    expect(cache.size).toBe(2)
    expect(cache.get('a', 1, () => 'a3')).toBe('a')
    expect(cache.get('b', 1, () => 'b2')).toBe('b2')
  })

  it('freezes what it shares, so one request cannot change another request page', () => {
    const cache = versionCache<{ rows: { name: string }[]; at: Date }>(2)
    const v = cache.get('a', 1, () => ({ rows: [{ name: 'x' }], at: new Date(0) }))
    expect(() => v.rows.push({ name: 'y' })).toThrow()
    expect(() => {
      v.rows[0]!.name = 'z'
    }).toThrow()
    expect(v.at.getTime()).toBe(0)
  })

  it('shares one async computation between concurrent misses', async () => {
    const cache = versionCache<number>(2)
    let runs = 0
    const compute = async () => {
      runs++
      await new Promise((r) => setTimeout(r, 5))
      return 42
    }
    const all = await Promise.all([1, 2, 3].map(() => cache.getAsync('a', 1, compute)))
    expect(all).toEqual([42, 42, 42])
    expect(runs).toBe(1)
    expect(await cache.getAsync('a', 1, compute)).toBe(42)
    expect(runs).toBe(1)
  })

  it('does not keep a failed computation', async () => {
    const cache = versionCache<number>(2)
    await expect(cache.getAsync('a', 1, async () => Promise.reject(new Error('db down')))).rejects.toThrow()
    expect(await cache.getAsync('a', 1, async () => 7)).toBe(7)
  })
})
