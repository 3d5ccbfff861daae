'use server'
import { revalidatePath } from 'next/cache'
import { schoolAction } from '@/lib/auth/action'
import { db } from '@/lib/db'
import { acceptInvitation, declineInvitation, inviteMember, revokeInvitation } from './mutations'
import { answerInvitationSchema, INVITATION_SENT, inviteMemberSchema, revokeInvitationSchema } from './schema'
import { userAction } from './user-action'

/**
 * Invites a person by name, e-mail and role. The reply is the same whether or not the e-mail already
 * has a login; a refusal never carries the first password back (the wrapper drops password fields from
 * the values it returns: tests/integration/invitations.test.ts holds it to that).
 */
export const inviteMemberAction = schoolAction('people.manage', inviteMemberSchema, async (input, ctx) => {
  const { invitationId } = await inviteMember(db, ctx, input)
  revalidatePath('/people')
  return { invitationId, message: INVITATION_SENT }
})

export const revokeInvitationAction = schoolAction(
  'people.manage',
  revokeInvitationSchema,
  async (input, ctx) => {
    const out = await revokeInvitation(db, ctx, input)
    revalidatePath('/people')
    return out
  },
)

/** The invited person accepts; they have no membership in that school yet, so this is a user action. */
export const acceptInvitationAction = userAction(answerInvitationSchema, async (input, { userId }) => {
  const out = await acceptInvitation(db, userId, input)
  // The school switcher and the no-school page change with a new membership.
  revalidatePath('/', 'layout')
  return out
})

export const declineInvitationAction = userAction(answerInvitationSchema, async (input, { userId }) => {
  const out = await declineInvitation(db, userId, input)
  revalidatePath('/', 'layout')
  return out
})
