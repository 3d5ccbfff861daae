import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  blockingGaps,
  checkAnswer,
  describeCheck,
  describeStanding,
  parseCheckInput,
  standing,
} from './standing'

const HEX = 'ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12'

describe('standing', () => {
  it('says current, superseded by the newest approved number, awaiting or returned', () => {
    expect(describeStanding(standing({ number: 3, status: 'APPROVED' }, 3))).toBe(
      'Approved: the current plan',
    )
    expect(describeStanding(standing({ number: 2, status: 'APPROVED' }, 5))).toBe('Superseded by version 5')
    expect(describeStanding(standing({ number: 6, status: 'SUBMITTED' }, 5))).toBe('Awaiting approval')
    expect(describeStanding(standing({ number: 4, status: 'RETURNED' }, 5))).toBe('Returned with comments')
  })
})

describe('blockingGaps', () => {
  it('keeps only the gaps that must be printed before publishing', () => {
    const gaps = [
      { kind: 'NO_MANAGER' as const, text: 'No manager', ids: [] },
      { kind: 'AT_RISK' as const, text: 'MIS at risk', ids: [] },
      { kind: 'VITAL_WITHOUT_PLAN' as const, text: 'MIS has no plan', ids: [] },
    ]
    expect(blockingGaps({ gaps }).map((g) => g.kind)).toEqual(['NO_MANAGER', 'VITAL_WITHOUT_PLAN'])
  })
})

describe('parseCheckInput', () => {
  it('ignores spaces, dashes and case', () => {
    const grouped = HEX.toUpperCase().replace(/(.{4})/g, '$1 ')
    expect(parseCheckInput(grouped)).toBe(HEX)
    expect(parseCheckInput(`${HEX.slice(0, 8)}-${HEX.slice(8, 16)}`)).toBe(HEX.slice(0, 16))
  })

  it('accepts 16 to 64 hex characters and nothing else', () => {
    expect(parseCheckInput(HEX.slice(0, 15))).toBeNull()
    expect(parseCheckInput(`${HEX}0`)).toBeNull()
    expect(parseCheckInput(`${HEX.slice(0, 20)}g`)).toBeNull()
    expect(parseCheckInput('')).toBeNull()
    expect(parseCheckInput('x'.repeat(10_000))).toBeNull()
  })

  it('never throws, and what it returns is lower-case hex of an accepted length', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const hex = parseCheckInput(s)
        if (hex !== null) expect(hex).toMatch(/^[0-9a-f]{16,64}$/)
      }),
    )
  })
})

describe('checkAnswer', () => {
  it('says current for the newest approved version, superseded with the number only for an older one', () => {
    expect(describeCheck(checkAnswer([{ number: 4, status: 'APPROVED' }], 4))).toBe(
      'This is the current approved version of this school’s plan.',
    )
    expect(describeCheck(checkAnswer([{ number: 2, status: 'APPROVED' }], 4))).toBe(
      'Superseded: version 4 is now current.',
    )
  })

  it('does not recognise unapproved, returned, unknown or ambiguous fingerprints', () => {
    for (const answer of [
      checkAnswer([], 3),
      checkAnswer([{ number: 5, status: 'SUBMITTED' }], 4),
      checkAnswer([{ number: 5, status: 'RETURNED' }], 4),
      checkAnswer(
        [
          { number: 1, status: 'APPROVED' },
          { number: 2, status: 'APPROVED' },
        ],
        2,
      ),
    ])
      expect(describeCheck(answer)).toBe('Not recognised.')
  })
})
