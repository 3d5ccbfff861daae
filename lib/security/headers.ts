/**
 * The portal's security headers, built by pure functions so that a unit test can read them.
 *
 * Two groups:
 * - `staticSecurityHeaders`: the same on every response, pages and static files alike (next.config.ts
 *   sends them for every path).
 * - `contentSecurityPolicy`: per page request, with a fresh nonce (proxy.ts). Next.js reads the nonce from
 *   the policy on the request and puts it on its own scripts and styles, so only the scripts Next wrote
 *   for this response run. It only does so while rendering at request time: every page must be
 *   dynamically rendered (the root layout reads the nonce, which makes them so).
 */

export type Header = { key: string; value: string }

/** Browser features the portal never uses, switched off for the page and anything it frames. */
const DISABLED_FEATURES = [
  'accelerometer',
  'autoplay',
  'browsing-topics',
  'camera',
  'display-capture',
  'geolocation',
  'gyroscope',
  'hid',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'serial',
  'usb',
  'xr-spatial-tracking',
] as const

export function staticSecurityHeaders(): Header[] {
  return [
    // Browsers take a file for what its Content-Type says, never what its bytes look like.
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    // Record ids and search terms stay on this site: other sites get no Referer at all.
    { key: 'Referrer-Policy', value: 'same-origin' },
    { key: 'Permissions-Policy', value: DISABLED_FEATURES.map((f) => `${f}=()`).join(', ') },
    // For browsers too old for CSP's frame-ancestors.
    { key: 'X-Frame-Options', value: 'DENY' },
    // A page opened from the portal cannot reach back into it through window.opener.
    { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  ]
}

export type CspOptions = {
  /** A fresh, unguessable value for this response (see `newNonce`). */
  nonce: string
  /**
   * `next dev` only: React uses eval to rebuild server error stacks in the browser, and the dev overlay
   * injects styles without the nonce. Never in production.
   */
  dev: boolean
}

/** The Content-Security-Policy for one page response. */
export function contentSecurityPolicy({ nonce, dev }: CspOptions): string {
  if (!/^[A-Za-z0-9+/_-]{16,}={0,2}$/.test(nonce)) throw new Error('A CSP nonce must be base64 of 16+ bytes')
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    // 'strict-dynamic': a script that carries the nonce may load the page's other chunks; nothing else runs.
    ['script-src', "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    ['style-src', "'self'", dev ? "'unsafe-inline'" : `'nonce-${nonce}'`],
    ['img-src', "'self'", 'blob:', 'data:'],
    ['font-src', "'self'"],
    ['connect-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'"],
    ['frame-ancestors', "'none'"],
  ]
  return directives.map((d) => d.join(' ')).join('; ')
}

/** 16 random bytes, base64: a nonce for one response. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return btoa(String.fromCharCode(...bytes))
}
