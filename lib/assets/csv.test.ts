import { describe, expect, it } from 'vitest'
import { safeCell, toCsv } from '@/lib/csv'
import { checkAssetCsv } from './csv'

const HEADER =
  'Name,Type,Location,Specification,Supplier,Contract ref,Standby arrangement,Standby verified at'

describe('asset register CSV import', () => {
  it('accepts a valid file, reading type labels and codes', () => {
    const p = checkAssetCsv(
      `${HEADER}\nFile server,Hardware,Server room,64 GB,Acme,,,2026-01-05\nISP,external_service,,,,,,\n`,
      new Set(),
    )
    expect(p.fileProblems).toEqual([])
    expect(p.valid).toBe(2)
    expect(p.rows[0]!.data).toMatchObject({ name: 'File server', type: 'HARDWARE', location: 'Server room' })
    expect(p.rows[0]!.data!.standbyVerifiedAt!.toISOString().slice(0, 10)).toBe('2026-01-05')
    expect(p.rows[1]!.data).toMatchObject({ type: 'EXTERNAL_SERVICE' })
  })

  it('lists every bad row with its line and problem', () => {
    const p = checkAssetCsv(
      `${HEADER}\nGood one,Hardware,,,,,,\n,Hardware,,,,,,\nToaster,Kitchen,,,,,,\nGood one,Software,,,,,,\nDated,Data,,,,,,31/12/2025\n`,
      new Set(['existing']),
    )
    expect(p.valid).toBe(1)
    expect(p.invalid).toBe(4)
    const byLine = Object.fromEntries(p.rows.map((r) => [r.line, r.problems.join(' ')]))
    expect(byLine[3]).toMatch(/name/)
    expect(byLine[4]).toMatch(/Type "Kitchen" is not one of/)
    expect(byLine[5]).toMatch(/Repeats line 2/)
    expect(byLine[6]).toMatch(/2026-11-22/)
  })

  it('flags names already in the register and files without the needed columns', () => {
    expect(
      checkAssetCsv(`${HEADER}\nExisting,Hardware,,,,,,\n`, new Set(['existing'])).rows[0]!.problems[0],
    ).toMatch(/already in the register/)
    const p = checkAssetCsv('colour,size\nred,large\n', new Set())
    expect(p.fileProblems.join(' ')).toMatch(/"name" and "type"/)
    expect(checkAssetCsv(`${HEADER}\n`, new Set()).fileProblems.join(' ')).toMatch(/no rows/)
  })
})

describe('CSV export', () => {
  it('defuses cells a spreadsheet would run as formulas', () => {
    expect(safeCell('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`)
    expect(safeCell('-1+2')).toBe(`'-1+2`)
    expect(safeCell('Server room')).toBe('Server room')
    expect(safeCell(null)).toBe('')
  })
  it('writes a header, quotes commas and ends lines for Excel', () => {
    const text = toCsv(['name', 'spec'], [['A, B', 'x']])
    expect(text).toBe('\uFEFFname,spec\r\n"A, B",x\r\n')
  })
})

describe('asset register CSV: rows that do not fit the header', () => {
  it('blames a short or long row on its own line, so the preview and the import agree', () => {
    const p = checkAssetCsv(
      `${HEADER}\nGood,Hardware,,,,,,\nShort,Hardware\nLong,Hardware,,,,,,,extra\n`,
      new Set(),
    )
    expect(p.fileProblems).toEqual([])
    expect(p.valid).toBe(1)
    const byLine = Object.fromEntries(p.rows.map((r) => [r.line, r.problems.join(' ')]))
    expect(byLine[2]).toBe('')
    expect(byLine[3]).toMatch(/2 cells; the header has 8/)
    expect(byLine[4]).toMatch(/9 cells; the header has 8/)
  })

  it('numbers lines as an editor does when a quoted cell spans lines, and skips blank lines', () => {
    const p = checkAssetCsv(
      `${HEADER}\r\n"Server","Hardware","Room 1","line one\r\nline two",,,,\r\n\r\nBad,Kitchen,,,,,,\r\n`,
      new Set(),
    )
    expect(p.rows.map((r) => r.line)).toEqual([2, 5])
    expect(p.rows[0]!.data?.specification).toBe('line one\r\nline two')
    expect(p.rows[1]!.problems.join(' ')).toMatch(/Kitchen/)
  })

  it('reads a semicolon-separated export and a byte-order mark', () => {
    const p = checkAssetCsv(`\uFEFF${HEADER.replaceAll(',', ';')}\nRouter;Network link;;;;;;\n`, new Set())
    expect(p.fileProblems).toEqual([])
    expect(p.rows[0]!.data).toMatchObject({ name: 'Router', type: 'NETWORK' })
  })
})
