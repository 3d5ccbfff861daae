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
  header: string[]
  rows: { line: number; values: Record<string, string> }[]
  errors: string[]
}

/** Parses CSV text with a header row; header names are normalised to lower_snake_case. */
export function parseCsv(text: string): ParsedCsv {
  const result = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) =>
      h
        .trim()
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '_')
        .replace(/^_|_$/g, ''),
  })
  const errors = result.errors.map((e) =>
    e.row !== undefined ? `Line ${e.row + 2}: ${e.message}` : e.message,
  )
  return {
    header: result.meta.fields ?? [],
    // Line numbers as a spreadsheet shows them: the header is line 1.
    rows: result.data.map((values, i) => ({ line: i + 2, values })),
    errors,
  }
}
