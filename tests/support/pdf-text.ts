/**
 * The text a PDF made by the portal shows, near enough for a test to look for a phone number in it,
 * without a PDF parser: every Flate stream is inflated and the hex strings its text operators draw are
 * decoded (the built-in fonts write WinAnsi codes, so ASCII comes back as itself) and joined. Kerning
 * splits a line into several strings; joining them gives the line back.
 */
import { inflateSync } from 'node:zlib'

export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1')
  const out: string[] = []
  const stream = /stream\r?\n/g
  for (;;) {
    const m = stream.exec(raw)
    if (!m) break
    const start = m.index + m[0].length
    const end = raw.indexOf('endstream', start)
    if (end < 0) break
    let body: Buffer
    try {
      body = inflateSync(pdf.subarray(start, end))
    } catch {
      continue
    }
    const text = body.toString('latin1')
    for (const block of text.matchAll(/\[([^\]]*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
      const parts =
        block[1] !== undefined ? [...block[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((x) => x[1]!) : [block[2]!]
      out.push(parts.map((hex) => Buffer.from(hex, 'hex').toString('latin1')).join(''))
    }
    stream.lastIndex = end
  }
  return out.join('\n')
}
