'use client'
import { ActionForm } from '@/components/forms/action-form'
import { useActionForm } from '@/components/forms/use-action-form'
import { SubmitButton } from '@/components/ui/submit-button'
import type { ActionResult } from '@/lib/result'

type ArchiveAction = (
  prev: ActionResult<unknown, never> | null,
  fd: FormData,
) => Promise<ActionResult<unknown, never>>

/**
 * Archive a record (saying first what it takes with it, and asking again) or restore it. Shared by
 * services and assets: the action decides what needs confirming.
 */
export function ArchiveRecord({
  id,
  version,
  name,
  archived,
  what,
  archive,
  restore,
}: {
  id: string
  version: number
  name: string
  archived: boolean
  /** "service", "asset" */
  what: string
  archive: ArchiveAction
  restore: ArchiveAction
}) {
  const form = useActionForm(archived ? restore : archive, { version })
  return (
    <ActionForm
      form={form}
      failureTitle={archived ? `The ${what} was not restored` : `The ${what} was not archived`}
      confirmTitle={`Before you archive this ${what}`}
      showSaved={false}
    >
      <input type="hidden" name="id" value={id} />
      <SubmitButton
        variant={archived ? 'secondary' : 'danger'}
        pendingText={archived ? 'Restoring…' : 'Archiving…'}
      >
        {archived ? `Restore ${name}` : form.confirming ? 'Archive anyway' : `Archive ${name}`}
      </SubmitButton>
    </ActionForm>
  )
}
