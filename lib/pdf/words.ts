/**
 * The plan's numbers as the PDFs print them, in words (pure, tested in `words.test.ts`): the estimate
 * against the recovery time objective, criticality, strategy, backup frequency.
 */
import { formatDuration } from '@/lib/catalogue/durations'
import {
  hasEstimate,
  type SnapshotEstimate,
  type SnapshotMember,
  type SnapshotStep,
} from '@/lib/plan/snapshot'
import { CRITICALITY } from '@/lib/services/schema'

export function criticalityWord(c: number): string {
  return CRITICALITY.find((x) => x.value === c)?.label ?? `Level ${c}`
}

/** Minutes read out; a stored value that is not whole minutes is rounded rather than refused on paper. */
export function duration(minutes: number): string {
  return formatDuration(Math.max(0, Math.round(minutes)))
}

/**
 * The estimate against the RTO in one sentence, at risk in words (never colour alone):
 * "AT RISK: estimated 3 hours against a recovery time objective of 1 hour (2 hours late)."
 */
export function estimateSentence(estimate: SnapshotEstimate, rtoMinutes: number): string {
  const est = duration(estimate.criticalMinutes)
  const rto = duration(rtoMinutes)
  if (!hasEstimate(estimate))
    return `No estimate yet: no timed steps are written for its plans or its assets' restores (recovery time objective ${rto}).`
  if (estimate.atRisk) {
    const late = estimate.criticalMinutes - rtoMinutes
    const by = late > 0 ? ` (${duration(late)} late)` : ''
    return `AT RISK: estimated ${est} against a recovery time objective of ${rto}${by}.`
  }
  return `On time: estimated ${est} against a recovery time objective of ${rto}.`
}

/** The worst case and the estimate with the team as it is, as a second sentence. */
export function estimateDetail(estimate: SnapshotEstimate): string {
  const team =
    estimate.teamMinutes === null
      ? 'Some steps have nobody to carry them out, so no estimate with the current team.'
      : `With the current team: ${duration(estimate.teamMinutes)}.`
  return `One person doing everything: ${duration(estimate.sequentialMinutes)}. ${team}`
}

/**
 * A step's holders as printed beside it: names, with phones when contacts may be shown. Past `limit`
 * people the rest are counted ("and 6 more"): on a trust's plan ten people may share a role, and ten
 * names and phones beside each of thousands of steps would bury the steps; the plan lists every holder
 * of each role once.
 */
export function holdersText(
  step: SnapshotStep,
  members: ReadonlyMap<string, SnapshotMember>,
  withContacts: boolean,
  limit = Number.POSITIVE_INFINITY,
): string {
  if (step.holderIds.length === 0) return 'NOBODY holds this role'
  const names = step.holderIds
    .map((id) => {
      const m = members.get(id)
      if (!m) return null
      return withContacts && m.mobile ? `${m.name} (${m.mobile})` : m.name
    })
    .filter((t): t is string => t !== null)
  if (names.length <= limit) return names.join(', ')
  return `${names.slice(0, limit).join(', ')} and ${names.length - limit} more`
}

/** Backup frequency: "every day", "every 4 hours". */
export function everyWord(minutes: number): string {
  if (minutes <= 0) return 'continuously'
  if (minutes === 1440) return 'every day'
  if (minutes === 10080) return 'every week'
  return `every ${duration(minutes)}`
}
