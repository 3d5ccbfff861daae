import { roleSchema } from '@/lib/people/schema'
import { recordId, recordVersion } from '@/lib/validation/record'
import { emailAddress, text } from '@/lib/validation/text'
import { z } from '@/lib/validation/zod'

/**
 * Inviting a person. The first password is always asked for, whoever the e-mail belongs to: it becomes
 * the password of a new login, and is ignored (never stored) when the e-mail already has one, so the
 * form and its reply are the same either way and the school learns nothing about other logins.
 */
export const inviteMemberSchema = z.object({
  name: text({ max: 120, required: 'Enter their name.', tooLong: 'Keep the name under 120 characters.' }),
  email: emailAddress(),
  role: roleSchema,
  password: z
    .string({ message: 'Choose a first password of at least 12 characters.' })
    .min(12, 'Use at least 12 characters.')
    .max(200, 'Use at most 200 characters.'),
})
export type InviteMemberInput = z.infer<typeof inviteMemberSchema>

export const revokeInvitationSchema = z.object({ invitationId: recordId, version: recordVersion })
export type RevokeInvitationInput = z.infer<typeof revokeInvitationSchema>

/** Accepting or declining: the person answers their own invitation, found by id and their e-mail. */
export const answerInvitationSchema = z.object({ invitationId: recordId })
export type AnswerInvitationInput = z.infer<typeof answerInvitationSchema>

/** The one reply to every invitation sent, whether or not the e-mail already had a login. */
export const INVITATION_SENT = 'Invitation sent: they see it when they next sign in.'
