import { idVersionSchema, recordId, recordVersion } from '@/lib/validation/record'
import { hasControlCharacter, text } from '@/lib/validation/text'
import { z } from '@/lib/validation/zod'

export { archiveSchema, restoreSchema } from '@/lib/validation/record'

/**
 * The two roles every school has (seed 002, "Roles"; seed 003, the role table). Their names are fixed so
 * the plan can always say who leads and who stands in; the school may reword their responsibilities.
 */
export const BUILT_IN_ROLES = {
  CONTINUITY_MANAGER: {
    name: 'Service continuity manager',
    responsibilities:
      "Owns the service continuity process and leads the recovery plan's development. Invokes the plan personally. Appoints a deputy to cover during absence, but does not delegate responsibility.",
  },
  DEPUTY_CONTINUITY_MANAGER: {
    name: 'Deputy service continuity manager',
    responsibilities:
      'Stands in for the service continuity manager during their absence, including invoking the plan.',
  },
} as const
export type BuiltInRole = keyof typeof BUILT_IN_ROLES
export const BUILT_IN_ORDER: BuiltInRole[] = ['CONTINUITY_MANAGER', 'DEPUTY_CONTINUITY_MANAGER']

/** Roles a school often adds (seed 003): offered as suggestions on the roles page. */
export const SUGGESTED_ROLES = [
  'ICT technician',
  'Communications lead',
  'Office lead',
  'Site manager',
  'Supplier engineer',
] as const

/**
 * Multi-line text as typed: browsers post a text area's line breaks as CR LF, stored here as LF so what
 * is stored is what was typed (and compares equal when it comes back).
 */
const multiline = (max: number) => text({ max, multiline: true }).transform((v) => v.replace(/\r\n?/g, '\n'))

export const TRAINING_KINDS = [
  {
    value: 'NCSC_CYBER',
    label: 'NCSC cyber security training for school staff',
    hint: 'The DfE risk protection arrangement expects it of every member of staff and governor with system access.',
  },
  { value: 'TRAINING', label: 'Other training', hint: 'A course, a briefing, a supplier induction.' },
  { value: 'REHEARSAL', label: 'Rehearsal or exercise', hint: 'A walkthrough, tabletop or full test.' },
] as const
export type TrainingKindValue = (typeof TRAINING_KINDS)[number]['value']
export const TRAINING_KIND_VALUES = TRAINING_KINDS.map((k) => k.value) as [
  TrainingKindValue,
  ...TrainingKindValue[],
]
export const trainingKindLabel = (v: string) => TRAINING_KINDS.find((k) => k.value === v)?.label ?? v
/** What an NCSC record is called when the form leaves "what" empty. */
export const NCSC_TITLE = 'NCSC cyber security training for school staff'

const roleFields = z.object({
  name: text({
    max: 80,
    required: 'Give the role a name.',
    tooLong: 'Keep the name under 80 characters.',
  }),
  responsibilities: multiline(2000),
})
export const createRoleSchema = roleFields
export const updateRoleSchema = roleFields.extend(idVersionSchema.shape)
export type RoleData = z.infer<typeof roleFields>
export type UpdateRoleInput = z.infer<typeof updateRoleSchema>

const PHONE = /^[0-9+()\-.\s]*$/
const phone = text({ max: 40, tooLong: 'Keep the number under 40 characters.' }).refine(
  (v) => PHONE.test(v) && (v === '' || /\d.*\d.*\d/.test(v)),
  'Enter a phone number, like 07700 900123 or +44 7700 900123.',
)
const optionalEmail = z
  .string()
  .default('')
  .refine((v) => !hasControlCharacter(v), 'Enter an e-mail address like name@example.org.')
  .transform((v) => v.trim().toLowerCase())
  .pipe(
    z.union([z.literal(''), z.email({ message: 'Enter an e-mail address like name@example.org.' }).max(254)]),
  )

/** How to reach a member when the school's own systems are down: personal data. */
export const contactFields = z.object({
  mobile: phone,
  otherPhone: phone,
  personalEmail: optionalEmail,
  outOfHoursNotes: multiline(1000),
  fallbackContact: text({ max: 300 }),
})
export type ContactData = z.infer<typeof contactFields>
export const CONTACT_KEYS = Object.keys(contactFields.shape) as (keyof ContactData)[]

/** The prefix of the checkbox each role has in the member form (`role_<id>`). */
export const ROLE_FIELD_PREFIX = 'role_'

/**
 * The form posts one checkbox per role (`role_<id>` = "yes"), so that a failed save can show each one
 * ticked as it was; direct callers may pass `roleIds`. Both become `roleIds`.
 */
function collectRoleIds(raw: unknown) {
  if (!raw || typeof raw !== 'object') return raw
  const entries = Object.entries(raw as Record<string, unknown>)
  const ticked = entries
    .filter(([k, v]) => k.startsWith(ROLE_FIELD_PREFIX) && v === 'yes')
    .map(([k]) => k.slice(ROLE_FIELD_PREFIX.length))
  const given = (raw as { roleIds?: unknown }).roleIds
  return { ...raw, roleIds: [...(Array.isArray(given) ? given : []), ...ticked] }
}

const memberFields = z
  .object({
    name: text({
      max: 120,
      required: "Enter the person's name.",
      tooLong: 'Keep the name under 120 characters.',
    }),
    jobTitle: text({ max: 120 }),
    /** The membership (portal login in this school) to link; empty for none. */
    membershipId: z
      .string()
      .max(64)
      .optional()
      .transform((v) => v || null),
    systemAccess: z
      .enum(['yes', 'no'], { message: 'Choose whether they use the school systems.' })
      .default('no')
      .transform((v) => v === 'yes'),
    roleIds: z
      .array(recordId)
      .max(50)
      .transform((ids) => [...new Set(ids)]),
  })
  .extend(contactFields.shape)

export const createMemberSchema = z.preprocess(collectRoleIds, memberFields)
export const updateMemberSchema = z.preprocess(collectRoleIds, memberFields.extend(idVersionSchema.shape))
export type MemberData = z.infer<typeof memberFields>
export type UpdateMemberInput = MemberData & { id: string; version: number }

/** A member changing their own contact details (the id is theirs: the action finds it from the login). */
export const updateOwnContactsSchema = contactFields.extend({ version: recordVersion })
export type OwnContactsInput = z.infer<typeof updateOwnContactsSchema>

/** Marking a member as left: `confirm` once they have seen which roles it leaves uncovered. */
export const markLeftSchema = idVersionSchema.extend({ confirm: z.enum(['yes']).optional() })
export const rejoinSchema = idVersionSchema

const heldOn = z.string({ message: 'Enter the date, like 2026-09-03.' }).transform((v, ctx) => {
  const d = new Date(`${v}T12:00:00Z`)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(d.getTime())) {
    ctx.addIssue({ code: 'custom', message: 'Enter the date, like 2026-09-03.' })
    return z.NEVER
  }
  if (d.getTime() > Date.now() + 86_400_000) {
    ctx.addIssue({
      code: 'custom',
      message: 'Record training once it has happened: the date is in the future.',
    })
    return z.NEVER
  }
  if (d.getUTCFullYear() < 2000) {
    ctx.addIssue({ code: 'custom', message: 'Enter a date from 2000 on.' })
    return z.NEVER
  }
  return d
})

export const addTrainingSchema = z
  .object({
    teamMemberId: recordId,
    kind: z.enum(TRAINING_KIND_VALUES, { message: 'Choose the kind of training.' }),
    heldOn,
    title: text({ max: 200, tooLong: 'Keep this under 200 characters.' }),
    provider: text({ max: 200 }),
    notes: multiline(1000),
  })
  .transform((v) => ({ ...v, title: v.title || (v.kind === 'NCSC_CYBER' ? NCSC_TITLE : '') }))
  .superRefine((v, ctx) => {
    if (!v.title)
      ctx.addIssue({ code: 'custom', path: ['title'], message: 'Say what the training or rehearsal was.' })
  })
export type AddTrainingInput = z.infer<typeof addTrainingSchema>

export const removeTrainingSchema = z.object({ id: recordId })
