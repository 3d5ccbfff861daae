'use client'
import { useActionState } from 'react'
import { Notice } from '@/components/ui/notice'
import { SubmitButton } from '@/components/ui/submit-button'
import type { ActionResult } from '@/lib/result'
import { archiveServiceAction, restoreServiceAction } from '@/lib/services/actions'

type Result = ActionResult<unknown> | null

/** Archive (saying first what it takes with it) or restore one service. */
export function ArchiveService({
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
  const [state, action] = useActionState<Result, FormData>(
    archived ? restoreServiceAction : archiveServiceAction,
    null,
  )
  const failed = state && !state.ok ? state : null
  const conflict = !archived && failed?.reason === 'CONFLICT' ? failed : null
  return (
    <form action={action}>
      {conflict ? (
        <Notice tone="warning" title="Before you archive this service">
          {conflict.message}
        </Notice>
      ) : (
        failed && (
          <Notice
            tone="error"
            title={archived ? 'The service was not restored' : 'The service was not archived'}
          >
            {failed.message}
          </Notice>
        )
      )}
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      {conflict && <input type="hidden" name="confirm" value="yes" />}
      <SubmitButton
        variant={archived ? 'secondary' : 'danger'}
        pendingText={archived ? 'Restoring…' : 'Archiving…'}
      >
        {archived ? `Restore ${name}` : conflict ? 'Archive anyway' : `Archive ${name}`}
      </SubmitButton>
    </form>
  )
}
