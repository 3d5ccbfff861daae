'use client'
import { useActionState, useRef } from 'react'
import { SelectField, TextField } from '@/components/ui/field'
import { Notice } from '@/components/ui/notice'
import { SubmitButton } from '@/components/ui/submit-button'
import { inviteMemberAction } from '@/lib/invitations/actions'
import type { ActionResult } from '@/lib/result'
import { ROLE_OPTIONS } from './role-options'

type State = ActionResult<{ invitationId: string; message: string }> | null

export function InviteForm() {
  const [state, action] = useActionState<State, FormData>(inviteMemberAction, null)
  // A new key for every answer: React resets a form after its action, and a re-mounted form takes the
  // returned values as its defaults (drop-downs included). The password is never sent back.
  const answers = useRef({ state, n: 0 })
  if (answers.current.state !== state) answers.current = { state, n: answers.current.n + 1 }
  const failed = state && !state.ok ? state : null
  const v = failed?.values ?? {}
  return (
    <form action={action} key={answers.current.n} noValidate>
      {failed && (
        <Notice tone="error" title="The invitation was not sent">
          {failed.message}
          {failed.reason === 'INVALID' && ' For your safety the first password is not kept: type it again.'}
        </Notice>
      )}
      {state?.ok && <Notice tone="success">{state.data.message}</Notice>}
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
        label="First password"
        hint="At least 12 characters. If they are new to the portal, they sign in with it and should then change it; if they already have a login, they keep their own password and this one is not stored."
        type="password"
        autoComplete="new-password"
        errors={failed?.fieldErrors?.password}
      />
      <SubmitButton pendingText="Sending…">Send invitation</SubmitButton>
    </form>
  )
}
