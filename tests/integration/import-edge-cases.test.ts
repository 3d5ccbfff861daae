import { beforeEach, describe, expect, it, vi } from 'vitest'
import { importAssetsAction, previewAssetImportAction } from '@/lib/assets/actions'
import { db } from '@/lib/db'
import { contextFor, form, makeMember, makeSchool } from '../support/factories'
import { asUser } from '../support/session'

vi.mock('@/lib/auth/context', () => import('../support/mock-context'))
vi.mock('next/cache', () => import('../support/mock-next'))
vi.mock('next/headers', () => import('../support/mock-next'))

/*
 * Issue 7, point 6: what the asset register import says about files it cannot read, through the real
 * actions, and that none of them writes anything.
 */
let schoolId: string
beforeEach(async () => {
  const school = await makeSchool()
  schoolId = school.id
  asUser(await contextFor((await makeMember(schoolId, 'MANAGER')).user.id, schoolId))
})

const upload = (content: BlobPart, name = 'register.csv') => {
  const f = new FormData()
  f.set('file', new File([content], name))
  return f
}
const assets = () => db.asset.count({ where: { schoolId } })
const fileMessage = (r: unknown) => {
  const res = r as { ok: boolean; fieldErrors?: { file?: string[] }; data?: { preview: { notCsv: string } } }
  return res.ok ? res.data?.preview.notCsv : res.fieldErrors?.file?.join(' ')
}
// The first bytes of a real .xlsx (a zip file) and of an old .xls (an OLE compound file).
const XLSX = new Uint8Array([
  0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00,
])
const XLS = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0, 0, 0, 0, 0])

describe('files the asset import cannot read', () => {
  it('asks for a file when none was chosen (a form posts an empty, nameless file), and says an empty file is empty', async () => {
    expect(fileMessage(await previewAssetImportAction(null, upload('', '')))).toBe('Choose a CSV file.')
    expect(fileMessage(await previewAssetImportAction(null, new FormData()))).toBe('Choose a CSV file.')
    expect(fileMessage(await previewAssetImportAction(null, upload('')))).toBe('The file is empty.')
  })

  it('says a file over 2 MB is too large, beside the file field', async () => {
    const big = `name,type\n${'Laptop,Hardware\n'.repeat(130_000)}`
    expect(big.length).toBeGreaterThan(2_000_000)
    const r = await previewAssetImportAction(null, upload(big))
    expect(r).toMatchObject({ ok: false, reason: 'INVALID' })
    expect(fileMessage(r)).toMatch(/keep it under 2 MB/)
  })

  it.each([
    ['an .xlsx by its name', 'Asset register.xlsx', 'name,type\nA,Hardware\n'],
    ['an .ods by its name', 'register.ods', 'name,type\nA,Hardware\n'],
    ['an .xlsx renamed .csv, by its zip content', 'register.csv', XLSX],
    ['an old .xls renamed .csv, by its OLE header', 'register.csv', XLS],
  ])('says %s is not a CSV and how to save one, not "Unknown columns"', async (_, name, content) => {
    const r = await previewAssetImportAction(null, upload(content, name))
    expect(fileMessage(r)).toMatch(/not a CSV.*File > Save as > CSV UTF-8/)
    expect(JSON.stringify(r)).not.toMatch(/Unknown columns/)
    expect(await assets()).toBe(0)
  })

  it('refuses to import binary content sent straight to the import action', async () => {
    const csv = new TextDecoder().decode(XLSX)
    const r = await importAssetsAction(null, form({ csv, mode: 'valid-only' }))
    expect(r).toMatchObject({ ok: false, reason: 'INVALID' })
    expect(JSON.stringify(r)).toMatch(/not a CSV/)
    expect(await assets()).toBe(0)
  })
})

describe('a register as a UK school writes it', () => {
  const csv =
    'Asset name,Category,Room,Vendor,Contract No.,Standby,Last verified,Serial number\n' +
    'Hall projector,Hardware,Main hall,Acme AV,AV-12,Spare in store,23/10/2026,SN-1\n' +
    'Broadband,Network link,,Regional consortium,,4G router,3/4/2026,\n' +
    'Office printer,Hardware,Office,,,,31/02/2026,\n' +
    'Bell\u0007 system,Hardware,Hall,,,,,\n'

  it('reads its headings and dates, says which column was read as what, and refuses impossible dates and control characters per row', async () => {
    const r = await previewAssetImportAction(null, upload(csv))
    if (!r.ok) throw new Error(r.message)
    const p = r.data.preview
    expect(p.fileProblems).toEqual([])
    expect(p.columns.map((c) => [c.heading, c.field])).toEqual([
      ['Asset name', 'name'],
      ['Category', 'type'],
      ['Room', 'location'],
      ['Vendor', 'supplier'],
      ['Contract No.', 'contractRef'],
      ['Standby', 'standbyArrangement'],
      ['Last verified', 'standbyVerifiedAt'],
      ['Serial number', null],
    ])
    expect(p.valid).toBe(2)
    expect(p.rows[2]!.problems.join(' ')).toMatch(/"31\/02\/2026" is not a real date/)
    expect(p.rows[3]!.problems.join(' ')).toMatch(/^Name: This contains a hidden control character/)
    expect(await assets()).toBe(0)

    expect(await importAssetsAction(null, form({ csv, mode: 'valid-only' }))).toEqual({
      ok: true,
      data: { imported: 2, skipped: 2 },
    })
    const stored = await db.asset.findMany({
      where: { schoolId },
      select: { name: true, location: true, supplier: true, contractRef: true, standbyVerifiedAt: true },
      orderBy: { name: 'asc' },
    })
    expect(
      stored.map((a) => ({ ...a, standbyVerifiedAt: a.standbyVerifiedAt?.toISOString().slice(0, 10) })),
    ).toEqual([
      {
        name: 'Broadband',
        location: '',
        supplier: 'Regional consortium',
        contractRef: '',
        standbyVerifiedAt: '2026-04-03',
      },
      {
        name: 'Hall projector',
        location: 'Main hall',
        supplier: 'Acme AV',
        contractRef: 'AV-12',
        standbyVerifiedAt: '2026-10-23',
      },
    ])
  })
})
