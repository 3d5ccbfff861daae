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
    intro:
      'Keep the recovery plan in line with changes to services, assets and people (FITS Service Continuity Management).',
  },
  IMPROVE_PLAN: {
    title: 'Improve the plan',
    intro:
      'Keep reviewing what you have done so far and consider what improvements you can make (FITS Service Continuity Management).',
  },
  IMPROVE_COUNTERMEASURES: {
    title: 'Improve countermeasures',
    intro:
      'Review your risks and threats and reduce the chance they occur: each FITS process helps (FITS Service Continuity Management).',
  },
  PREPARATION: {
    title: 'Preparation (first review only)',
    intro:
      'Before service continuity management goes live (FITS Service Continuity Management: preparation).',
  },
}

export type StarterItem = {
  /** Stable across wording changes: maps the question to what the portal knows (hints.ts). */
  key: string
  section: Section
  question: string
  guidance: string
  firstReviewOnly: boolean
  source: string
}

const keep = (key: string, question: string, guidance: string): StarterItem => ({
  key: `keep.${key}`,
  section: 'KEEP_UP_TO_DATE',
  question,
  guidance,
  firstReviewOnly: false,
  source: 'seed 000',
})
const improve = (key: string, question: string): StarterItem => ({
  key: `improve.${key}`,
  section: 'IMPROVE_PLAN',
  question,
  guidance: '',
  firstReviewOnly: false,
  source: 'seed 000',
})
const counter = (key: string, process: string, guidance: string): StarterItem => ({
  key: `counter.${key}`,
  section: 'IMPROVE_COUNTERMEASURES',
  question: `${process}: does it help you spot or reduce risks to your ICT services?`,
  guidance,
  firstReviewOnly: false,
  source: 'seed 000',
})
const prepare = (key: string, question: string, guidance: string): StarterItem => ({
  key: `prepare.${key}`,
  section: 'PREPARATION',
  question,
  guidance,
  firstReviewOnly: true,
  source: 'seed 003',
})

export const STARTER_CHECKLIST: readonly StarterItem[] = [
  keep(
    'assets',
    'Asset changes (configuration management): does the plan reflect every asset that changed?',
    'A standby server reserved with a supplier must keep pace with the on-site equipment it stands in for.',
  ),
  keep(
    'services',
    'Service and service-level changes: does the plan reflect new or changed services and service levels?',
    'A new service more critical than any before may change the order of recovery.',
  ),
  keep(
    'changes',
    'Changes made through change management: is every change since the last review reflected in the plan?',
    'An upgrade carried out through a request for change should have updated the asset records.',
  ),
  keep(
    'personnel',
    'Personnel: are new people and appointments in the recovery team known, trained and rehearsed?',
    'Changes in personnel generate training and rehearsal.',
  ),
  improve('identified', 'Have you identified all your services, assets, risks and threats?'),
  improve('adequate', 'Are your contingency plans adequate?'),
  improve('improve', 'Can you improve the plans you have put in place?'),
  improve('add', 'Can you add to your plans?'),
  improve('rehearse', 'Do you need to rehearse your plans, for the first time or again?'),
  counter(
    'service-desk',
    'Service desk',
    'A central point of contact may spot a potential threat and eliminate it before it occurs.',
  ),
  counter(
    'incident',
    'Incident management',
    'Provides the data problem management uses to find trends and underlying problems.',
  ),
  counter(
    'problem',
    'Problem management',
    'Eliminating underlying problems can act as an early warning and improve resilience.',
  ),
  counter('change', 'Change management', 'Improves the quality of technical solutions, and so resilience.'),
  counter(
    'configuration',
    'Configuration management',
    'The central record of assets and how they relate: it exposes single points of failure to eliminate.',
  ),
  counter(
    'release',
    'Release management',
    'Designing new services removes single points of failure at source.',
  ),
  counter(
    'availability',
    'Availability management',
    'Preventative maintenance, health checks, tested backups, RAID and network monitoring.',
  ),
  counter(
    'capacity',
    'Capacity management',
    'Enough processing and storage capability, with advance notice of problems.',
  ),
  counter(
    'service-level',
    'Service level management',
    'Details and relative importance of services, and what users were promised.',
  ),
  counter(
    'financial',
    'Financial management',
    'Spending only what is required on ICT frees money for service continuity.',
  ),
  prepare(
    'roles',
    'Roles and responsibilities: is the service continuity manager role assigned?',
    'At this stage only the service continuity manager is needed; suggestions cover every role.',
  ),
  prepare(
    'training',
    'Training: do those taking part understand what is required of them?',
    'Use the FITS guidance as part of the training.',
  ),
  prepare(
    'start-date',
    'Start date: is a go-live date set, with time for the preparatory tasks?',
    "A 'go-live' date is important in any implementation.",
  ),
  prepare(
    'communication',
    'Communication: has the implementation team agreed plans, and have users been told about the new process?',
    'Communicate its impact on the user community clearly in advance, like any other change.',
  ),
  prepare(
    'materials',
    'Materials: are the templates and materials ready and can everyone involved reach them?',
    'Prepare all the materials required for the process before you go ahead.',
  ),
  prepare(
    'prerequisites',
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

/** Where a starter question comes from, as the settings page shows it ("the FITS guidance"). */
export function describeSource(source: string): string {
  if (source === 'seed 003') return 'the FITS guidance on preparing for service continuity management'
  if (source.startsWith('seed ')) return 'the FITS guidance on service continuity management'
  return source
}
