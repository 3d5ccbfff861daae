'use client'
import { ActionForm } from '@/components/forms/action-form'
import { Select } from '@/components/forms/fields'
import { useActionForm } from '@/components/forms/use-action-form'
import { SubmitButton } from '@/components/ui/submit-button'
import {
  linkServiceAssetAction,
  setLinkRequiredAction,
  unlinkServiceAssetAction,
} from '@/lib/services/actions'

type Option = { id: string; name: string }

const REQUIRED_OPTIONS = [
  { value: 'true', label: 'stops (required)' },
  { value: 'false', label: 'carries on (optional)' },
]

/** Records that the service needs another asset, required or optional. */
export function AddLinkForm({ serviceId, options }: { serviceId: string; options: Option[] }) {
  const form = useActionForm(linkServiceAssetAction, { success: 'Link added.' })
  return (
    <ActionForm
      form={form}
      failureTitle="The link was not added"
      className="mt-3 rounded-md border border-slate-300 p-3"
    >
      <input type="hidden" name="serviceId" value={serviceId} />
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-56 flex-1">
          <Select
            name="assetId"
            label="Asset this service needs"
            options={[
              { value: '', label: '— choose an asset —' },
              ...options.map((o) => ({ value: o.id, label: o.name })),
            ]}
            fallback=""
          />
        </div>
        <div className="w-48">
          <Select name="required" label="Without it the service" options={REQUIRED_OPTIONS} fallback="true" />
        </div>
        <div className="mb-4">
          <SubmitButton variant="secondary">Add link</SubmitButton>
        </div>
      </div>
    </ActionForm>
  )
}

/** Makes a direct link required or optional, naming the version seen (a concurrent change is refused). */
export function LinkRequiredToggle({
  serviceId,
  assetId,
  name,
  required,
  version,
}: {
  serviceId: string
  assetId: string
  name: string
  required: boolean
  version: number
}) {
  const form = useActionForm(setLinkRequiredAction, { version })
  return (
    <ActionForm form={form} failureTitle="Not changed" showSaved={false} className="inline">
      <input type="hidden" name="serviceId" value={serviceId} />
      <input type="hidden" name="assetId" value={assetId} />
      <input type="hidden" name="required" value={required ? 'false' : 'true'} />
      <SubmitButton
        variant="secondary"
        className="min-h-8 px-3 py-1"
        pendingText="Saving…"
      >
        {required ? 'Make optional' : 'Make required'}
        <span className="sr-only">: {name}</span>
      </SubmitButton>
    </ActionForm>
  )
}

export function UnlinkButton({
  serviceId,
  assetId,
  name,
}: {
  serviceId: string
  assetId: string
  name: string
}) {
  const form = useActionForm(unlinkServiceAssetAction)
  return (
    <ActionForm form={form} failureTitle="The link was not removed" showSaved={false} className="inline">
      <input type="hidden" name="serviceId" value={serviceId} />
      <input type="hidden" name="assetId" value={assetId} />
      <SubmitButton
        variant="secondary"
        className="min-h-8 px-3 py-1"
        pendingText="Removing…"
        aria-label={`Remove link to ${name}`}
      >
        Remove
      </SubmitButton>
    </ActionForm>
  )
}
