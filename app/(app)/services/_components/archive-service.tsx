'use client'
import { useActionState } from 'react'
import { Notice } from '@/components/ui/notice'
import { SubmitButton } from '@/components/ui/submit-button'
import type { ActionResult } from '@/lib/auth/result'
import { archiveServiceAction, restoreServiceAction } from '@/lib/services/actions'

export function ArchiveService({
  id,
  version,
  archived,
}: {
  id: string
  version: number
  archived: boolean
}) {
  const [state, action] = useActionState<ActionResult<unknown> | null, FormData>(
    archived ? restoreServiceAction : archiveServiceAction,
    null,
  )
  return (
    <form action={action}>
      {state && !state.ok && <Notice tone="error">{state.message}</Notice>}
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <SubmitButton
        variant={archived ? 'secondary' : 'danger'}
        pendingText={archived ? 'Restoring…' : 'Archiving…'}
      >
        {archived ? 'Restore service' : 'Archive service'}
      </SubmitButton>
    </form>
  )
}
