import { decode, type JWT, type JWTDecodeParams } from 'next-auth/jwt'

/**
 * next-auth's `decode`, remembering what each session cookie decoded to until the token's own expiry.
 *
 * Every signed-in request decodes its cookie, and next-auth derives the decryption key from the secret
 * with HKDF on every call (about a third of a millisecond, a few per cent of a page). The same token string
 * sealed with the same secret always decodes to the same claims, so the claims are kept, keyed by the token,
 * until the `exp` inside it; a token that fails to decode is never kept. The Session row the token names is
 * still checked on every request (context.ts), so signing out or a removal ends a session at once whatever
 * is cached here. Bounded: the oldest entry goes when it is full.
 */
const MAX_ENTRIES = 1000
const decoded = new Map<string, { claims: JWT; exp: number; secret: JWTDecodeParams['secret'] }>()

export async function decodeRemembered(params: JWTDecodeParams): Promise<JWT | null> {
  const { token, secret } = params
  if (!token) return null
  const now = Date.now() / 1000
  const hit = decoded.get(token)
  if (hit && hit.secret === secret && hit.exp > now) return hit.claims
  const claims = await decode(params)
  if (claims && typeof claims.exp === 'number' && claims.exp > now) {
    decoded.delete(token)
    if (decoded.size >= MAX_ENTRIES) decoded.delete(decoded.keys().next().value!)
    decoded.set(token, { claims: Object.freeze(claims), exp: claims.exp, secret })
  }
  return claims
}

/** For tests: forget every remembered token. */
export function forgetDecodedTokens(): void {
  decoded.clear()
}
