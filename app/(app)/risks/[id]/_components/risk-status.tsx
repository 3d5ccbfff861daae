'use client'
import { ActionForm } from '@/components/forms/action-form'
import { useActionForm } from '@/components/forms/use-action-form'
import { SubmitButton } from '@/components/ui/submit-button'
import { setRiskStatusAction } from '@/lib/risks/actions'

/** Close a risk (it stays in the register, off the heat map) or reopen it. */
export function RiskStatus({ id, version, open }: { id: string; version: number; open: boolean }) {
  const form = useActionForm(setRiskStatusAction, { version })
  return (
    <ActionForm
      form={form}
      failureTitle={open ? 'The risk was not closed' : 'The risk was not reopened'}
      showSaved={false}
    >
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="status" value={open ? 'CLOSED' : 'OPEN'} />
      <SubmitButton variant={open ? 'danger' : 'secondary'} pendingText={open ? 'Closing…' : 'Reopening…'}>
        {open ? 'Close this risk' : 'Reopen this risk'}
      </SubmitButton>
    </ActionForm>
  )
}
