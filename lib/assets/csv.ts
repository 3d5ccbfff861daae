import { parseCsv } from '@/lib/csv'
import { notCsvReason } from '@/lib/csv-file'
import { text } from '@/lib/validation/text'
import { z } from '@/lib/validation/zod'
import { ASSET_TYPES, type AssetData, assetFields } from './schema'

/** The template's column names, in order (lower_snake_case, as the export writes them). */
export const ASSET_CSV_COLUMNS = [
  'name',
  'type',
  'location',
  'specification',
  'supplier',
  'contract_ref',
  'standby_arrangement',
  'standby_verified_at',
] as const
export const MAX_IMPORT_ROWS = 2000

type Field = keyof typeof FIELD_LABELS
/** What the preview calls each field the importer fills. */
export const FIELD_LABELS = {
  name: 'Name',
  type: 'Type',
  location: 'Location',
  specification: 'Specification',
  supplier: 'Supplier',
  contractRef: 'Contract reference',
  standbyArrangement: 'Standby arrangement',
  standbyVerifiedAt: 'Standby last verified',
} as const

/*
 * Header spellings people write in their own registers, compared without case, spaces, underscores or
 * punctuation ("Asset name", "ASSET_NAME" and "asset-name" are all "assetname"). Kept to words that can
 * only mean one field: "Notes", "Status" or "Serial number" are left out rather than guessed.
 */
const HEADER_WORDS: Record<Field, string[]> = {
  name: ['name', 'assetname', 'asset', 'item', 'itemname', 'assettitle'],
  type: ['type', 'assettype', 'category', 'assetcategory', 'kind', 'itemtype'],
  location: ['location', 'room', 'site', 'building', 'assetlocation', 'where', 'place'],
  specification: ['specification', 'spec', 'specs', 'description', 'details', 'assetdescription'],
  supplier: ['supplier', 'suppliername', 'vendor', 'provider', 'contractor', 'supportedby'],
  contractRef: ['contractref', 'contractreference', 'contractno', 'contractnumber', 'contractid', 'contract'],
  standbyArrangement: ['standby', 'standbyarrangement', 'standbyarrangements', 'fallback', 'workaround'],
  standbyVerifiedAt: [
    'standbyverifiedat',
    'standbyverified',
    'standbyverifiedon',
    'standbylastverified',
    'standbylastverifiedat',
    'lastverified',
    'lastverifiedat',
    'lastverifiedon',
    'verified',
    'verifiedon',
    'dateverified',
    'standbychecked',
    'lastchecked',
  ],
}
const FIELD_OF_WORD = new Map<string, Field>(
  (Object.entries(HEADER_WORDS) as [Field, string[]][]).flatMap(([f, words]) => words.map((w) => [w, f])),
)

/** A header cell in the form the spellings above are written: lower case, letters and digits only. */
export const headerKey = (h: string) =>
  h
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')

/** The field a column heading is read as, or null when it is left out. */
export function fieldForHeader(heading: string): Field | null {
  return FIELD_OF_WORD.get(headerKey(heading)) ?? null
}

export type ColumnReading = {
  /** The heading as the file wrote it. */
  heading: string
  /** The field it was read as, or null when the column was left out. */
  field: Field | null
  /** That field's name as the preview shows it. */
  label?: string
  /** For a column left out: why. */
  note?: string
}

/** Which column of the file each field is read from: the first column whose heading means it. */
export function readColumns(rawHeader: string[]): { columns: ColumnReading[]; index: Map<Field, number> } {
  const index = new Map<Field, number>()
  const columns = rawHeader.map((heading, i): ColumnReading => {
    const field = fieldForHeader(heading)
    if (!heading) return { heading: `(column ${i + 1}, no heading)`, field: null, note: 'No heading.' }
    if (!field) return { heading, field: null, note: 'Not a column the register has.' }
    if (index.has(field))
      return {
        heading,
        field: null,
        note: `${FIELD_LABELS[field]} is already read from "${rawHeader[index.get(field)!]}".`,
      }
    index.set(field, i)
    return { heading, field, label: FIELD_LABELS[field] }
  })
  return { columns, index }
}

const DATE_EXAMPLE = 'Enter a date like 23/11/2026 or 2026-11-23.'

/**
 * Reads a date as UK spreadsheets write it (23/11/2026, 3/4/2026, 23-11-2026, 23.11.2026) or as
 * yyyy-mm-dd, to yyyy-mm-dd. Day first, always: these are UK school registers. Impossible dates
 * (31/02/2026) and two-digit years are refused with a message rather than guessed.
 */
export function readUkDate(value: string): { iso: string } | { error: string } {
  const v = value.trim()
  let d: number
  let m: number
  let y: number
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(v)
  const uk = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})$/.exec(v)
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])]
  else if (uk) {
    if (uk[4]!.length === 2) return { error: `Write the year in full: "${v}" could be more than one year.` }
    ;[d, m, y] = [Number(uk[1]), Number(uk[3]), Number(uk[4])]
  } else return { error: `"${v}" is not a date. ${DATE_EXAMPLE}` }
  const date = new Date(Date.UTC(y, m - 1, d))
  if (m < 1 || m > 12 || date.getUTCDate() !== d || date.getUTCMonth() !== m - 1)
    return { error: `"${v}" is not a real date (day ${d} of month ${m}).` }
  return { iso: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` }
}

/*
 * Every cell goes through the shared text schema first, so a control character is refused on its own
 * row with its own message, and the limits are those of the asset form.
 */
const cellsSchema = z.object({
  name: text({
    max: 120,
    required: 'Give the asset a name.',
    tooLong: 'Keep the name under 120 characters.',
  }),
  type: text({ max: 120 }),
  location: text({ max: 200 }),
  specification: text({ max: 2000, multiline: true }),
  supplier: text({ max: 200 }),
  contractRef: text({ max: 120 }),
  standbyArrangement: text({ max: 500, multiline: true }),
  standbyVerifiedAt: text({ max: 40 }),
})

export type ImportRow = { line: number; name: string; data: AssetData | null; problems: string[] }
export type ImportPreview = {
  rows: ImportRow[]
  fileProblems: string[]
  valid: number
  invalid: number
  /** Which column of the file was read as which field, and which were left out. */
  columns: ColumnReading[]
  /** Set when the file is not CSV text at all (a spreadsheet or other binary file): say so beside the field. */
  notCsv: string | null
}

const TYPE_WORDS: Record<string, string> = Object.fromEntries(
  ASSET_TYPES.flatMap((t) => [
    [t.value.toLowerCase(), t.value],
    [t.label.toLowerCase(), t.value],
  ]),
)
Object.assign(TYPE_WORDS, {
  supplier: 'EXTERNAL_SERVICE',
  'external service': 'EXTERNAL_SERVICE',
  network: 'NETWORK',
  staff: 'PEOPLE',
  people: 'PEOPLE',
})

const emptyPreview = (fileProblems: string[], notCsv: string | null = null): ImportPreview => ({
  rows: [],
  fileProblems,
  valid: 0,
  invalid: 0,
  columns: [],
  notCsv,
})

/**
 * Checks an asset register CSV row by row without writing anything: every row gets its own list of
 * problems, so the manager sees them all at once. Columns are found by what their headings mean (see
 * HEADER_WORDS), and the preview says which column was read as which field. `existingNames` are the
 * register's current names (lower case); a row that repeats one, or repeats an earlier row, is a
 * problem. `fileName`, when known, lets a spreadsheet be recognised by its name as well as its content.
 */
export function checkAssetCsv(text: string, existingNames: Set<string>, fileName = ''): ImportPreview {
  const notCsv = notCsvReason(fileName, text)
  if (notCsv) return emptyPreview([notCsv], notCsv)
  const parsed = parseCsv(text)
  const fileProblems = [...parsed.errors]
  const { columns, index } = readColumns(parsed.rawHeader)
  const missing = (['name', 'type'] as const).filter((f) => !index.has(f))
  if (missing.length)
    fileProblems.push(
      `No column was read as the asset's ${missing.map((f) => FIELD_LABELS[f].toLowerCase()).join(' or ')}. The first line must name the columns, such as "Name" and "Type": download the template to see them.`,
    )
  if (parsed.rows.length === 0) fileProblems.push('The file has no rows under the header.')
  if (parsed.rows.length > MAX_IMPORT_ROWS)
    fileProblems.push(`The file has ${parsed.rows.length} rows; import at most ${MAX_IMPORT_ROWS} at a time.`)

  const seen = new Map<string, number>()
  const rows: ImportRow[] = parsed.rows
    .slice(0, MAX_IMPORT_ROWS)
    .map(({ line, cells, problems: rowProblems }) => {
      const raw = (f: Field) => {
        const i = index.get(f)
        return i === undefined ? '' : (cells[i] ?? '')
      }
      const problems: string[] = [...rowProblems]
      const name = raw('name').trim()
      const data = checkRow(raw, problems)
      const key = name.toLowerCase()
      if (key && existingNames.has(key))
        problems.push(`An asset called "${name}" is already in the register.`)
      if (key && seen.has(key)) problems.push(`Repeats line ${seen.get(key)}.`)
      if (key && !seen.has(key)) seen.set(key, line)
      return { line, name, data: problems.length === 0 ? data : null, problems }
    })
  const invalid = rows.filter((r) => r.problems.length).length
  return { rows, fileProblems, valid: rows.length - invalid, invalid, columns, notCsv: null }
}

/** One row's cells to asset data, adding each problem (with the field it is about) to `problems`. */
function checkRow(raw: (f: Field) => string, problems: string[]): AssetData | null {
  const cells = cellsSchema.safeParse(
    Object.fromEntries((Object.keys(FIELD_LABELS) as Field[]).map((f) => [f, raw(f)])),
  )
  if (!cells.success) {
    for (const issue of cells.error.issues)
      problems.push(`${FIELD_LABELS[issue.path[0] as Field] ?? 'A cell'}: ${issue.message}`)
    return null
  }
  const c = cells.data
  let verified = ''
  if (c.standbyVerifiedAt) {
    const d = readUkDate(c.standbyVerifiedAt)
    if ('error' in d) problems.push(`${FIELD_LABELS.standbyVerifiedAt}: ${d.error}`)
    else verified = d.iso
  }
  const typeWord = c.type.toLowerCase().replace(/_/g, ' ')
  const type = TYPE_WORDS[typeWord] ?? TYPE_WORDS[c.type.toLowerCase()] ?? c.type
  const result = assetFields.safeParse({ ...c, type, standbyAssetId: '', standbyVerifiedAt: verified })
  if (!result.success)
    for (const issue of result.error.issues) {
      const field = issue.path[0] as Field
      problems.push(
        field === 'type'
          ? c.type
            ? `Type "${c.type}" is not one of: ${ASSET_TYPES.map((t) => t.label).join(', ')}.`
            : `Type: choose one of ${ASSET_TYPES.map((t) => t.label).join(', ')}.`
          : `${FIELD_LABELS[field] ?? field}: ${issue.message}`,
      )
    }
  return result.success ? result.data : null
}

export const ASSET_CSV_TEMPLATE_ROWS = [
  [
    'File server',
    'Hardware',
    'Server room',
    'Dell R450, 64 GB RAM, 4 TB RAID 5',
    'Acme IT Ltd',
    'ACME-2291',
    'Reserved server at supplier',
    '2026-09-01',
  ],
  [
    'Broadband line',
    'Network link',
    '',
    '1 Gbps fibre',
    'Regional broadband consortium',
    'RBC-1044',
    '4G router in the office',
    '',
  ],
]
