import { describe, expect, it } from 'vitest'
import { firstPhone } from './phone'

describe('firstPhone', () => {
  it('finds a UK number inside a contact', () => {
    expect(firstPhone('Acme IT service desk, 0161 496 0000 (24 hours)')).toEqual({
      shown: '0161 496 0000',
      href: 'tel:01614960000',
    })
  })
  it('keeps an international prefix', () => {
    expect(firstPhone('Call +44 20 7946 0018 then e-mail')?.href).toBe('tel:+442079460018')
  })
  it('drops the (0) of an international number written the British way', () => {
    expect(firstPhone('+44 (0)161 496 0000')?.href).toBe('tel:+441614960000')
  })
  it('returns the first of several', () => {
    expect(firstPhone('07700 900123 or 07700 900456')?.href).toBe('tel:07700900123')
  })
  it('ignores text with no phone number, and short numbers such as contract references', () => {
    expect(firstPhone('e-mail support@example.org')).toBeNull()
    expect(firstPhone('Contract 2024-117')).toBeNull()
    expect(firstPhone('')).toBeNull()
  })
})
