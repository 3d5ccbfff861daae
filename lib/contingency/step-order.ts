/*
 * The order of a procedure's steps. Steps carry a 1-based position; moving one swaps it with its
 * neighbour, and positions are renumbered 1..n so gaps left by a removed step close. A step may name
 * another step of the same procedure that must be done first: that must not make a loop, and a step
 * listed above the step it waits for is flagged (the list no longer reads in an order that can be done).
 */

export type Positioned = { id: string; position: number }
export type Direction = 'up' | 'down'

/** Steps in their order (position, then id so equal positions still order the same way every time). */
export function inOrder<T extends Positioned>(steps: readonly T[]): T[] {
  return [...steps].sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

/**
 * The new position of every step after moving `id` one place up or down, numbered 1..n; only the steps
 * whose position changes are returned. Null when the step is not there or is already at that end.
 */
export function moveStep(steps: readonly Positioned[], id: string, direction: Direction) {
  const ordered = inOrder(steps)
  const i = ordered.findIndex((s) => s.id === id)
  const j = direction === 'up' ? i - 1 : i + 1
  if (i < 0 || j < 0 || j >= ordered.length) return null
  ;[ordered[i], ordered[j]] = [ordered[j]!, ordered[i]!]
  return renumber(ordered)
}

/** Positions 1..n in the given order; only the steps whose position changes. */
export function renumber(ordered: readonly Positioned[]): Positioned[] {
  return ordered
    .map((s, k) => ({ id: s.id, position: k + 1, was: s.position }))
    .filter((s) => s.position !== s.was)
    .map(({ id, position }) => ({ id, position }))
}

export type Linked = { id: string; afterStepId: string | null }

/** True when making `id` wait for `afterId` would make a loop (a step waiting, through others, on itself). */
export function wouldLoop(steps: readonly Linked[], id: string, afterId: string | null): boolean {
  if (!afterId) return false
  const after = new Map(steps.map((s) => [s.id, s.afterStepId]))
  after.set(id, afterId)
  const seen = new Set<string>()
  let at: string | null | undefined = id
  while (at) {
    if (seen.has(at)) return true
    seen.add(at)
    at = after.get(at)
  }
  return false
}

/** The ids of steps listed above (before) the step they wait for. */
export function listedBeforeTheirPredecessor(steps: readonly (Positioned & Linked)[]): Set<string> {
  const index = new Map(inOrder(steps).map((s, k) => [s.id, k]))
  const out = new Set<string>()
  for (const s of steps) {
    if (!s.afterStepId) continue
    const mine = index.get(s.id)!
    const theirs = index.get(s.afterStepId)
    if (theirs !== undefined && theirs > mine) out.add(s.id)
  }
  return out
}

/** The total of the steps' estimated minutes: everything done one after another by one person. */
export function totalMinutes(steps: readonly { estimatedMinutes: number }[]): number {
  return steps.reduce((sum, s) => sum + s.estimatedMinutes, 0)
}
