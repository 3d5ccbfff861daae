'use client'
import { ActionForm } from '@/components/forms/action-form'
import { useActionForm } from '@/components/forms/use-action-form'
import { SubmitButton } from '@/components/ui/submit-button'
import { archiveRoleAction, restoreRoleAction } from '@/lib/team/actions'

/** Retire a role the school added (saying first who holds it) or bring it back. */
export function ArchiveRole({
  id,
  version,
  name,
  archived,
}: {
  id: string
  version: number
  name: string
  archived: boolean
}) {
  const form = useActionForm(archived ? restoreRoleAction : archiveRoleAction, { version })
  return (
    <ActionForm
      form={form}
      failureTitle={archived ? 'The role was not brought back' : 'The role was not retired'}
      confirmTitle="Before you retire this role"
      showSaved={false}
    >
      <input type="hidden" name="id" value={id} />
      <SubmitButton
        variant={archived ? 'secondary' : 'danger'}
        pendingText={archived ? 'Restoring…' : 'Retiring…'}
      >
        {archived ? `Bring back ${name}` : form.confirming ? 'Retire it anyway' : `Retire ${name}`}
      </SubmitButton>
    </ActionForm>
  )
}
