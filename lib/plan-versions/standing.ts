/**
 * Where a published version stands, and what the public check page may say about a fingerprint (issue 11,
 * items 4 and 6). Pure: the queries pass the rows in.
 *
 * The current plan is the approved version with the highest number; an earlier approved version is
 * superseded by it. A version awaiting a decision, or returned, is not a plan anyone should hold, so the
 * check page does not recognise it.
 */
import { BLOCKING_GAPS, type PlanSnapshot, type SnapshotGap } from '@/lib/plan/snapshot'

export type VersionStatus = 'SUBMITTED' | 'APPROVED' | 'RETURNED'

export type Standing =
  | { kind: 'CURRENT' }
  | { kind: 'SUPERSEDED'; by: number }
  | { kind: 'AWAITING' }
  | { kind: 'RETURNED' }

export function standing(
  v: { number: number; status: VersionStatus },
  currentNumber: number | null,
): Standing {
  if (v.status === 'SUBMITTED') return { kind: 'AWAITING' }
  if (v.status === 'RETURNED') return { kind: 'RETURNED' }
  if (currentNumber !== null && currentNumber > v.number) return { kind: 'SUPERSEDED', by: currentNumber }
  return { kind: 'CURRENT' }
}

export function describeStanding(s: Standing): string {
  switch (s.kind) {
    case 'CURRENT':
      return 'Approved: the current plan'
    case 'SUPERSEDED':
      return `Superseded by version ${s.by}`
    case 'AWAITING':
      return 'Awaiting approval'
    case 'RETURNED':
      return 'Returned with comments'
  }
}

/** The gaps that must be printed on the plan before it may be published. */
export function blockingGaps(snapshot: Pick<PlanSnapshot, 'gaps'>): SnapshotGap[] {
  return snapshot.gaps.filter((g) => BLOCKING_GAPS.includes(g.kind))
}

// ---- the public check page ----------------------------------------------------------------------------

/** The shortest prefix of a fingerprint the check page accepts: 16 hex characters (64 bits). */
export const MIN_CHECK_LENGTH = 16
export const FINGERPRINT_LENGTH = 64

/**
 * What a person typed or a QR code carried, as the lower-case hex to look up: spaces, dashes and case are
 * ignored; null unless it is 16 to 64 hex characters.
 */
export function parseCheckInput(typed: string): string | null {
  if (typed.length > 200) return null
  const hex = typed.replace(/[\s-]/g, '').toLowerCase()
  if (!/^[0-9a-f]+$/.test(hex)) return null
  return hex.length >= MIN_CHECK_LENGTH && hex.length <= FINGERPRINT_LENGTH ? hex : null
}

export type CheckAnswer = { kind: 'CURRENT' } | { kind: 'SUPERSEDED'; current: number } | { kind: 'UNKNOWN' }

export const CHECK_WORDS = {
  CURRENT: 'This is the current approved version of this school’s plan.',
  SUPERSEDED: (n: number) => `Superseded: version ${n} is now current.`,
  UNKNOWN: 'Not recognised.',
} as const

export function describeCheck(a: CheckAnswer): string {
  if (a.kind === 'CURRENT') return CHECK_WORDS.CURRENT
  if (a.kind === 'SUPERSEDED') return CHECK_WORDS.SUPERSEDED(a.current)
  return CHECK_WORDS.UNKNOWN
}

/**
 * The answer for the versions whose fingerprint starts with what was typed (at most two are read) and the
 * current version number of the school the one match belongs to. Anything but exactly one approved match
 * is not recognised: an unapproved or returned version says no more than a made-up fingerprint.
 */
export function checkAnswer(
  matches: readonly { number: number; status: VersionStatus }[],
  currentNumber: number | null,
): CheckAnswer {
  const [only, ...more] = matches
  if (!only || more.length > 0 || only.status !== 'APPROVED' || currentNumber === null)
    return { kind: 'UNKNOWN' }
  const s = standing(only, currentNumber)
  return s.kind === 'SUPERSEDED' ? { kind: 'SUPERSEDED', current: s.by } : { kind: 'CURRENT' }
}
