'use client'
import { useActionState, useId } from 'react'
import { Notice } from '@/components/ui/notice'
import { SubmitButton } from '@/components/ui/submit-button'
import { changeRoleAction, removeMemberAction } from '@/lib/people/actions'
import type { ActionResult } from '@/lib/result'
import { ROLE_OPTIONS } from './role-options'

type Props = { membershipId: string; version: number; role: string; name: string; isSelf: boolean }

export function MemberActions({ membershipId, version, role, name, isSelf }: Props) {
  const id = useId()
  const [roleState, roleAction] = useActionState<ActionResult<unknown> | null, FormData>(
    changeRoleAction,
    null,
  )
  const [removeState, removeAction] = useActionState<ActionResult<unknown> | null, FormData>(
    removeMemberAction,
    null,
  )
  const failure = [roleState, removeState].find((s) => s && !s.ok)
  return (
    <div className="flex flex-col gap-2">
      {failure && !failure.ok && <Notice tone="error">{failure.message}</Notice>}
      <form action={roleAction} className="flex flex-wrap items-end gap-2">
        <input type="hidden" name="membershipId" value={membershipId} />
        <input type="hidden" name="version" value={version} />
        <div>
          <label htmlFor={`${id}-role`} className="block text-xs font-semibold">
            Role for {name}
          </label>
          <select
            id={`${id}-role`}
            name="role"
            defaultValue={role}
            className="rounded-md border border-slate-500 bg-white px-2 py-1.5 text-sm"
          >
            {ROLE_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <SubmitButton variant="secondary" pendingText="Saving…" className="min-h-8 px-3 py-1">
          Change role
        </SubmitButton>
      </form>
      <form
        action={removeAction}
        onSubmit={(e) => {
          const who = isSelf ? 'yourself' : name
          if (!window.confirm(`Remove ${who} from this school? They will lose access at once.`))
            e.preventDefault()
        }}
      >
        <input type="hidden" name="membershipId" value={membershipId} />
        <input type="hidden" name="version" value={version} />
        <SubmitButton
          variant="danger"
          pendingText="Removing…"
          className="min-h-8 px-3 py-1"
          aria-label={`Remove ${name}`}
        >
          Remove
        </SubmitButton>
      </form>
    </div>
  )
}
