'use client'
import { useActionState } from 'react'
import { SelectField, TextField } from '@/components/ui/field'
import { Notice } from '@/components/ui/notice'
import { SubmitButton } from '@/components/ui/submit-button'
import { addMemberAction } from '@/lib/people/actions'
import type { ActionResult } from '@/lib/result'
import { ROLE_OPTIONS } from './role-options'

type State = ActionResult<{ membershipId: string; newLogin: boolean }> | null

export function AddMemberForm() {
  const [state, action] = useActionState<State, FormData>(addMemberAction, null)
  const failed = state && !state.ok ? state : null
  const v = failed?.values ?? {}
  // A new key after success clears the form; after a failure the user's typing is shown again.
  const key = state?.ok ? `done-${state.data.membershipId}` : 'form'
  return (
    <form action={action} key={key} noValidate>
      {failed && (
        <Notice tone="error" title="The person was not added">
          {failed.message}
        </Notice>
      )}
      {state?.ok && (
        <Notice tone="success" title="Added">
          {state.data.newLogin
            ? 'A new login was created with the password you chose.'
            : 'Their existing login now has access to this school.'}
        </Notice>
      )}
      <TextField
        name="name"
        label="Full name"
        autoComplete="off"
        defaultValue={v.name}
        errors={failed?.fieldErrors?.name}
      />
      <TextField
        name="email"
        label="E-mail address"
        type="email"
        autoComplete="off"
        defaultValue={v.email}
        errors={failed?.fieldErrors?.email}
      />
      <SelectField
        name="role"
        label="Role"
        options={ROLE_OPTIONS}
        defaultValue={v.role ?? 'TEAM'}
        errors={failed?.fieldErrors?.role}
      />
      <TextField
        name="password"
        label="First password (new logins only)"
        hint="At least 12 characters. Leave blank if they already have a login."
        type="password"
        autoComplete="new-password"
        errors={failed?.fieldErrors?.password}
      />
      <SubmitButton pendingText="Adding…">Add person</SubmitButton>
    </form>
  )
}
