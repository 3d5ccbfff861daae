'use client'
import { useActionState } from 'react'
import { SelectField } from '@/components/ui/field'
import { Notice } from '@/components/ui/notice'
import { SubmitButton } from '@/components/ui/submit-button'
import { addDependencyAction, removeDependencyAction } from '@/lib/assets/actions'
import type { ActionResult } from '@/lib/result'

type Result = ActionResult<{ id: string }> | null

/** Removes the link "assetId depends on dependsOnId". */
export function RemoveDependency({
  assetId,
  dependsOnId,
  dependsOnName,
}: {
  assetId: string
  dependsOnId: string
  dependsOnName: string
}) {
  const [state, action] = useActionState<Result, FormData>(removeDependencyAction, null)
  const failed = state && !state.ok ? state : null
  return (
    <form action={action} className="inline-flex flex-wrap items-center gap-2">
      <input type="hidden" name="assetId" value={assetId} />
      <input type="hidden" name="dependsOnId" value={dependsOnId} />
      <SubmitButton
        variant="secondary"
        pendingText="Removing…"
        className="min-h-8 px-3 py-1"
        aria-label={`Remove dependency on ${dependsOnName}`}
      >
        Remove
      </SubmitButton>
      {failed && (
        <span role="alert" className="text-sm font-semibold text-red-800">
          {failed.message}
        </span>
      )}
    </form>
  )
}

/** Records that this asset needs another one; a loop is refused with the loop named. */
export function AddDependencyForm({
  assetId,
  options,
}: {
  assetId: string
  options: { value: string; label: string }[]
}) {
  const [state, action] = useActionState<Result, FormData>(addDependencyAction, null)
  const failed = state && !state.ok ? state : null
  if (options.length === 0)
    return <p className="text-sm text-slate-700">There are no other live assets to choose from.</p>
  return (
    <form action={action} noValidate key={state?.ok ? `added-${state.data.id}` : 'form'}>
      {failed && (
        <Notice tone="error" title="The dependency was not added">
          {failed.message}
        </Notice>
      )}
      {state?.ok && <Notice tone="success" title="Dependency added" />}
      <input type="hidden" name="assetId" value={assetId} />
      <SelectField
        name="dependsOnId"
        id="add-depends-on"
        label="It depends on"
        options={[{ value: '', label: 'Choose an asset' }, ...options]}
        defaultValue={failed?.values?.dependsOnId ?? ''}
        errors={failed?.fieldErrors?.dependsOnId}
      />
      <SubmitButton variant="secondary" pendingText="Adding…">
        Add dependency
      </SubmitButton>
    </form>
  )
}
