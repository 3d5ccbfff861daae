/**
 * The kit of the review report (`review.tsx`, @react-pdf/renderer, no browser): page styles, the running
 * header and the footer with page numbers. The full plan and the member pack are drawn with pdfkit
 * directly (`layout.ts`, which says why); a review report is a few pages, where react-pdf's cost is small.
 *
 * Plain Views and Texts, only the header and footer are `fixed`, thin rules instead of boxed tables.
 * Built-in Helvetica only, so rendering needs no network and no font files.
 */
import { Font, Text, View } from '@react-pdf/renderer'
import type { Style } from '@react-pdf/types'
import type { ReactNode } from 'react'

// Words are never hyphenated: a phone number or contract reference split across lines misleads, and the
// default hyphenation costs time on every word.
Font.registerHyphenationCallback((word) => [word])

/** Every PDF here is A4 portrait; 841.89 points high. */
export const A4_HEIGHT = 841.89

export const colours = {
  ink: '#111827',
  muted: '#4b5563',
  rule: '#d1d5db',
  warn: '#991b1b',
  warnBg: '#fef2f2',
  ok: '#166534',
}

export const s = {
  page: {
    paddingTop: 44,
    paddingBottom: 54,
    paddingHorizontal: 40,
    fontFamily: 'Helvetica',
    fontSize: 9.5,
    lineHeight: 1.35,
    color: colours.ink,
  },
  header: {
    position: 'absolute',
    top: 18,
    left: 40,
    right: 40,
    fontSize: 7.5,
    lineHeight: 1.2,
    color: colours.muted,
  },
  footerLine: {
    position: 'absolute',
    bottom: 28,
    left: 40,
    right: 110,
    fontSize: 7,
    lineHeight: 1.2,
    color: colours.muted,
  },
  // The page number sits in a View of its own, placed from the top of the (A4) page: in react-pdf 4.9 a
  // dynamic Text placed absolutely with a width drew nothing, and a View placed from the bottom was put
  // far below the page once the page number was laid out again.
  footerPage: {
    position: 'absolute',
    top: A4_HEIGHT - 28 - 9,
    right: 40,
    width: 70,
  },
  footerPageText: {
    textAlign: 'right',
    fontSize: 7,
    lineHeight: 1.2,
    color: colours.muted,
  },
  h1: { fontSize: 20, lineHeight: 1.2, fontFamily: 'Helvetica-Bold', marginBottom: 8 },
  h2: { fontSize: 14, lineHeight: 1.2, fontFamily: 'Helvetica-Bold', marginTop: 4, marginBottom: 6 },
  h3: { fontSize: 11, lineHeight: 1.2, fontFamily: 'Helvetica-Bold', marginTop: 8, marginBottom: 3 },
  bold: { fontFamily: 'Helvetica-Bold' },
  muted: { color: colours.muted },
  small: { fontSize: 8 },
  para: { marginBottom: 4 },
  label: { fontFamily: 'Helvetica-Bold', color: colours.muted, fontSize: 8 },
  // No borders anywhere: a bordered row split across a page break made the renderer draw at NaN
  // (react-pdf 4.9, "unsupported number" from clipBorderTop); a light band on every other row reads as well,
  // and the header row is shaded.
  row: {
    flexDirection: 'row',
    paddingVertical: 2,
  },
  band: {
    flexDirection: 'row',
    paddingVertical: 2,
    backgroundColor: '#f3f4f6',
  },
  headRow: {
    flexDirection: 'row',
    backgroundColor: '#e5e7eb',
    paddingVertical: 2,
    fontFamily: 'Helvetica-Bold',
    fontSize: 8,
  },
  warnBox: {
    backgroundColor: colours.warnBg,
    color: colours.warn,
    padding: 6,
    marginVertical: 6,
  },
} satisfies Record<string, Style>

/** The running header: what the document is, left; the school, right. Repeats on every page. */
export function Header({ left, right }: { left: string; right: string }) {
  return (
    <Text style={s.header} fixed>
      {left} · {right}
    </Text>
  )
}

const pageOf = ({ pageNumber, totalPages }: { pageNumber: number; totalPages: number }) =>
  `Page ${pageNumber} of ${totalPages}`

/** A plain footer for documents without a plan stamp (the review report). */
export function PlainFooter({ text }: { text: string }) {
  return (
    <>
      <Text style={s.footerLine} fixed>
        {text}
      </Text>
      <View style={s.footerPage} fixed>
        <Text style={s.footerPageText} render={pageOf} />
      </View>
    </>
  )
}

/** A label and its value on one line, left out when the value is empty. */
export function Field({ label, children }: { label: string; children: ReactNode }) {
  if (children === '' || children === null || children === undefined) return null
  return (
    <Text style={s.para}>
      <Text style={s.bold}>{label}: </Text>
      {children}
    </Text>
  )
}
