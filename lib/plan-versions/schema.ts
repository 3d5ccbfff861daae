import { recordId, recordVersion } from '@/lib/validation/record'
import { text } from '@/lib/validation/text'
import { z } from '@/lib/validation/zod'

export const STATUS_LABELS = {
  SUBMITTED: 'Awaiting approval',
  APPROVED: 'Approved',
  RETURNED: 'Returned with comments',
} as const

export const versionName = (n: number) => `version ${n}`

/** Publishing: `confirm=yes` once the manager has seen the gaps that will be printed on it. */
export const publishSchema = z.object({ confirm: z.enum(['yes']).optional() })

export const approveSchema = z.object({ id: recordId, version: recordVersion })

export const returnSchema = z.object({
  id: recordId,
  version: recordVersion,
  comment: text({
    max: 2000,
    multiline: true,
    required: 'Say what the service continuity manager should change before publishing again.',
  }),
})

/** "I hold and have read version N": the version's id, so an acknowledgement is never for a newer one unseen. */
export const acknowledgeSchema = z.object({ planVersionId: recordId })

// ---- copies -----------------------------------------------------------------------------------------

export const LOCATION_LABELS = {
  GRAB_BAG: 'Grab bag',
  OFF_SITE: 'Off site',
  HEAD_TEACHER_HOME: 'Head teacher’s home',
  MEMBER_PHONE: 'Team member’s phone',
  OTHER: 'Somewhere else',
} as const
export const LOCATIONS = Object.keys(LOCATION_LABELS) as (keyof typeof LOCATION_LABELS)[]
export type CopyLocation = keyof typeof LOCATION_LABELS

const copyFields = {
  location: z.enum(LOCATIONS as [CopyLocation, ...CopyLocation[]], {
    message: 'Choose where the copy is kept.',
  }),
  holder: text({
    max: 200,
    required: 'Say who holds it or where exactly it is kept.',
    tooLong: 'Keep it under 200 characters.',
  }),
  /** A team member who holds it; empty for none. */
  teamMemberId: z
    .string()
    .max(64)
    .optional()
    .transform((v) => (v ? v : null)),
  /** The version number the copy is of; empty when not known. */
  versionNumber: z
    .string()
    .max(10)
    .optional()
    .transform((v) => (v ? v.trim() : ''))
    .refine((v) => v === '' || /^[1-9][0-9]{0,5}$/.test(v), 'Enter the version number printed on it, like 3.')
    .transform((v) => (v === '' ? null : Number(v))),
  notes: text({ max: 2000, multiline: true }),
}

export const createCopySchema = z.object(copyFields)
export type CopyInput = z.infer<typeof createCopySchema>
export const updateCopySchema = z.object({ id: recordId, version: recordVersion, ...copyFields })
export type UpdateCopyInput = z.infer<typeof updateCopySchema>

export {
  archiveSchema as archiveCopySchema,
  restoreSchema as restoreCopySchema,
} from '@/lib/validation/record'
