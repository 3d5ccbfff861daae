'use client'
import { useId } from 'react'
import { ActionForm } from '@/components/forms/action-form'
import { Select } from '@/components/forms/fields'
import { useActionForm } from '@/components/forms/use-action-form'
import { SubmitButton } from '@/components/ui/submit-button'
import { changeRoleAction, removeMemberAction } from '@/lib/people/actions'
import { ROLE_OPTIONS } from './role-options'

type Props = { membershipId: string; version: number; role: string; name: string; isSelf: boolean }

/**
 * Change a member's role or remove them. For one's own membership the server first answers
 * NEEDS_CONFIRMATION, saying what will happen and where they will land; the same button then posts
 * confirm=yes. This works without JavaScript, and nothing changes until confirmed.
 */
export function MemberActions({ membershipId, version, role, name, isSelf }: Props) {
  const id = useId()
  const roleForm = useActionForm(changeRoleAction, {
    version,
    initial: { role, membershipId },
    success: 'Role changed.',
  })
  const removeForm = useActionForm(removeMemberAction, { version })
  return (
    <div className="flex flex-col gap-2">
      <ActionForm
        form={roleForm}
        failureTitle="The role was not changed"
        confirmTitle="Change your own role?"
        showSaved={false}
        className="flex flex-wrap items-end gap-2"
      >
        <input type="hidden" name="membershipId" value={membershipId} />
        <Select
          id={`${id}-role`}
          name="role"
          label={`Role for ${name}`}
          options={ROLE_OPTIONS}
          fallback={role}
        />
        <div className="mb-4">
          <SubmitButton
            variant={roleForm.confirming ? 'danger' : 'secondary'}
            pendingText="Saving…"
            className="min-h-8 px-3 py-1"
          >
            {roleForm.confirming ? 'Yes, change my role' : 'Change role'}
          </SubmitButton>
        </div>
      </ActionForm>
      <ActionForm
        form={removeForm}
        failureTitle="Nobody was removed"
        confirmTitle="Remove yourself?"
        showSaved={false}
      >
        <input type="hidden" name="membershipId" value={membershipId} />
        <SubmitButton
          variant="danger"
          pendingText="Removing…"
          className="min-h-8 px-3 py-1"
          aria-label={removeForm.confirming ? 'Yes, remove me' : `Remove ${name}`}
          onClick={(e) => {
            // Removing yourself is confirmed by the server's answer instead (it says where you will land).
            if (!isSelf && !window.confirm(`Remove ${name} from this school? They will lose access at once.`))
              e.preventDefault()
          }}
        >
          {removeForm.confirming ? 'Yes, remove me' : 'Remove'}
        </SubmitButton>
      </ActionForm>
    </div>
  )
}
