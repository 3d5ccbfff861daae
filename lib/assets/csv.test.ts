import { describe, expect, it } from 'vitest'
import { safeCell, toCsv } from '@/lib/csv'
import { checkAssetCsv, fieldForHeader, readUkDate } from './csv'

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
      `${HEADER}\nGood one,Hardware,,,,,,\n,Hardware,,,,,,\nToaster,Kitchen,,,,,,\nGood one,Software,,,,,,\nDated,Data,,,,,,31/02/2025\n`,
      new Set(['existing']),
    )
    expect(p.valid).toBe(1)
    expect(p.invalid).toBe(4)
    const byLine = Object.fromEntries(p.rows.map((r) => [r.line, r.problems.join(' ')]))
    expect(byLine[3]).toMatch(/name/)
    expect(byLine[4]).toMatch(/Type "Kitchen" is not one of/)
    expect(byLine[5]).toMatch(/Repeats line 2/)
    expect(byLine[6]).toMatch(/Standby last verified: "31\/02\/2025" is not a real date/)
  })

  it('flags names already in the register and files without the needed columns', () => {
    expect(
      checkAssetCsv(`${HEADER}\nExisting,Hardware,,,,,,\n`, new Set(['existing'])).rows[0]!.problems[0],
    ).toMatch(/already in the register/)
    const p = checkAssetCsv('colour,size\nred,large\n', new Set())
    expect(p.fileProblems.join(' ')).toMatch(/No column was read as the asset's name or type/)
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

describe('asset register CSV: headings as people write them', () => {
  it.each([
    ['Asset name', 'name'],
    ['ASSET_NAME', 'name'],
    ['Name', 'name'],
    ['Asset', 'name'],
    ['Asset type', 'type'],
    ['Category', 'type'],
    ['Room', 'location'],
    ['Location', 'location'],
    ['Spec.', 'specification'],
    ['Description', 'specification'],
    ['Vendor', 'supplier'],
    ['Contract ref', 'contractRef'],
    ['Contract No.', 'contractRef'],
    ['contract_reference', 'contractRef'],
    ['Standby', 'standbyArrangement'],
    ['Standby arrangement', 'standbyArrangement'],
    ['Standby verified at', 'standbyVerifiedAt'],
    ['Last verified', 'standbyVerifiedAt'],
    ['  standby-verified  ', 'standbyVerifiedAt'],
  ])('reads "%s" as %s', (heading, field) => {
    expect(fieldForHeader(heading)).toBe(field)
  })

  it.each(['Notes', 'Serial number', 'Status', 'Colour', ''])('leaves "%s" out', (heading) => {
    expect(fieldForHeader(heading)).toBeNull()
  })

  it('says which column was read as which field and which were left out', () => {
    const p = checkAssetCsv(
      'Asset name,Category,Room,Serial number,Name,Supplier\nHall projector,Hardware,Main hall,SN1,Other,Acme\n',
      new Set(),
    )
    expect(p.fileProblems).toEqual([])
    expect(p.columns).toEqual([
      { heading: 'Asset name', field: 'name', label: 'Name' },
      { heading: 'Category', field: 'type', label: 'Type' },
      { heading: 'Room', field: 'location', label: 'Location' },
      { heading: 'Serial number', field: null, note: 'Not a column the register has.' },
      { heading: 'Name', field: null, note: 'Name is already read from "Asset name".' },
      { heading: 'Supplier', field: 'supplier', label: 'Supplier' },
    ])
    expect(p.rows[0]!.data).toMatchObject({
      name: 'Hall projector',
      type: 'HARDWARE',
      location: 'Main hall',
      supplier: 'Acme',
    })
  })
})

describe('asset register CSV: UK dates', () => {
  it.each([
    ['23/11/2025', '2025-11-23'],
    ['3/4/2026', '2026-04-03'],
    ['03/04/2026', '2026-04-03'],
    ['23-11-2025', '2025-11-23'],
    ['23.11.2025', '2025-11-23'],
    ['2025-11-23', '2025-11-23'],
    ['29/02/2024', '2024-02-29'],
  ])('reads %s as %s (day first)', (v, iso) => {
    expect(readUkDate(v)).toEqual({ iso })
  })

  it.each([
    ['31/02/2026', /not a real date/],
    ['29/02/2025', /not a real date/],
    ['12/13/2025', /not a real date/],
    ['2025-02-30', /not a real date/],
    ['23/11/25', /year in full/],
    ['next Tuesday', /not a date.*23\/11\/2026/],
    ['23/11-2025', /not a date/],
  ])('refuses %s', (v, message) => {
    const r = readUkDate(v)
    expect('error' in r && r.error).toMatch(message)
  })

  it('stores a UK date from a row, and still refuses one in the future', () => {
    const p = checkAssetCsv(
      'Name,Type,Last verified\nServer,Hardware,05/01/2026\nUPS,Hardware,1/1/2999\n',
      new Set(),
    )
    expect(p.rows[0]!.data!.standbyVerifiedAt!.toISOString().slice(0, 10)).toBe('2026-01-05')
    expect(p.rows[1]!.problems.join(' ')).toMatch(/cannot be in the future/)
  })
})

describe('asset register CSV: cells go through the shared text schema', () => {
  it('refuses a control character on its own row, naming the field', () => {
    const p = checkAssetCsv(
      'Name,Type,Room\nGood,Hardware,Hall\nBad\u0007,Hardware,Hall\nAlso,Hardware,Ro\u0000om\n',
      new Set(),
    )
    expect(p.valid).toBe(1)
    expect(p.rows[1]!.problems.join(' ')).toMatch(/^Name: This contains a hidden control character/)
    expect(p.rows[2]!.problems.join(' ')).toMatch(/^Location: This contains a hidden control character/)
  })

  it('lets the specification keep its line breaks but not other control characters', () => {
    const p = checkAssetCsv('Name,Type,Spec\nA,Hardware,"one\ntwo"\nB,Hardware,"one\u001btwo"\n', new Set())
    expect(p.rows[0]!.data?.specification).toBe('one\ntwo')
    expect(p.rows[1]!.problems.join(' ')).toMatch(/^Specification: This contains a hidden control/)
  })
})

describe('asset register CSV: files that are not CSV', () => {
  it('says an xlsx read as text is a spreadsheet, not "unknown columns"', () => {
    const xlsx = `PK\u0003\u0004\u0014\u0000\u0006\u0000[Content_Types].xml`
    const p = checkAssetCsv(xlsx, new Set())
    expect(p.notCsv).toMatch(/not a CSV.*File > Save as > CSV UTF-8/)
    expect(p.fileProblems).toEqual([p.notCsv])
    expect(p.rows).toEqual([])
  })
})
