import { recordId, recordVersion } from '@/lib/validation/record'
import { z } from '@/lib/validation/zod'

export const roleSchema = z.enum(['MANAGER', 'TEAM', 'HEAD', 'VIEWER'], { message: 'Choose a role.' })

/** Set once the person has seen what a change to their own membership means and still wants it. */
const confirmField = z.enum(['yes']).optional()

export const changeRoleSchema = z.object({
  membershipId: recordId,
  role: roleSchema,
  version: recordVersion,
  confirm: confirmField,
})
export type ChangeRoleInput = z.infer<typeof changeRoleSchema>

export const removeMemberSchema = z.object({
  membershipId: recordId,
  version: recordVersion,
  confirm: confirmField,
})
export type RemoveMemberInput = z.infer<typeof removeMemberSchema>

export const switchSchoolSchema = z.object({ schoolId: z.string().min(1) })
