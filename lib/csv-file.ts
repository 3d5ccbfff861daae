/* Kept apart from lib/csv.ts (and its parser) so that the browser can run it before a file is sent. */

const SPREADSHEET_FILE = /\.(xlsx|xlsm|xlsb|xls|ods|numbers)$/i

/**
 * Why a file is not CSV text, or null when it may be. Looks at the name (.xlsx, .xls, .ods, .numbers)
 * and at the content: a zip container (xlsx and ods start with "PK\x03\x04"), the OLE header of an old
 * .xls, or many NUL bytes, which text does not hold. `content` is the file decoded as UTF-8 (the bytes that
 * are not UTF-8 show as U+FFFD) or its raw bytes; only the start is read.
 */
export function notCsvReason(name: string, content: string | Uint8Array): string | null {
  const head =
    typeof content === 'string'
      ? content.slice(0, 4096)
      : new TextDecoder('utf-8', { fatal: false }).decode(content.subarray(0, 4096))
  const spreadsheet = SPREADSHEET_FILE.test(name)
  const zip = head.startsWith('PK\u0003\u0004') || head.startsWith('PK\u0005\u0006')
  // D0 CF 11 E0 A1 B1 1A E1 decodes to these (E0 A1 B1 is a valid UTF-8 letter, the rest are not).
  const ole = head.startsWith('\uFFFD\uFFFD\u0011\u0871\u001A\uFFFD')
  // Binary formats and UTF-16 text are full of NULs; one stray NUL in a cell is that row's problem.
  const nuls = head.split('\u0000').length - 1
  const nul = nuls >= 2 && nuls >= head.length / 100
  if (!spreadsheet && !zip && !ole && !nul) return null
  return spreadsheet || zip || ole
    ? 'This is a spreadsheet file (such as Excel .xlsx), not a CSV. In Excel choose File > Save as > CSV UTF-8 (comma delimited); in Google Sheets, File > Download > Comma-separated values (.csv). Then choose that file.'
    : 'This is not a CSV file: it holds binary data, not text. Save the register as CSV (in Excel: File > Save as > CSV UTF-8) and choose that file.'
}
