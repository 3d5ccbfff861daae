import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatCosts, formatPence, MAX_PENCE, parsePounds, penceToInput } from './money'

describe('parsePounds', () => {
  it.each([
    ['', null],
    ['  ', null],
    ['0', 0],
    ['1200', 120000],
    ['£1,200', 120000],
    ['£ 1,200.5', 120050],
    ['350.50', 35050],
    ['1,234,567.89', 123456789],
    ['12 000', 1200000],
  ])('reads %j as %j pence', (raw, pence) => {
    expect(parsePounds(raw)).toEqual({ pence })
  })

  it.each(['-5', '12.345', 'ten pounds', '1.2.3', '1e5', '0x10'])('refuses %j with a message', (raw) => {
    expect(parsePounds(raw)).toEqual({ error: expect.stringMatching(/pounds/) })
  })

  it('refuses an amount over £10 million', () => {
    expect(parsePounds('10,000,000.01')).toEqual({ error: expect.stringMatching(/too large/) })
    expect(parsePounds('10,000,000')).toEqual({ pence: MAX_PENCE })
  })

  it('gives back what the form showed, for any stored amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_PENCE }), (pence) => {
        expect(parsePounds(penceToInput(pence))).toEqual({ pence })
      }),
    )
  })
})

describe('formatPence', () => {
  it('shows pounds, with pence only when there are some', () => {
    expect(formatPence(120000)).toBe('£1,200')
    expect(formatPence(35050)).toBe('£350.50')
    expect(formatPence(0)).toBe('£0')
    expect(formatPence(null)).toBe('Not costed')
  })
})

describe('formatCosts', () => {
  it('says both costs, or that the plan is not costed', () => {
    expect(formatCosts(120000, 35000)).toBe('£1,200 one-off, £350 a year')
    expect(formatCosts(null, 35000)).toBe('not costed one-off, £350 a year')
    expect(formatCosts(null, null)).toBe('Not costed')
  })
})
