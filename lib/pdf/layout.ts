/**
 * The layout kit of the full plan PDF and the member pack, drawn with pdfkit directly (no browser, built-in
 * Helvetica and Courier only, so rendering needs no network and no font files): A4 portrait, a cursor that
 * flows down the page and starts a new page before a block that would not fit, headings kept with their
 * first line, paragraphs of runs ("Label: value" in two fonts), banded table rows, and the running header,
 * the stamp and "Page n of m" written on every page once the document is complete.
 *
 * Why not @react-pdf/renderer (which the review report still uses, `kit.tsx`): its layout engine costs
 * about 0.2-0.3 ms a line and lays pages out again for the page numbers, so a trust's plan (300 services,
 * 3,000 assets, about 10,000 steps, 1,000 pages) took 26-30 s of CPU and one member's pack 12 s, against
 * issue 11's targets of 5 s and 1 s. pdfkit is the library react-pdf itself draws with; placing the text
 * ourselves costs a few hundredths of a millisecond a line (figures in tests/bench/pdf.ts).
 */
import PDFDocument from 'pdfkit'
import QRCode from 'qrcode'
import { checkUrl, footerFingerprint, footerLine, type PdfStamp, pdfMetadata } from './stamp'

/** A4 portrait in points, and the margins every page of these documents keeps. */
export const PAGE = { width: 595.28, height: 841.89, top: 44, bottom: 54, left: 40, right: 40 } as const
export const WIDTH = PAGE.width - PAGE.left - PAGE.right
const MAX_Y = PAGE.height - PAGE.bottom

export const colours = {
  ink: '#111827',
  muted: '#4b5563',
  warn: '#991b1b',
  warnBg: '#fef2f2',
  ok: '#166534',
  band: '#f3f4f6',
  head: '#e5e7eb',
}

export type FontName = 'Helvetica' | 'Helvetica-Bold' | 'Courier' | 'Courier-Bold'

/** How a run of text looks; what is left out comes from the paragraph's style. */
export type Look = { font?: FontName; size?: number; color?: string }
export type Style = Required<Look> & { lineHeight: number; before: number; after: number }
/** A run of text in one look, optionally a link to a named place in the document. */
export type Run = Look & { text: string; goTo?: string }

const body: Style = {
  font: 'Helvetica',
  size: 9.5,
  color: colours.ink,
  lineHeight: 1.35,
  before: 0,
  after: 0,
}
const style = (s: Partial<Style>): Style => ({ ...body, ...s })

/** The sizes and spacing of the documents (the same as the react-pdf kit's, `kit.tsx`). */
export const st = {
  body,
  para: style({ after: 4 }),
  small: style({ size: 8 }),
  smallMuted: style({ size: 8, color: colours.muted }),
  muted: style({ color: colours.muted }),
  h1: style({ font: 'Helvetica-Bold', size: 20, lineHeight: 1.2, after: 8 }),
  section: style({ font: 'Helvetica-Bold', size: 16, lineHeight: 1.2, after: 8 }),
  h2: style({ font: 'Helvetica-Bold', size: 14, lineHeight: 1.2, before: 4, after: 6 }),
  h3: style({ font: 'Helvetica-Bold', size: 11, lineHeight: 1.2, before: 8, after: 3 }),
  label: style({ font: 'Helvetica-Bold', size: 8, color: colours.muted }),
  warn: style({ font: 'Helvetica-Bold', color: colours.warn, after: 4 }),
  head: style({ font: 'Helvetica-Bold', size: 8 }),
}

export const bold = (text: string, look: Look = {}): Run => ({ text, font: 'Helvetica-Bold', ...look })

/** One paragraph: its runs, its style, and how far in from the left margin it starts. */
export type Para = { runs: Run[] | string; style: Style; indent?: number }

/** A table column: a fixed width, or `flex` shares of what the fixed columns leave. */
export type Column = { width?: number; flex?: number; padRight?: number }
/** A cell: the paragraphs stacked in it. */
export type Cell = Para[]

const runsOf = (p: Para): Run[] => (typeof p.runs === 'string' ? [{ text: p.runs }] : p.runs)

/**
 * A document being written: the cursor is pdfkit's own `doc.y`. Pages are kept in memory (`bufferPages`)
 * so that the header and footer, which need the page count, are written on every page at the end.
 */
export class Writer {
  readonly doc: PDFKit.PDFDocument
  private readonly chunks: Buffer[] = []
  private readonly done: Promise<void>
  private readonly gaps = new Map<string, number>()

  constructor(stamp: PdfStamp, kind: string) {
    const meta = pdfMetadata(stamp, kind)
    this.doc = new PDFDocument({
      size: 'A4',
      autoFirstPage: false,
      bufferPages: true,
      compress: true,
      margins: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right },
      info: {
        Title: meta.title,
        Author: meta.author,
        Subject: meta.subject,
        Keywords: meta.keywords,
        Creator: meta.creator,
        Producer: meta.producer,
      },
    })
    for (const name of FONTS) memoiseWidths(this.doc, name)
    this.doc.on('data', (b: Buffer) => this.chunks.push(b))
    this.done = new Promise((resolve, reject) => {
      this.doc.on('end', () => resolve())
      this.doc.on('error', reject)
    })
  }

  get y(): number {
    return this.doc.y
  }

  /** A fresh page, the cursor at its top margin. */
  page(): void {
    this.doc.addPage()
    this.doc.x = PAGE.left
    this.doc.y = PAGE.top
  }

  private atTop(): boolean {
    return this.doc.y <= PAGE.top + 0.5
  }

  /** A new page when `height` more points would not fit on this one (never on a page still empty). */
  ensure(height: number): void {
    if (this.doc.y + height > MAX_Y && !this.atTop()) this.page()
  }

  /** Vertical space; none at the top of a page, and a new page rather than space past the bottom. */
  space(points: number): void {
    if (this.atTop()) return
    if (this.doc.y + points >= MAX_Y) this.page()
    else this.doc.y += points
  }

  /** Extra space between lines that makes pdfkit's line height `size * lineHeight` for this font. */
  private lineGap(s: Style): number {
    const key = `${s.font} ${s.size} ${s.lineHeight}`
    let gap = this.gaps.get(key)
    if (gap === undefined) {
      this.doc.font(s.font).fontSize(s.size)
      gap = s.size * s.lineHeight - this.doc.currentLineHeight(true)
      this.gaps.set(key, gap)
    }
    return gap
  }

  /** One line of this style, in points. */
  lineOf(s: Style): number {
    return s.size * s.lineHeight
  }

  /** How tall a paragraph is at this width, not counting its spacing (measured in its first run's font). */
  measure(p: Para, width = WIDTH - (p.indent ?? 0)): number {
    const runs = runsOf(p)
    const first = runs[0]
    const s = p.style
    this.doc.font(first?.font ?? s.font).fontSize(first?.size ?? s.size)
    const text = runs.map((r) => r.text).join('')
    if (text === '') return 0
    return this.doc.heightOfString(text, { width, lineGap: this.lineGap(s) })
  }

  /**
   * A new page unless the paragraphs and `extra` points fit below the cursor. Measured exactly only near
   * the foot of a page: elsewhere a cheap upper bound of their height shows they fit, and measuring is
   * most of the cost of a paragraph.
   */
  keep(paras: Para[], extra = 0): void {
    const room = MAX_Y - this.doc.y - extra
    let bound = 0
    for (const p of paras) bound += this.bound(p)
    if (bound <= room) return
    let height = extra
    for (const p of paras) height += this.measure(p) + p.style.after
    this.ensure(height)
  }

  /**
   * At least as tall as the paragraph: when no word is wider than half a line, every line but the last is
   * at least half full, and no letter is wider than its font size.
   */
  private bound(p: Para): number {
    const runs = runsOf(p)
    let size = p.style.size
    let text = ''
    for (const r of runs) {
      if (r.size !== undefined && r.size > size) size = r.size
      text += r.text
    }
    const width = WIDTH - (p.indent ?? 0)
    const longest = Math.floor(width / 2 / size)
    let word = 0
    let breaks = 1
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i)
      if (c === 32 || c === 10) {
        word = 0
        if (c === 10) breaks++
      } else if (++word > longest) return Number.POSITIVE_INFINITY
    }
    return (breaks + Math.floor((2 * text.length * size) / width)) * size * p.style.lineHeight + p.style.after
  }

  /**
   * A paragraph at the cursor, its runs joined on the lines (`continued`); one taller than what is left
   * of the page carries on at the top of the next, unless `height` caps it (then the rest is cut).
   */
  para(p: Para, opts: { x?: number; width?: number; height?: number } = {}): void {
    const s = p.style
    const runs = runsOf(p).filter((r) => r.text !== '')
    if (runs.length === 0) return
    if (s.before) this.space(s.before)
    const x = opts.x ?? PAGE.left + (p.indent ?? 0)
    const width = opts.width ?? PAGE.left + WIDTH - x
    const lineGap = this.lineGap(s)
    const doc = this.doc
    // A run in another size sits on the first run's baseline (pdfkit aligns the tops of fragments).
    const firstSize = runs[0]!.size ?? s.size
    doc.font(runs[0]!.font ?? s.font).fontSize(firstSize)
    const lead = ((doc as unknown as { _font: { ascender: number } })._font.ascender / 1000) * firstSize
    runs.forEach((r, i) => {
      const size = r.size ?? s.size
      doc
        .font(r.font ?? s.font)
        .fontSize(size)
        .fillColor(r.color ?? s.color)
      const options: PDFKit.Mixins.TextOptions & { baseline?: number } = {
        continued: i < runs.length - 1,
        lineGap,
        goTo: r.goTo,
      }
      if (i > 0 && size !== firstSize) {
        // On the first run's baseline, and the line as tall as the first run's (pdfkit moves down by the
        // height of the font last set).
        options.baseline = -lead
        options.lineGap = s.size * s.lineHeight - doc.currentLineHeight(true)
      }
      if (i === 0) {
        if (opts.height !== undefined) options.height = opts.height
        doc.text(r.text, x, doc.y, { ...options, width })
      } else doc.text(r.text, options)
    })
    doc.x = PAGE.left
    if (s.after) this.doc.y += s.after
  }

  /** A heading, kept on a page with `next` points of what follows it; `dest` names it for links. */
  heading(p: Para, next: number, dest?: string): void {
    const s = p.style
    if (s.before) this.space(s.before)
    this.ensure(this.measure(p) + s.after + next)
    if (dest) this.doc.addNamedDestination(dest, 'XYZ', PAGE.left, PAGE.height - this.doc.y, null)
    this.para({ ...p, style: { ...s, before: 0 } })
  }

  /** A named place at the cursor that a `goTo` run links to. */
  dest(name: string): void {
    this.doc.addNamedDestination(name, 'XYZ', PAGE.left, PAGE.height - this.doc.y, null)
  }

  /** Paragraphs on a shaded box (`padding` inside), kept on one page when they fit on one. */
  box(paras: Para[], opts: { fill: string; padding: number; margin: number }): void {
    const inner = WIDTH - opts.padding * 2
    const height = paras.reduce((t, p) => t + this.measure(p, inner) + p.style.after, 0) + opts.padding * 2
    this.space(opts.margin)
    this.ensure(height)
    this.doc.rect(PAGE.left, this.doc.y, WIDTH, height).fill(opts.fill)
    this.doc.y += opts.padding
    for (const p of paras) this.para(p, { x: PAGE.left + opts.padding, width: inner })
    this.doc.y += opts.padding
    this.space(opts.margin)
  }

  /**
   * Table rows: the header row (if any) shaded and repeated at the top of each page the table runs onto, every
   * other row banded. A row never splits: it moves whole to the next page (one taller than a page is cut
   * at the page's foot rather than drawn over the footer).
   */
  table(columns: Column[], head: Cell[], rows: Cell[][], padding = 2): void {
    const fixed = columns.reduce((t, c) => t + (c.width ?? 0), 0)
    const shares = columns.reduce((t, c) => t + (c.width === undefined ? (c.flex ?? 1) : 0), 0)
    const widths = columns.map((c) => c.width ?? ((WIDTH - fixed) * (c.flex ?? 1)) / shares)
    const xs: number[] = []
    widths.reduce((x, w) => {
      xs.push(x)
      return x + w
    }, PAGE.left)
    const heightOf = (cells: Cell[]) =>
      Math.max(
        ...cells.map((cell, i) =>
          cell.reduce(
            (t, p) => t + this.measure(p, widths[i]! - (columns[i]!.padRight ?? 0)) + p.style.after,
            0,
          ),
        ),
      ) +
      padding * 2
    const draw = (cells: Cell[], height: number, fill: string | null) => {
      const top = this.doc.y
      if (fill) this.doc.rect(PAGE.left, top, WIDTH, height).fill(fill)
      cells.forEach((cell, i) => {
        this.doc.y = top + padding
        const width = widths[i]! - (columns[i]!.padRight ?? 0)
        for (const p of cell) {
          const room = MAX_Y - this.doc.y
          if (room <= 0) break
          this.para(p, { x: xs[i]!, width, height: room })
        }
      })
      this.doc.y = top + height
    }
    const headHeight = head.length > 0 ? heightOf(head) : 0
    this.ensure(headHeight + (rows[0] ? heightOf(rows[0]) : 0))
    if (head.length > 0) draw(head, headHeight, colours.head)
    rows.forEach((cells, i) => {
      const height = heightOf(cells)
      if (this.doc.y + height > MAX_Y && !this.atTop()) {
        this.page()
        if (head.length > 0) draw(head, headHeight, colours.head)
      }
      draw(cells, Math.min(height, MAX_Y - this.doc.y), i % 2 ? colours.band : null)
    })
  }

  /** An image (the QR code, a PNG data URL) at a place of its own; the cursor does not move. */
  image(src: string, x: number, y: number, size: number): void {
    this.doc.image(src, x, y, { width: size, height: size })
  }

  /**
   * Writes the running header (from page `headerFrom`, counted from 0), the stamp and "Page n of m" on
   * every page, and returns the finished file.
   */
  async finish(stamp: PdfStamp, header: string, headerFrom: number): Promise<Buffer> {
    const doc = this.doc
    const range = doc.bufferedPageRange()
    const line = footerLine(stamp)
    const print = footerFingerprint(stamp)
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i)
      // Placed with a height of their own, so that text near the foot never starts a new page.
      doc.fillColor(colours.muted)
      if (i >= headerFrom) {
        doc
          .font('Helvetica')
          .fontSize(7.5)
          .text(header, PAGE.left, 18, { width: WIDTH, height: 20, lineGap: 0 })
      }
      doc.font('Helvetica').fontSize(7)
      doc.text(line, PAGE.left, PAGE.height - 28 - 8.4, { width: WIDTH - 70, height: 9, lineBreak: false })
      const page = `Page ${i + 1} of ${range.count}`
      const w = doc.widthOfString(page)
      doc.text(page, PAGE.width - PAGE.right - w, PAGE.height - 28 - 8.4, { lineBreak: false })
      doc.font('Courier').text(print, PAGE.left, PAGE.height - 16 - 8.4, { lineBreak: false })
    }
    doc.end()
    await this.done
    return Buffer.concat(this.chunks)
  }
}

const FONTS: FontName[] = ['Helvetica', 'Helvetica-Bold', 'Courier', 'Courier-Bold']

type WidthFont = {
  widthOfString(text: string, size: number, features?: unknown): number
  font: { kernPairs: Record<string, number>; getKernPair(left: string, right: string): number }
}

/** Each built-in font's kerning pairs by left glyph, then right glyph (the same for every document). */
const kerning = new Map<string, Map<string, Map<string, number>>>()

/**
 * Remembers the width of each word a font has measured (at 1,000 points; widths scale with the size).
 * pdfkit measures every word of a paragraph to wrap it, looking each pair of letters up for kerning with
 * a new string each time; a plan repeats the same few thousand words, and measuring each once roughly
 * halves the time of a trust-sized document and most of its garbage.
 */
function memoiseWidths(doc: PDFKit.PDFDocument, name: FontName): void {
  doc.font(name)
  const font = (doc as unknown as { _font: WidthFont })._font
  // pdfkit looks each pair of letters up under a new string ("a\0v"): a map of maps makes no garbage.
  let pairs = kerning.get(name)
  if (!pairs) {
    pairs = new Map()
    for (const [key, amount] of Object.entries(font.font.kernPairs)) {
      const [left, right] = key.split('\0') as [string, string]
      const row = pairs.get(left) ?? new Map<string, number>()
      row.set(right, amount)
      pairs.set(left, row)
    }
    kerning.set(name, pairs)
  }
  const table = pairs
  font.font.getKernPair = (left, right) => table.get(left)?.get(right) ?? 0
  const measure = font.widthOfString.bind(font)
  const widths = new Map<string, number>()
  font.widthOfString = (text, size, features) => {
    let w = widths.get(text)
    if (w === undefined) {
      w = measure(text, 1000, features)
      widths.set(text, w)
    }
    return (w * size) / 1000
  }
}

/** A PNG data URL of the QR code that opens the check page for this fingerprint. */
export async function checkQrCode(origin: string, fingerprint: string): Promise<string> {
  return QRCode.toDataURL(checkUrl(origin, fingerprint), { errorCorrectionLevel: 'M', margin: 1, width: 300 })
}

/** The fingerprint in fours, the first 16 characters (what a reader compares first) apart. */
export function fingerprintRuns(hex: string): [string, string] {
  return [`${hex.slice(0, 16).replace(/(.{4})(?=.)/g, '$1 ')} `, hex.slice(16).replace(/(.{4})(?=.)/g, '$1 ')]
}
