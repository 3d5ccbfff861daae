import { parseCsv } from '@/lib/csv'
import { ASSET_TYPES, type AssetData, assetFields } from './schema'

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

export type ImportRow = { line: number; name: string; data: AssetData | null; problems: string[] }
export type ImportPreview = { rows: ImportRow[]; fileProblems: string[]; valid: number; invalid: number }

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

/**
 * Checks an asset register CSV row by row without writing anything: every row gets its own list of
 * problems, so the manager sees them all at once. `existingNames` are the register's current names
 * (lower case); a row that repeats one, or repeats an earlier row, is a problem.
 */
export function checkAssetCsv(text: string, existingNames: Set<string>): ImportPreview {
  const parsed = parseCsv(text)
  const fileProblems = [...parsed.errors]
  if (!parsed.header.includes('name') || !parsed.header.includes('type'))
    fileProblems.push(
      'The first line must name the columns, including "name" and "type". Download the template to see them.',
    )
  const unknown = parsed.header.filter((h) => h && !(ASSET_CSV_COLUMNS as readonly string[]).includes(h))
  if (unknown.length) fileProblems.push(`Unknown columns, left out: ${unknown.join(', ')}.`)
  if (parsed.rows.length === 0) fileProblems.push('The file has no rows under the header.')
  if (parsed.rows.length > MAX_IMPORT_ROWS)
    fileProblems.push(`The file has ${parsed.rows.length} rows; import at most ${MAX_IMPORT_ROWS} at a time.`)

  const seen = new Map<string, number>()
  const rows: ImportRow[] = parsed.rows
    .slice(0, MAX_IMPORT_ROWS)
    .map(({ line, values, problems: rowProblems }) => {
      const v = (k: string) => (values[k] ?? '').trim()
      const typeWord = v('type').toLowerCase().replace(/_/g, ' ')
      const type = TYPE_WORDS[typeWord] ?? TYPE_WORDS[v('type').toLowerCase()] ?? v('type')
      const result = assetFields.safeParse({
        name: v('name'),
        type,
        location: v('location'),
        specification: v('specification'),
        supplier: v('supplier'),
        contractRef: v('contract_ref'),
        standbyAssetId: '',
        standbyArrangement: v('standby_arrangement'),
        standbyVerifiedAt: v('standby_verified_at'),
      })
      const problems: string[] = [...rowProblems]
      if (!result.success)
        for (const issue of result.error.issues) {
          const field = String(issue.path[0] ?? '')
          problems.push(
            field === 'type'
              ? `Type "${v('type')}" is not one of: ${ASSET_TYPES.map((t) => t.label).join(', ')}.`
              : `${columnOf(field)}: ${issue.message}`,
          )
        }
      const key = v('name').toLowerCase()
      if (key && existingNames.has(key))
        problems.push(`An asset called "${v('name')}" is already in the register.`)
      if (key && seen.has(key)) problems.push(`Repeats line ${seen.get(key)}.`)
      if (key && !seen.has(key)) seen.set(key, line)
      return {
        line,
        name: v('name'),
        data: result.success && problems.length === 0 ? result.data : null,
        problems,
      }
    })
  const invalid = rows.filter((r) => r.problems.length).length
  return { rows, fileProblems, valid: rows.length - invalid, invalid }
}

function columnOf(field: string): string {
  const map: Record<string, string> = {
    name: 'name',
    contractRef: 'contract_ref',
    standbyArrangement: 'standby_arrangement',
    standbyVerifiedAt: 'standby_verified_at',
  }
  return map[field] ?? field
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
