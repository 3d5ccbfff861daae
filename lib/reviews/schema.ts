import { AUDIT_ENTITIES, type AuditEntity } from '@/lib/audit/vocabulary'
import { recordId, recordVersion } from '@/lib/validation/record'
import { text } from '@/lib/validation/text'
import { z } from '@/lib/validation/zod'
import { SECTIONS } from './checklist'
import { ENGLISH_TERMS, isMonthDay, type Term } from './schedule'

export const STATUS_LABELS = {
  OPEN: 'In progress',
  SUBMITTED: 'Awaiting sign-off',
  RETURNED: 'Returned with comments',
  SIGNED_OFF: 'Signed off',
} as const

export const KIND_LABELS = {
  SCHEDULED: 'Scheduled',
  CHANGE_TRIGGERED: 'Triggered by a change',
  POST_INCIDENT: 'After an incident',
  POST_EXERCISE: 'After an exercise',
} as const

export const ANSWERS = [
  { value: 'YES', label: 'Yes' },
  { value: 'NO', label: 'No' },
  { value: 'NOT_APPLICABLE', label: 'Not applicable' },
] as const
export type AnswerValue = (typeof ANSWERS)[number]['value']

/**
 * The kinds of record whose changes a review covers: everything the plan is built from. Derived from the
 * audit vocabulary, so risks, countermeasures, plans and the team are covered as soon as they write
 * audit rows; left out are logins and sessions, bulk summaries (their rows are read one by one) and the
 * reviews themselves.
 */
const NOT_REVIEWED = new Set<string>([
  'Session',
  'User',
  'Invitation',
  'Catalogue',
  'ReviewSchedule',
  'Review',
  'ReviewAction',
  'ReviewChecklistItem',
  'ReviewProposal',
])
export const REVIEWED_ENTITIES: readonly AuditEntity[] = AUDIT_ENTITIES.filter((e) => !NOT_REVIEWED.has(e))

// ---- schedule -----------------------------------------------------------------------------------

const TERM_KEYS = ['autumn', 'spring', 'summer'] as const
/** "1/9" or "01/09" (day/month, UK style) as "09-01"; null when it is no real date. */
export function parseDayMonth(v: string): string | null {
  const m = /^\s*(\d{1,2})\s*\/\s*(\d{1,2})\s*$/.exec(v)
  if (!m) return null
  const md = `${(m[2] ?? '').padStart(2, '0')}-${(m[1] ?? '').padStart(2, '0')}`
  return isMonthDay(md) ? md : null
}
/** "09-01" as "01/09". */
export const showDayMonth = (md: string) => `${md.slice(3)}/${md.slice(0, 2)}`

const dayMonth = (label: string) =>
  text({ max: 5, required: `Enter the ${label} as day/month, for example 01/09.` }).refine(
    (v) => parseDayMonth(v) !== null,
    `Enter the ${label} as day/month, for example 01/09.`,
  )

export const scheduleSchema = z
  .object({
    version: recordVersion,
    schedule: z.enum(['TERMLY', 'MONTHS'], { message: 'Choose termly or every few months.' }),
    months: z.coerce
      .number({ message: 'Enter a number of months from 1 to 24.' })
      .int('Enter a whole number of months.')
      .min(1, 'Enter a number of months from 1 to 24.')
      .max(24, 'Enter a number of months from 1 to 24.'),
    autumnStart: dayMonth('first day of the autumn term'),
    autumnEnd: dayMonth('last day of the autumn term'),
    springStart: dayMonth('first day of the spring term'),
    springEnd: dayMonth('last day of the spring term'),
    summerStart: dayMonth('first day of the summer term'),
    summerEnd: dayMonth('last day of the summer term'),
    staleDays: z.coerce
      .number({ message: 'Enter a number of days from 1 to 365.' })
      .int('Enter a whole number of days.')
      .min(1, 'Enter a number of days from 1 to 365.')
      .max(365, 'Enter a number of days from 1 to 365.'),
  })
  .transform((v) => ({
    version: v.version,
    schedule: v.schedule,
    months: v.months,
    staleDays: v.staleDays,
    terms: TERM_KEYS.map(
      (k): Term => ({
        name: k.charAt(0).toUpperCase() + k.slice(1),
        start: parseDayMonth(v[`${k}Start`]) ?? '01-01',
        end: parseDayMonth(v[`${k}End`]) ?? '01-01',
      }),
    ),
  }))
export type ScheduleInput = z.infer<typeof scheduleSchema>

/** The form's values for a school's stored schedule. */
export function scheduleFormValues(s: {
  schedule: string
  months: number
  staleDays: number
  terms: readonly Term[]
}) {
  const terms = TERM_KEYS.map(
    (k, i) => s.terms.find((t) => t.name.toLowerCase() === k) ?? s.terms[i] ?? ENGLISH_TERMS[i]!,
  )
  return {
    schedule: s.schedule,
    months: String(s.months),
    staleDays: String(s.staleDays),
    ...Object.fromEntries(
      TERM_KEYS.flatMap((k, i) => [
        [`${k}Start`, showDayMonth(terms[i]!.start)],
        [`${k}End`, showDayMonth(terms[i]!.end)],
      ]),
    ),
  } as Record<string, string>
}

/** The schedule in words, for the audit trail and the page. */
export function describeSchedule(s: { schedule: string; months: number; terms: readonly Term[] }): string {
  if (s.schedule === 'MONTHS') return `every ${s.months} ${s.months === 1 ? 'month' : 'months'}`
  return `termly (${s.terms.map((t) => `${t.name.toLowerCase()} ${showDayMonth(t.start)} to ${showDayMonth(t.end)}`).join(', ')})`
}

// ---- reviews ------------------------------------------------------------------------------------

export const startReviewSchema = z.object({})

export const reviewVersionSchema = z.object({ reviewId: recordId, version: recordVersion })

const ANSWER_VALUES = ['YES', 'NO', 'NOT_APPLICABLE'] as const
const notes = text({ max: 2000, multiline: true })

/**
 * The checklist form: for each question `a_<answerId>` (yes, no, not applicable or nothing yet) and
 * `n_<answerId>` (notes). A "no" needs a note saying what is missing, so the action that follows is
 * clear.
 */
export const saveAnswersSchema = z
  .object({ reviewId: recordId, version: recordVersion })
  .catchall(z.unknown())
  .transform((v, ctx) => {
    const answers = new Map<string, { answer: AnswerValue | null; notes: string }>()
    for (const [key, raw] of Object.entries(v)) {
      const m = /^([an])_([A-Za-z0-9]{1,64})$/.exec(key)
      if (!m) continue
      const id = m[2] ?? ''
      const entry = answers.get(id) ?? { answer: null, notes: '' }
      if (m[1] === 'a') {
        if (raw === '' || raw === undefined) entry.answer = null
        else if ((ANSWER_VALUES as readonly unknown[]).includes(raw)) entry.answer = raw as AnswerValue
        else ctx.addIssue({ code: 'custom', path: [key], message: 'Choose yes, no or not applicable.' })
      } else {
        const parsed = notes.safeParse(typeof raw === 'string' ? raw : '')
        if (parsed.success) entry.notes = parsed.data
        else
          for (const i of parsed.error.issues)
            ctx.addIssue({ code: 'custom', path: [key], message: i.message })
      }
      answers.set(id, entry)
    }
    for (const [id, a] of answers)
      if (a.answer === 'NO' && !a.notes)
        ctx.addIssue({
          code: 'custom',
          path: [`n_${id}`],
          message: 'Say what is missing, so it can become an action.',
        })
    return {
      reviewId: v.reviewId,
      version: v.version,
      answers: [...answers].map(([id, a]) => ({ id, ...a })),
    }
  })
export type SaveAnswersInput = z.infer<typeof saveAnswersSchema>

const isoDay = z
  .string({ message: 'Enter a due date.' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a due date.')
  .refine((v) => !Number.isNaN(Date.parse(`${v}T12:00:00Z`)), 'Enter a real date.')

export const addActionSchema = z.object({
  reviewId: recordId,
  answerId: recordId,
  title: text({ max: 300, required: 'Say what needs doing.', tooLong: 'Keep it under 300 characters.' }),
  owner: text({ max: 120, required: 'Name who will do it.' }),
  dueDate: isoDay,
})
export type AddActionInput = z.infer<typeof addActionSchema>

export const setActionDoneSchema = z.object({
  id: recordId,
  version: recordVersion,
  done: z.enum(['yes', 'no']).transform((v) => v === 'yes'),
})

/** Marks changed records considered: each `record[]` is "Entity:id". */
export const considerSchema = z.object({
  reviewId: recordId,
  'record[]': z
    .array(z.string().regex(/^[A-Za-z]{1,40}:[A-Za-z0-9_-]{1,64}$/, 'Choose changed records.'))
    .min(1, 'Choose at least one changed record.')
    .max(500, 'Choose at most 500 records at once.'),
})

export const submitReviewSchema = z.object({
  reviewId: recordId,
  version: recordVersion,
  comment: text({ max: 2000, multiline: true }),
})

export const returnReviewSchema = z.object({
  reviewId: recordId,
  version: recordVersion,
  comment: text({
    max: 2000,
    multiline: true,
    required: 'Say what the service continuity manager should look at again.',
  }),
})

export const signOffSchema = z.object({
  reviewId: recordId,
  version: recordVersion,
  name: text({ max: 120, required: 'Enter your name as it should appear on the sign-off.' }),
  comment: text({ max: 2000, multiline: true }),
})

// ---- checklist ----------------------------------------------------------------------------------

export const addChecklistItemSchema = z.object({
  section: z.enum(SECTIONS, { message: 'Choose a section.' }),
  question: text({
    max: 300,
    required: 'Write the question.',
    tooLong: 'Keep the question under 300 characters.',
  }),
  guidance: text({ max: 1000, multiline: true }),
  firstReviewOnly: z
    .enum(['yes'])
    .optional()
    .transform((v) => v === 'yes'),
})
export type AddChecklistItemInput = z.infer<typeof addChecklistItemSchema>

export {
  archiveSchema as archiveChecklistItemSchema,
  restoreSchema as restoreChecklistItemSchema,
} from '@/lib/validation/record'

// ---- proposals (triggers.ts) ---------------------------------------------------------------------

export const PROPOSAL_STATUS_LABELS = {
  OPEN: 'Proposed',
  STARTED: 'Review started',
  DISMISSED: 'Dismissed',
} as const

export const startProposalSchema = z.object({ id: recordId, version: recordVersion })

export const dismissProposalSchema = z.object({
  id: recordId,
  version: recordVersion,
  reason: text({
    max: 1000,
    multiline: true,
    required: 'Say why no review is needed for this.',
    tooLong: 'Keep the reason under 1,000 characters.',
  }),
})
export type DismissProposalInput = z.infer<typeof dismissProposalSchema>
