'use client'
import { useActionState, useState } from 'react'
import { TextField } from '@/components/ui/field'
import { Notice } from '@/components/ui/notice'
import { SubmitButton } from '@/components/ui/submit-button'
import { changePasswordAction } from '@/lib/auth/account-actions'
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/account-schema'
import type { ActionResult } from '@/lib/result'

type State = ActionResult<{ endedSessions: number }> | null
const EMPTY = { currentPassword: '', newPassword: '', confirmPassword: '' }

/**
 * The fields are controlled: the server never sends passwords back, so this is what keeps what was typed
 * when one field is refused (React would otherwise clear the form after the action), and clears it after
 * a change.
 */
export function ChangePasswordForm() {
  const [values, setValues] = useState(EMPTY)
  const [state, action] = useActionState<State, FormData>(async (prev, formData) => {
    const result = await changePasswordAction(prev, formData)
    if (result.ok) setValues(EMPTY)
    return result
  }, null)
  const failed = state && !state.ok ? state : null
  const field = (name: keyof typeof EMPTY) => ({
    name,
    type: 'password',
    value: values[name],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) =>
      setValues((v) => ({ ...v, [name]: e.target.value })),
    errors: failed?.fieldErrors?.[name],
  })
  return (
    <form action={action} noValidate>
      {failed && (
        <Notice tone="error" title="Your password was not changed">
          {failed.message}
        </Notice>
      )}
      {state?.ok && (
        <Notice tone="success" title="Password changed">
          {state.data.endedSessions === 0
            ? 'You had no other sessions to sign out.'
            : `Signed out of ${state.data.endedSessions === 1 ? '1 other session' : `${state.data.endedSessions} other sessions`}.`}
        </Notice>
      )}
      <TextField label="Current password" autoComplete="current-password" {...field('currentPassword')} />
      <TextField
        label="New password"
        hint={`At least ${MIN_PASSWORD_LENGTH} characters. A few unrelated words are easy to remember and hard to guess.`}
        autoComplete="new-password"
        {...field('newPassword')}
      />
      <TextField label="New password again" autoComplete="new-password" {...field('confirmPassword')} />
      <SubmitButton pendingText="Changing…">Change password</SubmitButton>
    </form>
  )
}
