/**
 * The stamp every page of a plan PDF carries (issue 11, item 5): which school, which version, whether the
 * head teacher approved it, when, and the fingerprint that the check page recognises. Pure: the words are
 * worked out here and tested; the layout (`layout.ts`, `kit.tsx` for the review report) only places them.
 */
import { groupFingerprint } from '@/lib/plan/snapshot'

export type PlanVersionStatus = 'SUBMITTED' | 'APPROVED' | 'RETURNED'

export type PdfStamp = {
  schoolName: string
  timeZone: string
  version: number
  status: PlanVersionStatus
  publishedAt: Date
  publishedByName: string
  decidedAt: Date | null
  decidedByName: string | null
  fingerprint: string
  /** Where the portal is reached (`https://portal.example.org`), for the check link and QR code. */
  origin: string
}

const dayFormats = new Map<string, Intl.DateTimeFormat>()
/** A day as the school reads it: 22 Nov 2026, in the school's own time zone. */
export function pdfDay(d: Date, timeZone: string): string {
  let f = dayFormats.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone })
    dayFormats.set(timeZone, f)
  }
  return f.format(d)
}

/** The approval in words, as the cover prints it. An unapproved copy says so in capitals. */
export function approvalLine(stamp: PdfStamp): string {
  const on = stamp.decidedAt ? ` on ${pdfDay(stamp.decidedAt, stamp.timeZone)}` : ''
  const by = stamp.decidedByName ? ` by ${stamp.decidedByName}` : ''
  switch (stamp.status) {
    case 'APPROVED':
      return `Approved${by}${on}`
    case 'RETURNED':
      return `NOT APPROVED: returned${by}${on}`
    default:
      return 'NOT APPROVED: awaiting the head teacher'
  }
}

/** The short status the footer of every page carries. */
export function statusWord(status: PlanVersionStatus): string {
  return status === 'APPROVED'
    ? 'Approved'
    : status === 'RETURNED'
      ? 'NOT APPROVED (returned)'
      : 'NOT APPROVED'
}

/** The line at the foot of every page: school, version, status, date of publishing, fingerprint in fours. */
export function footerLine(stamp: PdfStamp): string {
  const date = pdfDay(stamp.decidedAt ?? stamp.publishedAt, stamp.timeZone)
  return `${stamp.schoolName} · Version ${stamp.version} · ${statusWord(stamp.status)} · ${date}`
}

export function footerFingerprint(stamp: PdfStamp): string {
  return `Fingerprint ${groupFingerprint(stamp.fingerprint)}`
}

/** The check page's address with no trailing slash doubled; the QR code holds `checkUrl(...)/<fingerprint>`. */
export function checkBase(origin: string): string {
  return `${origin.replace(/\/+$/, '')}/check`
}

export function checkUrl(origin: string, fingerprint: string): string {
  return `${checkBase(origin)}/${fingerprint}`
}

/**
 * The PDF's own metadata: the fingerprint sits in the subject and keywords, so a program (or a test
 * without a PDF parser) finds it in the file's bytes; the document information dictionary is never
 * compressed.
 */
export function pdfMetadata(stamp: PdfStamp, kind: string) {
  return {
    title: `${stamp.schoolName}: ${kind}, version ${stamp.version}`,
    subject: `Plan version ${stamp.version} fingerprint ${stamp.fingerprint}`,
    keywords: `recovery plan, version ${stamp.version}, ${stamp.fingerprint}`,
    author: stamp.schoolName,
    creator: 'School ICT service continuity portal',
    producer: 'School ICT service continuity portal',
  }
}
