import Papa from 'papaparse'

/**
 * A cell that a spreadsheet would run as a formula (=, +, -, @, tab, carriage return) is prefixed with
 * an apostrophe, so an exported register cannot carry a formula into someone's Excel (CSV injection).
 */
export function safeCell(value: unknown): string {
  const s =
    value === null || value === undefined
      ? ''
      : value instanceof Date
        ? value.toISOString().slice(0, 10)
        : String(value)
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s
}

/** Rows to CSV text with a header line, Windows line endings and a BOM so Excel reads UTF-8. */
export function toCsv(columns: string[], rows: unknown[][]): string {
  return `\uFEFF${Papa.unparse({ fields: columns, data: rows.map((r) => r.map(safeCell)) }, { newline: '\r\n' })}\r\n`
}

export type ParsedCsv = {
  /** The header cells, normalised to lower_snake_case (the keys of each row's values). */
  header: string[]
  /** The header cells as the file wrote them (trimmed), in the same order. */
  rawHeader: string[]
  /** Each data row with the line it starts on (the header is line 1) and its own problems. */
  rows: { line: number; values: Record<string, string>; cells: string[]; problems: string[] }[]
  /** Problems with the file as a whole. */
  errors: string[]
}

const normaliseHeader = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '')

/**
 * Parses CSV text with a header row; header names are normalised to lower_snake_case. Line numbers are
 * those a text editor shows (a quoted cell may span lines), and a row with too few or too many cells, or
 * a broken quote, carries that problem itself so the rest of the file can still be checked.
 */
export function parseCsv(text: string): ParsedCsv {
  const clean = text.replace(/^\uFEFF/, '')
  let header: string[] | null = null
  let rawHeader: string[] = []
  const rows: ParsedCsv['rows'] = []
  const errors: string[] = []
  // Line counting is incremental: `counted` newlines have been seen before offset `countedTo`.
  let prevCursor = 0
  let countedTo = 0
  let counted = 0
  const lineAt = (offset: number) => {
    let i = offset
    while (i < clean.length && (clean[i] === '\n' || clean[i] === '\r')) i++
    for (; countedTo < i; countedTo++) if (clean[countedTo] === '\n') counted++
    return counted + 1
  }
  Papa.parse<string[]>(clean, {
    skipEmptyLines: 'greedy',
    step: (r) => {
      const line = lineAt(prevCursor)
      prevCursor = r.meta.cursor
      const cells = r.data
      if (!header) {
        header = cells.map(normaliseHeader)
        rawHeader = cells.map((c) => c.trim())
        for (const e of r.errors) errors.push(`Line ${line}: ${e.message}`)
        return
      }
      const problems = r.errors.map((e) => e.message)
      if (cells.length !== header.length)
        problems.push(
          `This line has ${cells.length} cell${cells.length === 1 ? '' : 's'}; the header has ${header.length}.`,
        )
      const values: Record<string, string> = {}
      header.forEach((h, i) => {
        if (h) values[h] = cells[i] ?? ''
      })
      rows.push({ line, values, cells, problems })
    },
  })
  return { header: header ?? [], rawHeader, rows, errors }
}
