import { CONTROL_CHARACTER_MESSAGE, hasControlCharacter } from '@/lib/validation/text'
import { z } from '@/lib/validation/zod'

export const MIN_PASSWORD_LENGTH = 12
const MAX_PASSWORD_LENGTH = 200

/*
 * Passwords are not trimmed (a space is part of a password) but refuse control characters like every
 * other text input: no one types them, and one pasted by mistake would make a password that cannot be
 * typed again.
 */
export const changePasswordSchema = z
  .object({
    currentPassword: z
      .string({ message: 'Enter your current password.' })
      .min(1, 'Enter your current password.')
      .max(MAX_PASSWORD_LENGTH, 'That is not your current password.'),
    newPassword: z
      .string({ message: 'Enter a new password.' })
      .refine((v) => !hasControlCharacter(v), CONTROL_CHARACTER_MESSAGE)
      .pipe(
        z
          .string()
          .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
          .max(MAX_PASSWORD_LENGTH, `Use at most ${MAX_PASSWORD_LENGTH} characters.`),
      ),
    confirmPassword: z.string({ message: 'Type the new password again.' }),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ['confirmPassword'],
    message: 'This is not the same as the new password above.',
  })
  .refine((v) => v.newPassword !== v.currentPassword, {
    path: ['newPassword'],
    message: 'Choose a password different from your current one.',
  })
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>
