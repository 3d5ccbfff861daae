/*
 * The starter checklist a review walks (seed 000 "What needs to be done", seed 003 "Preparation"), and
 * which questions a given review asks. Pure data and rules: a school's own checklist is stored
 * (ReviewChecklistItem) and starts as a copy of this one, which the school can extend.
 */

export const SECTIONS = ['KEEP_UP_TO_DATE', 'IMPROVE_PLAN', 'IMPROVE_COUNTERMEASURES', 'PREPARATION'] as const
export type Section = (typeof SECTIONS)[number]

export const SECTION_LABELS: Record<Section, { title: string; intro: string }> = {
  KEEP_UP_TO_DATE: {
    title: 'Keep the plan up to date',
    intro: 'Keep the recovery plan in line with changes to services, assets and people (seed 000).',
  },
  IMPROVE_PLAN: {
    title: 'Improve the plan',
    intro: 'Keep reviewing what you have done so far and consider what improvements you can make (seed 000).',
  },
  IMPROVE_COUNTERMEASURES: {
    title: 'Improve countermeasures',
    intro:
      'Review your risks and threats and reduce the chance they occur: each FITS process helps (seed 000).',
  },
  PREPARATION: {
    title: 'Preparation (first review only)',
    intro: 'Before service continuity management goes live (seed 003).',
  },
}

export type StarterItem = {
  section: Section
  question: string
  guidance: string
  firstReviewOnly: boolean
  source: string
}

const keep = (question: string, guidance: string): StarterItem => ({
  section: 'KEEP_UP_TO_DATE',
  question,
  guidance,
  firstReviewOnly: false,
  source: 'seed 000',
})
const improve = (question: string): StarterItem => ({
  section: 'IMPROVE_PLAN',
  question,
  guidance: '',
  firstReviewOnly: false,
  source: 'seed 000',
})
const counter = (process: string, guidance: string): StarterItem => ({
  section: 'IMPROVE_COUNTERMEASURES',
  question: `${process}: does it help you spot or reduce risks to your ICT services?`,
  guidance,
  firstReviewOnly: false,
  source: 'seed 000',
})
const prepare = (question: string, guidance: string): StarterItem => ({
  section: 'PREPARATION',
  question,
  guidance,
  firstReviewOnly: true,
  source: 'seed 003',
})

export const STARTER_CHECKLIST: readonly StarterItem[] = [
  keep(
    'Asset changes (configuration management): does the plan reflect every asset that changed?',
    'A standby server reserved with a supplier must keep pace with the on-site equipment it stands in for.',
  ),
  keep(
    'Service and service-level changes: does the plan reflect new or changed services and service levels?',
    'A new service more critical than any before may change the order of recovery.',
  ),
  keep(
    'Changes made through change management: is every change since the last review reflected in the plan?',
    'An upgrade carried out through a request for change should have updated the asset records.',
  ),
  keep(
    'Personnel: are new people and appointments in the recovery team known, trained and rehearsed?',
    'Changes in personnel generate training and rehearsal.',
  ),
  improve('Have you identified all your services, assets, risks and threats?'),
  improve('Are your contingency plans adequate?'),
  improve('Can you improve the plans you have put in place?'),
  improve('Can you add to your plans?'),
  improve('Do you need to rehearse your plans, for the first time or again?'),
  counter(
    'Service desk',
    'A central point of contact may spot a potential threat and eliminate it before it occurs.',
  ),
  counter(
    'Incident management',
    'Provides the data problem management uses to find trends and underlying problems.',
  ),
  counter(
    'Problem management',
    'Eliminating underlying problems can act as an early warning and improve resilience.',
  ),
  counter('Change management', 'Improves the quality of technical solutions, and so resilience.'),
  counter(
    'Configuration management',
    'The central record of assets and how they relate: it exposes single points of failure to eliminate.',
  ),
  counter('Release management', 'Designing new services removes single points of failure at source.'),
  counter(
    'Availability management',
    'Preventative maintenance, health checks, tested backups, RAID and network monitoring.',
  ),
  counter(
    'Capacity management',
    'Enough processing and storage capability, with advance notice of problems.',
  ),
  counter(
    'Service level management',
    'Details and relative importance of services, and what users were promised.',
  ),
  counter(
    'Financial management',
    'Spending only what is required on ICT frees money for service continuity.',
  ),
  prepare(
    'Roles and responsibilities: is the service continuity manager role assigned?',
    'At this stage only the service continuity manager is needed; suggestions cover every role.',
  ),
  prepare(
    'Training: do those taking part understand what is required of them?',
    'Use the FITS guidance as part of the training.',
  ),
  prepare(
    'Start date: is a go-live date set, with time for the preparatory tasks?',
    "A 'go-live' date is important in any implementation.",
  ),
  prepare(
    'Communication: has the implementation team agreed plans, and have users been told about the new process?',
    'Communicate its impact on the user community clearly in advance, like any other change.',
  ),
  prepare(
    'Materials: are the templates and materials ready and can everyone involved reach them?',
    'Prepare all the materials required for the process before you go ahead.',
  ),
  prepare(
    'Prerequisites: are service level, configuration and change management in place, or planned?',
    'They identify and prioritise services, record assets and keep plans in line with changes.',
  ),
]

export type ChecklistItemLike = {
  id: string
  section: Section
  question: string
  guidance: string
  firstReviewOnly: boolean
  position: number
}

/** The questions a review asks, in order: section order, then position; preparation only on the first review. */
export function questionsFor<T extends ChecklistItemLike>(items: readonly T[], firstReview: boolean): T[] {
  return items
    .filter((i) => firstReview || !i.firstReviewOnly)
    .sort(
      (a, b) =>
        SECTIONS.indexOf(a.section) - SECTIONS.indexOf(b.section) ||
        a.position - b.position ||
        a.question.localeCompare(b.question),
    )
}

export type AnswerLike = { answer: 'YES' | 'NO' | 'NOT_APPLICABLE' | null }

/** How far the checklist is answered, for the page and the submit rule. */
export function checklistProgress(answers: readonly AnswerLike[]) {
  const answered = answers.filter((a) => a.answer !== null).length
  return {
    answered,
    total: answers.length,
    no: answers.filter((a) => a.answer === 'NO').length,
    complete: answered === answers.length,
  }
}

/** What the portal already knows that bears on a question, from the catalogue and the audit trail. */
export type PortalFacts = {
  /** Changed records since the last signed-off review, by audit entity. */
  changed: Readonly<Record<string, number>>
  services: number
  assets: number
  spofs: number
  standbysToCheck: number
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

/**
 * Beside a starter question, what the portal already knows ("3 assets changed since the last review").
 * Keyed by the starter question's words, so a school's own questions get none; null when nothing applies.
 */
export function portalHint(question: string, f: PortalFacts): string | null {
  const changed = (...entities: string[]) => entities.reduce((n, e) => n + (f.changed[e] ?? 0), 0)
  const all = Object.values(f.changed).reduce((n, c) => n + c, 0)
  const process = question.split(':')[0]
  if (question.startsWith('Asset changes'))
    return `${plural(changed('Asset', 'AssetDependency'), 'asset or dependency', 'assets or dependencies')} changed since the last review.`
  if (question.startsWith('Service and service-level changes'))
    return `${plural(changed('Service', 'ServiceAsset'), 'service or link', 'services or links')} changed since the last review.`
  if (question.startsWith('Changes made through change management'))
    return `${plural(all, 'record', 'records')} changed since the last review: each is listed under “What changed”.`
  if (question.startsWith('Personnel'))
    return `${plural(changed('Membership'), 'change', 'changes')} to people in the school since the last review.`
  if (question.startsWith('Have you identified all your services'))
    return `The catalogue holds ${plural(f.services, 'service', 'services')} and ${plural(f.assets, 'asset', 'assets')}.`
  if (process === 'Configuration management' || process === 'Release management')
    return f.spofs
      ? `${plural(f.spofs, 'single point of failure', 'single points of failure')} to eliminate.`
      : 'No single point of failure in the catalogue.'
  if (process === 'Availability management')
    return f.standbysToCheck
      ? `${plural(f.standbysToCheck, 'standby', 'standbys')} to re-check.`
      : 'Every standby has been checked recently.'
  return null
}
