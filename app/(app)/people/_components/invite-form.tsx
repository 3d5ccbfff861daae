'use client'
import { ActionForm } from '@/components/forms/action-form'
import { Select, Text } from '@/components/forms/fields'
import { useActionForm } from '@/components/forms/use-action-form'
import { SubmitButton } from '@/components/ui/submit-button'
import { inviteMemberAction } from '@/lib/invitations/actions'
import { ROLE_OPTIONS } from './role-options'

/**
 * Invite a person. After a refusal every control shows what was entered except the first password,
 * which never comes back from the server and has to be typed again.
 */
export function InviteForm() {
  const form = useActionForm(inviteMemberAction, {
    initial: { role: 'TEAM' },
    success: (d) => d.message,
  })
  return (
    <ActionForm form={form} failureTitle="The invitation was not sent">
      <Text name="name" label="Full name" autoComplete="off" />
      <Text name="email" label="E-mail address" type="email" autoComplete="off" />
      <Select name="role" label="Role" options={ROLE_OPTIONS} fallback="TEAM" />
      <Text
        name="password"
        label="First password"
        hint="At least 12 characters, typed again after any correction. If they are new to the portal, they sign in with it and should then change it; if they already have a login, they keep their own password and this one is not stored."
        type="password"
        autoComplete="new-password"
      />
      <SubmitButton pendingText="Sending…">Send invitation</SubmitButton>
    </ActionForm>
  )
}
