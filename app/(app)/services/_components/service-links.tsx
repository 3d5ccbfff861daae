'use client'
import type { ReactNode } from 'react'
import { useFormStatus } from 'react-dom'
import { ActionForm } from '@/components/forms/action-form'
import { Select } from '@/components/forms/fields'
import { useActionForm } from '@/components/forms/use-action-form'
import { Button } from '@/components/ui/button'
import { FormStamp } from '@/components/ui/form-stamp'
import { SubmitButton } from '@/components/ui/submit-button'
import { changeLinkAction, linkServiceAssetAction } from '@/lib/services/actions'

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

/**
 * The controls of a service's dependency list: one form for every row, each button naming its row and
 * what it does (`changeLinkSchema`), so the page carries one action form however many links there are
 * (each action form costs the server about 60 µs a request; ARCHITECTURE.md, "What a page costs").
 */
export function LinkChangesForm({ serviceId, children }: { serviceId: string; children: ReactNode }) {
  const form = useActionForm(changeLinkAction)
  return (
    <ActionForm form={form} failureTitle="Not changed" showSaved={false}>
      <input type="hidden" name="serviceId" value={serviceId} />
      <FormStamp />
      {children}
    </ActionForm>
  )
}

/** Makes a direct link required or optional, naming the version the page showed. */
export function LinkRequiredButton({
  assetId,
  name,
  required,
  version,
}: {
  assetId: string
  name: string
  required: boolean
  version: number
}) {
  return (
    <RowButton change={`required:${assetId}:${version}:${required ? 'false' : 'true'}`} pendingText="Saving…">
      {required ? 'Make optional' : 'Make required'}
      <span className="sr-only">: {name}</span>
    </RowButton>
  )
}

export function UnlinkButton({ assetId, name }: { assetId: string; name: string }) {
  return (
    <RowButton change={`remove:${assetId}`} pendingText="Removing…" aria-label={`Remove link to ${name}`}>
      Remove
    </RowButton>
  )
}

/** A row's button in LinkChangesForm: says it is working only when it is the one pressed. */
function RowButton({
  change,
  pendingText,
  children,
  ...props
}: {
  change: string
  pendingText: string
  children: ReactNode
  'aria-label'?: string
}) {
  const { pending, data } = useFormStatus()
  const mine = pending && data?.get('change') === change
  return (
    <Button
      type="submit"
      name="change"
      value={change}
      variant="secondary"
      className="min-h-8 px-3 py-1"
      disabled={pending}
      aria-disabled={pending}
      {...props}
    >
      {mine ? pendingText : children}
    </Button>
  )
}
