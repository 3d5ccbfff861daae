/*
 * What the portal already knows beside a checklist question (issue 12, item 2): "3 services have no
 * contingency plan", "2 risks are overdue for review", "No exercise has been recorded". Keyed by the
 * starter question's stable key (checklist.ts), so rewording a question keeps its hint and a school's own
 * questions get none. Pure: the counts come from one view query (queries.ts getReviewFacts).
 */

/** The counts the hints are built from. */
export type ReviewFacts = {
  /** Records changed since the last signed-off review, by audit entity. */
  changed: Readonly<Record<string, number>>
  services: number
  assets: number
  spofs: number
  standbysToCheck: number
  servicesWithoutPlan: number
  plansWithoutSteps: number
  stepsWithNobody: number
  openRisks: number
  risksOverdue: number
  /** Exercises recorded, and months since the last; the portal records none yet. */
  exercises: { count: number; monthsSinceLast: number | null }
  restoreNeverTested: number
  restoreOverdue: number
  membersWithoutTraining: number
  /** Recovery team members who joined (or came back) and left since the last signed-off review. */
  teamJoined: number
  teamLeft: number
  /** Nobody holds the built-in service continuity manager role. */
  noContinuityManager: boolean
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`
const has = (n: number, one: string, many: string, verbOne: string, verbMany: string) =>
  `${plural(n, one, many)} ${n === 1 ? verbOne : verbMany}`

function team(f: ReviewFacts): string {
  const moves =
    f.teamJoined || f.teamLeft
      ? `The recovery team changed since the last review: ${f.teamJoined} joined, ${f.teamLeft} left.`
      : 'Nobody joined or left the recovery team since the last review.'
  return f.membersWithoutTraining
    ? `${moves} ${has(f.membersWithoutTraining, 'team member', 'team members', 'has', 'have')} no training recorded.`
    : moves
}

function exercise(f: ReviewFacts): string {
  const { count, monthsSinceLast } = f.exercises
  if (!count) return 'No exercise has been recorded.'
  if (monthsSinceLast !== null && monthsSinceLast >= 12) return 'No exercise in the last 12 months.'
  return `${plural(count, 'exercise has', 'exercises have')} been recorded, the last ${monthsSinceLast ? plural(monthsSinceLast, 'month', 'months') : 'less than a month'} ago.`
}

function spofs(f: ReviewFacts): string {
  return f.spofs
    ? `${plural(f.spofs, 'single point of failure', 'single points of failure')} to eliminate.`
    : 'No single point of failure in the catalogue.'
}

/** "4 assets and 1 dependency between assets changed since the last review": records, each counted once. */
function changedSince(a: number, aWords: [string, string], b: number, bWords: [string, string]): string {
  if (a + b === 0) return `No ${aWords[1]} or ${bWords[1]} changed since the last review.`
  const parts = [a ? plural(a, ...aWords) : null, b ? plural(b, ...bWords) : null].filter(Boolean)
  return `${parts.join(' and ')} changed since the last review.`
}

/** Each keyed starter question's hint; a key missing here has none. */
export const HINTS: Readonly<Record<string, (f: ReviewFacts) => string | null>> = {
  'keep.assets': (f) =>
    changedSince(f.changed.Asset ?? 0, ['asset', 'assets'], f.changed.AssetDependency ?? 0, [
      'dependency between assets',
      'dependencies between assets',
    ]),
  'keep.services': (f) =>
    changedSince(f.changed.Service ?? 0, ['service', 'services'], f.changed.ServiceAsset ?? 0, [
      'link to an asset',
      'links to assets',
    ]),
  'keep.changes': (f) =>
    `${plural(
      Object.values(f.changed).reduce((n, c) => n + c, 0),
      'record',
      'records',
    )} changed since the last review: each is listed under “What changed”.`,
  'keep.personnel': team,
  'improve.identified': (f) =>
    `The catalogue holds ${plural(f.services, 'service', 'services')} and ${plural(f.assets, 'asset', 'assets')}; ${plural(f.openRisks, 'open risk is', 'open risks are')} recorded${
      f.risksOverdue ? `, ${has(f.risksOverdue, 'risk', 'risks', 'is', 'are')} overdue for review` : ''
    }.`,
  'improve.adequate': (f) =>
    f.servicesWithoutPlan || f.plansWithoutSteps
      ? [
          f.servicesWithoutPlan
            ? `${has(f.servicesWithoutPlan, 'service', 'services', 'has', 'have')} no contingency plan.`
            : '',
          f.plansWithoutSteps ? `${has(f.plansWithoutSteps, 'plan', 'plans', 'has', 'have')} no steps.` : '',
        ]
          .filter(Boolean)
          .join(' ')
      : 'Every service has a contingency plan with steps.',
  'improve.improve': (f) =>
    f.stepsWithNobody
      ? `${has(f.stepsWithNobody, 'step', 'steps', 'has', 'have')} nobody to carry ${f.stepsWithNobody === 1 ? 'it' : 'them'} out.`
      : 'Every step has someone to carry it out.',
  'improve.rehearse': exercise,
  'counter.problem': (f) =>
    f.risksOverdue
      ? `${has(f.risksOverdue, 'risk', 'risks', 'is', 'are')} overdue for review.`
      : 'No risk is overdue for review.',
  'counter.configuration': spofs,
  'counter.release': spofs,
  'counter.availability': (f) => {
    const parts = [
      f.standbysToCheck
        ? `${plural(f.standbysToCheck, 'standby', 'standbys')} to re-check.`
        : 'Every standby has been checked recently.',
    ]
    if (f.restoreNeverTested)
      parts.push(
        `${has(f.restoreNeverTested, 'backed-up item', 'backed-up items', 'has', 'have')} never been restore-tested.`,
      )
    if (f.restoreOverdue)
      parts.push(
        `${plural(f.restoreOverdue, 'backed-up item is', 'backed-up items are')} due a restore test again.`,
      )
    return parts.join(' ')
  },
  'prepare.roles': (f) =>
    f.noContinuityManager
      ? 'Nobody holds the service continuity manager role yet.'
      : 'The service continuity manager role is held.',
  'prepare.training': (f) =>
    f.membersWithoutTraining
      ? `${has(f.membersWithoutTraining, 'team member', 'team members', 'has', 'have')} no training recorded.`
      : 'Every team member has training recorded.',
}

/** The hint beside a question with this key, or null (a school's own question, or nothing to say). */
export function hintFor(key: string | null | undefined, facts: ReviewFacts): string | null {
  if (!key) return null
  return HINTS[key]?.(facts) ?? null
}
