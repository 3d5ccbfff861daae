'use client'
import { useActionState, useId, useState } from 'react'
import { Button } from '@/components/ui/button'
import { Notice } from '@/components/ui/notice'
import { SubmitButton } from '@/components/ui/submit-button'
import { changeRoleAction, removeMemberAction } from '@/lib/people/actions'
import type { NeedsConfirmation } from '@/lib/people/mutations'
import type { ActionResult } from '@/lib/result'
import { ROLE_OPTIONS } from './role-options'

type Props = { membershipId: string; version: number; role: string; name: string; isSelf: boolean }
type State = ActionResult<NeedsConfirmation | { outcome: 'done' }> | null

function confirmation(state: State): NeedsConfirmation | null {
  return state?.ok && state.data.outcome === 'confirm' ? state.data : null
}

/**
 * Change a member's role or remove them. For one's own membership the server answers first with what
 * will happen ("needs confirmation"); the box below then posts the same change with confirm=yes. This
 * works without JavaScript; nothing changes until confirmed.
 */
export function MemberActions({ membershipId, version, role, name, isSelf }: Props) {
  const id = useId()
  const [roleState, roleAction] = useActionState<State, FormData>(changeRoleAction, null)
  const [removeState, removeAction] = useActionState<State, FormData>(removeMemberAction, null)
  const [dismissed, setDismissed] = useState<State[]>([])
  const failure = [roleState, removeState].find((s) => s && !s.ok)
  const confirmRole = dismissed.includes(roleState) ? null : confirmation(roleState)
  const confirmRemove = dismissed.includes(removeState) ? null : confirmation(removeState)
  const asking = confirmRole ?? confirmRemove
  const asked = confirmRole ? roleState : removeState
  return (
    <div className="flex flex-col gap-2">
      {failure && !failure.ok && <Notice tone="error">{failure.message}</Notice>}
      {asking && (
        <div
          role="alertdialog"
          aria-labelledby={`${id}-confirm-h`}
          aria-describedby={`${id}-confirm-d`}
          className="rounded-md border-l-4 border-amber-600 bg-amber-50 p-3 text-amber-950"
        >
          <p id={`${id}-confirm-h`} className="font-semibold">
            {confirmRole ? 'Change your own role?' : 'Remove yourself?'}
          </p>
          <p id={`${id}-confirm-d`} className="mb-2 text-sm">
            {asking.message}
          </p>
          <form action={confirmRole ? roleAction : removeAction} className="flex flex-wrap gap-2">
            <input type="hidden" name="membershipId" value={membershipId} />
            <input type="hidden" name="version" value={version} />
            {Object.entries(asking.fields).map(([k, v]) => (
              <input key={k} type="hidden" name={k} value={v} />
            ))}
            <input type="hidden" name="confirm" value="yes" />
            <SubmitButton variant="danger" pendingText="Saving…" className="min-h-8 px-3 py-1">
              {confirmRole ? 'Yes, change my role' : 'Yes, remove me'}
            </SubmitButton>
            <Button
              variant="secondary"
              className="min-h-8 px-3 py-1"
              onClick={() => setDismissed((d) => [...d, asked])}
            >
              Cancel
            </Button>
          </form>
        </div>
      )}
      <form
        action={roleAction}
        key={`role-${confirmRole?.fields.role ?? role}`}
        className="flex flex-wrap items-end gap-2"
      >
        <input type="hidden" name="membershipId" value={membershipId} />
        <input type="hidden" name="version" value={version} />
        <div>
          <label htmlFor={`${id}-role`} className="block text-xs font-semibold">
            Role for {name}
          </label>
          <select
            id={`${id}-role`}
            name="role"
            defaultValue={confirmRole?.fields.role ?? role}
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
          // Removing yourself is confirmed by the server's answer instead (it says where you will land).
          if (!isSelf && !window.confirm(`Remove ${name} from this school? They will lose access at once.`))
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
