'use client'
import { ActionForm } from '@/components/forms/action-form'
import { Select } from '@/components/forms/fields'
import { useActionForm } from '@/components/forms/use-action-form'
import { SubmitButton } from '@/components/ui/submit-button'
import { addDependencyAction, removeDependencyAction } from '@/lib/assets/actions'

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
  const form = useActionForm(removeDependencyAction)
  return (
    <ActionForm
      form={form}
      failureTitle="Not removed"
      showSaved={false}
      className="inline-flex flex-wrap items-center gap-2"
    >
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
    </ActionForm>
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
  const form = useActionForm(addDependencyAction, { success: 'Dependency added.' })
  if (options.length === 0)
    return <p className="text-sm text-slate-700">There are no other live assets to choose from.</p>
  return (
    <ActionForm form={form} failureTitle="The dependency was not added">
      <input type="hidden" name="assetId" value={assetId} />
      <Select
        name="dependsOnId"
        id="add-depends-on"
        label="It depends on"
        options={[{ value: '', label: 'Choose an asset' }, ...options]}
        fallback=""
      />
      <SubmitButton variant="secondary" pendingText="Adding…">
        Add dependency
      </SubmitButton>
    </ActionForm>
  )
}
