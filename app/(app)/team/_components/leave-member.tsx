'use client'
import { ActionForm } from '@/components/forms/action-form'
import { useActionForm } from '@/components/forms/use-action-form'
import { SubmitButton } from '@/components/ui/submit-button'
import { markMemberBackAction, markMemberLeftAction } from '@/lib/team/actions'

/** Mark a member as left (saying first which roles it leaves uncovered) or as back in the team. */
export function LeaveMember({
  id,
  version,
  name,
  left,
}: {
  id: string
  version: number
  name: string
  left: boolean
}) {
  const form = useActionForm(left ? markMemberBackAction : markMemberLeftAction, { version })
  return (
    <ActionForm
      form={form}
      failureTitle={left ? 'Not marked as back' : 'Not marked as left'}
      confirmTitle={`Before ${name} leaves the team`}
      showSaved={false}
    >
      <input type="hidden" name="id" value={id} />
      <SubmitButton variant={left ? 'secondary' : 'danger'}>
        {left
          ? `${name} is back in the team`
          : form.confirming
            ? 'Mark as left anyway'
            : `Mark ${name} as left`}
      </SubmitButton>
    </ActionForm>
  )
}
