import { describe, expect, it, vi } from 'vitest'
import { hashPassword, verifyPassword } from './password'

// Counts scrypt runs, to show when the dummy hash is built.
const scryptRuns = vi.hoisted(() => ({ n: 0 }))
vi.mock('node:crypto', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:crypto')>()
  const scrypt = (...args: Parameters<typeof real.scrypt>) => {
    scryptRuns.n++
    return real.scrypt(...args)
  }
  return { ...real, scrypt }
})

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const h = await hashPassword('a long school password')
    expect(h).toMatch(/^scrypt\$32768\$8\$1\$/)
    expect(await verifyPassword('a long school password', h)).toBe(true)
    expect(await verifyPassword('a long school passwore', h)).toBe(false)
  })
  it('salts every hash', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'))
  })
  it('never matches a malformed hash', async () => {
    expect(await verifyPassword('x', 'plain-text')).toBe(false)
    expect(await verifyPassword('x', 'bcrypt$1$2$3$4$5')).toBe(false)
  })
  it('starts the dummy hash for unknown e-mails when the module loads, not on first use', async () => {
    vi.resetModules()
    const before = scryptRuns.n
    const fresh = await import('./password')
    expect(scryptRuns.n).toBe(before + 1)
    const dummy = await fresh.dummyHash()
    expect(dummy).toMatch(/^scrypt\$32768\$8\$1\$/)
    expect(await fresh.dummyHash()).toBe(dummy)
    expect(scryptRuns.n).toBe(before + 1)
  })
})
