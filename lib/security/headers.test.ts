import { describe, expect, it } from 'vitest'
import { contentSecurityPolicy, newNonce, staticSecurityHeaders } from './headers'

/** The policy as { directive: [sources] }, to assert on directives without depending on their order. */
function parse(policy: string): Record<string, string[]> {
  return Object.fromEntries(
    policy.split(';').map((d) => {
      const [name, ...sources] = d.trim().split(/\s+/)
      return [name!, sources]
    }),
  )
}

const nonce = 'AAECAwQFBgcICQoLDA0ODw=='

describe('contentSecurityPolicy in production', () => {
  const csp = parse(contentSecurityPolicy({ nonce, dev: false }))

  it('runs only scripts that carry this response nonce (and what they load), never eval', () => {
    expect(csp['script-src']).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"])
    expect(Object.values(csp).flat()).not.toContain("'unsafe-eval'")
    expect(Object.values(csp).flat()).not.toContain("'unsafe-inline'")
  })

  it('takes styles from the site or with the nonce only', () => {
    expect(csp['style-src']).toEqual(["'self'", `'nonce-${nonce}'`])
  })

  it('refuses framing, plugins, foreign form targets and <base> tricks', () => {
    expect(csp['frame-ancestors']).toEqual(["'none'"])
    expect(csp['object-src']).toEqual(["'none'"])
    expect(csp['form-action']).toEqual(["'self'"])
    expect(csp['base-uri']).toEqual(["'self'"])
    expect(csp['default-src']).toEqual(["'self'"])
  })

  it('is one header line with no trailing separator', () => {
    const raw = contentSecurityPolicy({ nonce, dev: false })
    expect(raw).not.toMatch(/[\r\n]/)
    expect(raw).not.toMatch(/;\s*$/)
  })
})

describe('contentSecurityPolicy in development', () => {
  const csp = parse(contentSecurityPolicy({ nonce, dev: true }))
  it("allows eval for React's dev error stacks and inline styles for the dev overlay", () => {
    expect(csp['script-src']).toContain("'unsafe-eval'")
    expect(csp['script-src']).toContain(`'nonce-${nonce}'`)
    expect(csp['style-src']).toEqual(["'self'", "'unsafe-inline'"])
    expect(csp['frame-ancestors']).toEqual(["'none'"])
  })
})

describe('nonces', () => {
  it('are fresh base64 values of 16 bytes that the policy accepts', () => {
    const seen = new Set(Array.from({ length: 200 }, () => newNonce()))
    expect(seen.size).toBe(200)
    for (const n of seen) {
      expect(n).toMatch(/^[A-Za-z0-9+/]{22}==$/)
      expect(() => contentSecurityPolicy({ nonce: n, dev: false })).not.toThrow()
    }
  })

  it('refuses a value that could break out of the header', () => {
    expect(() => contentSecurityPolicy({ nonce: "x'; script-src *", dev: false })).toThrow()
    expect(() => contentSecurityPolicy({ nonce: '', dev: false })).toThrow()
  })
})

describe('staticSecurityHeaders', () => {
  const headers = Object.fromEntries(staticSecurityHeaders().map((h) => [h.key, h.value]))

  it('stops MIME sniffing and framing, and keeps the referrer on this site', () => {
    expect(headers['X-Content-Type-Options']).toBe('nosniff')
    expect(headers['X-Frame-Options']).toBe('DENY')
    expect(['same-origin', 'no-referrer', 'strict-origin', 'strict-origin-when-cross-origin']).toContain(
      headers['Referrer-Policy'],
    )
  })

  it('switches off camera, microphone, geolocation and the like', () => {
    const policy = headers['Permissions-Policy']!.split(/,\s*/)
    for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb', 'display-capture']) {
      expect(policy).toContain(`${feature}=()`)
    }
    expect(policy.every((p) => /^[a-z-]+=\(\)$/.test(p))).toBe(true)
  })

  it('never carries the per-request policy (that comes from proxy.ts with its nonce)', () => {
    expect(headers['Content-Security-Policy']).toBeUndefined()
  })
})
