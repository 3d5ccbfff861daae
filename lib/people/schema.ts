import { z } from 'zod'

export const roleSchema = z.enum(['MANAGER', 'TEAM', 'HEAD', 'VIEWER'], { message: 'Choose a role.' })

export const addMemberSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ message: 'Enter an e-mail address like name@school.sch.uk.' })),
  name: z.string().trim().min(1, 'Enter their name.').max(120, 'Keep the name under 120 characters.'),
  role: roleSchema,
  // Only needed when the person has no login yet; an existing login keeps its own password.
  password: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(
      z.string().min(12, 'Use at least 12 characters.').max(200, 'Use at most 200 characters.').optional(),
    ),
})
export type AddMemberInput = z.infer<typeof addMemberSchema>

export const changeRoleSchema = z.object({
  membershipId: z.string().min(1),
  role: roleSchema,
  version: z.coerce.number().int().min(1),
})
export type ChangeRoleInput = z.infer<typeof changeRoleSchema>

export const removeMemberSchema = z.object({
  membershipId: z.string().min(1),
  version: z.coerce.number().int().min(1),
})
export type RemoveMemberInput = z.infer<typeof removeMemberSchema>

export const switchSchoolSchema = z.object({ schoolId: z.string().min(1) })
