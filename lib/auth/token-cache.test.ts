import { encode } from 'next-auth/jwt'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { decodeRemembered, forgetDecodedTokens } from './token-cache'

const secret = 'a-test-secret-that-is-long-enough-0123456789'

afterEach(() => {
  forgetDecodedTokens()
  vi.useRealTimers()
})

describe('decodeRemembered', () => {
  it('gives the same claims as next-auth, and the second time without deriving the key again', async () => {
    const token = await encode({ token: { uid: 'u1', sid: 's1' }, secret, maxAge: 3600 })
    const first = await decodeRemembered({ token, secret })
    expect(first).toMatchObject({ uid: 'u1', sid: 's1' })
    const crypto = await import('node:crypto')
    const hkdf = vi.spyOn(crypto.default, 'hkdf')
    const second = await decodeRemembered({ token, secret })
    expect(second).toEqual(first)
    expect(hkdf).not.toHaveBeenCalled()
    // The spy does see next-auth derive the key when nothing is remembered.
    forgetDecodedTokens()
    await decodeRemembered({ token, secret })
    expect(hkdf).toHaveBeenCalled()
    hkdf.mockRestore()
  })

  it('refuses a token sealed with another secret, even after the right one was remembered', async () => {
    const token = await encode({ token: { uid: 'u1', sid: 's1' }, secret, maxAge: 3600 })
    await decodeRemembered({ token, secret })
    await expect(decodeRemembered({ token, secret: `${secret}-other` })).rejects.toThrow()
  })

  it('refuses a tampered token and an empty one', async () => {
    const token = await encode({ token: { uid: 'u1', sid: 's1' }, secret, maxAge: 3600 })
    const tampered = `${token.slice(0, -4)}AAAA`
    await expect(decodeRemembered({ token: tampered, secret })).rejects.toThrow()
    expect(await decodeRemembered({ token: '', secret })).toBeNull()
  })

  it('stops answering from memory once the token has expired', async () => {
    const token = await encode({ token: { uid: 'u1', sid: 's1' }, secret, maxAge: 60 })
    expect(await decodeRemembered({ token, secret })).toMatchObject({ uid: 'u1' })
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(Date.now() + 60_000 + 16_000) // past exp and next-auth's 15 s of clock tolerance
    await expect(decodeRemembered({ token, secret })).rejects.toThrow()
  })
})
