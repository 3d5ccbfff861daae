'use client'
import { useActionState } from 'react'
import { Button } from '@/components/ui/button'
import { SelectField } from '@/components/ui/field'
import { FormStamp } from '@/components/ui/form-stamp'
import { Notice } from '@/components/ui/notice'
import { SubmitButton } from '@/components/ui/submit-button'
import type { ActionResult } from '@/lib/result'
import { linkServiceAssetAction, unlinkServiceAssetAction } from '@/lib/services/actions'

type Option = { id: string; name: string }

export function AddLinkForm({ serviceId, options }: { serviceId: string; options: Option[] }) {
  const [state, action] = useActionState<ActionResult<unknown> | null, FormData>(linkServiceAssetAction, null)
  const failed = state && !state.ok ? state : null
  return (
    <form action={action} className="mt-3 rounded-md border border-slate-300 p-3">
      {failed && <Notice tone="error">{failed.message}</Notice>}
      <input type="hidden" name="serviceId" value={serviceId} />
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-56 flex-1">
          <SelectField
            name="assetId"
            label="Asset this service needs"
            options={[
              { value: '', label: '— choose an asset —' },
              ...options.map((o) => ({ value: o.id, label: o.name })),
            ]}
            defaultValue={failed?.values?.assetId ?? ''}
            errors={failed?.fieldErrors?.assetId}
          />
        </div>
        <div className="w-48">
          <SelectField
            name="required"
            label="Without it the service"
            options={[
              { value: 'true', label: 'stops (required)' },
              { value: 'false', label: 'carries on (optional)' },
            ]}
            defaultValue={failed?.values?.required ?? 'true'}
          />
        </div>
        <div className="mb-4">
          <SubmitButton variant="secondary">Add link</SubmitButton>
        </div>
      </div>
    </form>
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
  const [state, action] = useActionState<ActionResult<unknown> | null, FormData>(
    unlinkServiceAssetAction,
    null,
  )
  return (
    <form action={action} className="inline">
      <input type="hidden" name="serviceId" value={serviceId} />
      <input type="hidden" name="assetId" value={assetId} />
      <FormStamp />
      <Button type="submit" variant="link" aria-label={`Remove link to ${name}`}>
        Remove
      </Button>
      {state && !state.ok && (
        <span role="alert" className="ml-2 font-semibold text-red-800">
          {state.message}
        </span>
      )}
    </form>
  )
}
