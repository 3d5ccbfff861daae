'use client'
import { useActionState } from 'react'
import { Notice } from '@/components/ui/notice'
import { SubmitButton } from '@/components/ui/submit-button'
import { archiveAssetAction, restoreAssetAction } from '@/lib/assets/actions'
import type { ActionResult } from '@/lib/result'

type Result = ActionResult<{ id: string; version: number }> | null

/** Archive (warning first when others depend on it) or restore one asset. */
export function ArchiveAsset({
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
  const [archiveState, archiveAction] = useActionState<Result, FormData>(archiveAssetAction, null)
  const [restoreState, restoreAction] = useActionState<Result, FormData>(restoreAssetAction, null)

  if (archived) {
    const failed = restoreState && !restoreState.ok ? restoreState : null
    return (
      <form action={restoreAction}>
        {failed && (
          <Notice tone="error" title="The asset was not restored">
            {failed.message}
          </Notice>
        )}
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="version" value={version} />
        <SubmitButton variant="secondary" pendingText="Restoring…">
          Restore {name}
        </SubmitButton>
      </form>
    )
  }

  const failed = archiveState && !archiveState.ok ? archiveState : null
  const conflict = failed?.reason === 'CONFLICT' ? failed : null
  return (
    <div>
      {conflict ? (
        <Notice tone="warning" title="Others depend on this asset">
          {conflict.message}
        </Notice>
      ) : (
        failed && (
          <Notice tone="error" title="The asset was not archived">
            {failed.message}
          </Notice>
        )
      )}
      <div className="flex flex-wrap gap-2">
        {conflict ? (
          <form action={archiveAction}>
            <input type="hidden" name="id" value={id} />
            <input type="hidden" name="version" value={version} />
            <input type="hidden" name="confirm" value="yes" />
            <SubmitButton variant="danger" pendingText="Archiving…">
              Archive anyway
            </SubmitButton>
          </form>
        ) : (
          <form action={archiveAction}>
            <input type="hidden" name="id" value={id} />
            <input type="hidden" name="version" value={version} />
            <SubmitButton variant="danger" pendingText="Archiving…">
              Archive {name}
            </SubmitButton>
          </form>
        )}
      </div>
    </div>
  )
}
