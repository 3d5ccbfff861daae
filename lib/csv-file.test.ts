import { describe, expect, it } from 'vitest'
import { notCsvReason } from './csv-file'

const bytes = (...b: number[]) => new Uint8Array(b)
const text = (s: string) => new TextEncoder().encode(s)

describe('recognising a file that is not CSV', () => {
  it.each([
    ['register.xlsx', text('anything')],
    ['register.XLS', text('anything')],
    ['register.ods', text('anything')],
    ['register.numbers', text('anything')],
  ])('by its name: %s', (name, content) => {
    expect(notCsvReason(name, content)).toMatch(/spreadsheet file.*File > Save as > CSV UTF-8/)
  })

  it.each([
    ['a zip (xlsx, ods) renamed .csv', bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00)],
    ['an old Excel .xls (OLE header)', bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0x00)],
  ])('by its content: %s', (_, content) => {
    expect(notCsvReason('register.csv', content)).toMatch(/spreadsheet file/)
    // The same bytes decoded as the server reads them (File.text()).
    expect(notCsvReason('', new TextDecoder().decode(content))).toMatch(/spreadsheet file/)
  })

  it('by NUL bytes near the start (binary, or UTF-16 text), but not by one stray NUL in a cell', () => {
    expect(notCsvReason('x.csv', text('name,type\nA,\u0000\u0000\u0001\u0000'))).toMatch(
      /binary data.*CSV UTF-8/,
    )
    expect(notCsvReason('x.csv', text('name,type\nA,Hard\u0000ware\n'))).toBeNull()
    expect(notCsvReason('x.csv', bytes(0xff, 0xfe, 0x6e, 0x00, 0x61, 0x00))).toMatch(/binary data/)
  })

  it('accepts CSV text, with or without a byte-order mark or accents', () => {
    expect(notCsvReason('register.csv', text('\uFEFFname,type\nCafé till,Hardware\n'))).toBeNull()
    expect(notCsvReason('', 'name,type\nA,Hardware\n')).toBeNull()
    expect(notCsvReason('register.txt', text('name;type\n'))).toBeNull()
  })
})
