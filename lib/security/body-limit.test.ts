import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { declaresTooLargeBody, REQUEST_BODY_LIMIT, REQUEST_BODY_LIMIT_BYTES } from './body-limit'

describe('declaresTooLargeBody', () => {
  it('refuses a declared length over 3 MB and lets the rest through', () => {
    // The proxy refuses exactly what Next's own server action limit would (Next parses it with `bytes`).
    const bytes = createRequire(import.meta.url)('next/dist/compiled/bytes') as { parse(s: string): number }
    expect(bytes.parse(REQUEST_BODY_LIMIT)).toBe(REQUEST_BODY_LIMIT_BYTES)
    expect(REQUEST_BODY_LIMIT_BYTES).toBe(3 * 1024 * 1024)
    expect(declaresTooLargeBody(String(REQUEST_BODY_LIMIT_BYTES + 1))).toBe(true)
    expect(declaresTooLargeBody('99999999999999999999')).toBe(true)
    expect(declaresTooLargeBody(String(REQUEST_BODY_LIMIT_BYTES))).toBe(false)
    expect(declaresTooLargeBody(String(2.5 * 1024 * 1024))).toBe(false)
    expect(declaresTooLargeBody('0')).toBe(false)
  })

  it('leaves a missing or garbled length to Next', () => {
    expect(declaresTooLargeBody(null)).toBe(false)
    expect(declaresTooLargeBody('')).toBe(false)
    expect(declaresTooLargeBody('-5')).toBe(false)
    expect(declaresTooLargeBody('12abc')).toBe(false)
  })
})
