import { describe, expect, it } from 'vitest'
import {
  approvalLine,
  checkBase,
  checkUrl,
  footerFingerprint,
  footerLine,
  type PdfStamp,
  pdfMetadata,
} from './stamp'
import { estimateSentence, holdersText } from './words'

const PRINT = 'ab12'.repeat(16)
const stamp = (over: Partial<PdfStamp> = {}): PdfStamp => ({
  schoolName: 'Hillside Primary',
  timeZone: 'Europe/London',
  version: 3,
  status: 'APPROVED',
  // 23:30 UTC on 31 March is already 1 April in London (summer time).
  publishedAt: new Date('2026-03-31T23:30:00Z'),
  publishedByName: 'Sam',
  decidedAt: new Date('2026-04-02T09:00:00Z'),
  decidedByName: 'Alex Head',
  fingerprint: PRINT,
  origin: 'https://portal.example.org/',
  ...over,
})

describe('the stamp', () => {
  it('says who approved it and when, in the school time zone', () => {
    expect(approvalLine(stamp())).toBe('Approved by Alex Head on 2 Apr 2026')
    expect(footerLine(stamp())).toBe('Hillside Primary · Version 3 · Approved · 2 Apr 2026')
  })

  it('says in capitals when a copy is not approved, and dates it by publishing', () => {
    const waiting = stamp({ status: 'SUBMITTED', decidedAt: null, decidedByName: null })
    expect(approvalLine(waiting)).toBe('NOT APPROVED: awaiting the head teacher')
    expect(footerLine(waiting)).toBe('Hillside Primary · Version 3 · NOT APPROVED · 1 Apr 2026')
    expect(approvalLine(stamp({ status: 'RETURNED' }))).toBe(
      'NOT APPROVED: returned by Alex Head on 2 Apr 2026',
    )
  })

  it('prints the fingerprint in fours and puts it whole in the metadata', () => {
    expect(footerFingerprint(stamp())).toBe(`Fingerprint ${'ab12 '.repeat(15)}ab12`)
    const meta = pdfMetadata(stamp(), 'recovery plan')
    expect(meta.subject).toContain(PRINT)
    expect(meta.keywords).toContain(PRINT)
  })

  it('builds the check address without doubling slashes', () => {
    expect(checkBase('https://portal.example.org/')).toBe('https://portal.example.org/check')
    expect(checkUrl('http://localhost:3000', PRINT)).toBe(`http://localhost:3000/check/${PRINT}`)
  })
})

describe('the words', () => {
  const estimate = {
    criticalMinutes: 180,
    sequentialMinutes: 300,
    teamMinutes: 200,
    atRisk: true,
    lateChain: [],
  }
  it('says at risk in words with how late', () => {
    expect(estimateSentence(estimate, 60)).toBe(
      'AT RISK: estimated 3 hours against a recovery time objective of 1 hour (2 hours late).',
    )
    expect(estimateSentence({ ...estimate, criticalMinutes: 45, atRisk: false }, 60)).toBe(
      'On time: estimated 45 minutes against a recovery time objective of 1 hour.',
    )
  })

  it('prints holders with phones only when contacts may be shown, and nobody in capitals', () => {
    const m = { id: 'm', name: 'Tess', mobile: '07700 900001' } as never
    const members = new Map([['m', m]])
    const step = { holderIds: ['m'] } as never
    expect(holdersText(step, members, true)).toBe('Tess (07700 900001)')
    expect(holdersText(step, members, false)).toBe('Tess')
    expect(holdersText({ holderIds: [] } as never, members, true)).toBe('NOBODY holds this role')
  })
})

describe('holders beside a step', () => {
  it('names the first few and counts the rest', () => {
    const members = new Map(
      ['a', 'b', 'c'].map((id) => [id, { id, name: id.toUpperCase(), mobile: '' } as never]),
    )
    const step = { holderIds: ['a', 'b', 'c'] } as never
    expect(holdersText(step, members, true, 2)).toBe('A, B and 1 more')
    expect(holdersText(step, members, true, 3)).toBe('A, B, C')
  })
})
