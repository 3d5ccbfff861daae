'use client'
import { ActionForm } from '@/components/forms/action-form'
import { LongText, Select, Text } from '@/components/forms/fields'
import { type CompareGroup, useActionForm } from '@/components/forms/use-action-form'
import { SubmitButton } from '@/components/ui/submit-button'
import { createAssetAction, updateAssetAction } from '@/lib/assets/actions'
import { ASSET_TYPES, assetTypeLabel } from '@/lib/assets/schema'
import { formatDay } from '@/lib/format'
import type { FormValues } from '@/lib/result'
import { assetFormValues } from './asset-values'

type Field =
  | 'name'
  | 'type'
  | 'location'
  | 'specification'
  | 'supplier'
  | 'contractRef'
  | 'standbyAssetId'
  | 'standbyArrangement'
  | 'standbyVerifiedAt'

/** The asset's fields as strings, the way the form posts them. */
export type AssetFormValues = FormValues<Field>
export type AssetOption = { value: string; label: string }

const TYPE_OPTIONS = ASSET_TYPES.map((t) => ({ value: t.value, label: t.label }))

function groups(standbyOptions: AssetOption[]): CompareGroup<Field>[] {
  const plain = (key: Field, label: string): CompareGroup<Field> => ({ key, label, keys: [key] })
  return [
    plain('name', 'Name'),
    { key: 'type', label: 'Type', keys: ['type'], show: (v) => assetTypeLabel(v.type ?? '') },
    plain('location', 'Location'),
    plain('specification', 'Specification'),
    plain('supplier', 'Supplier'),
    plain('contractRef', 'Contract reference'),
    {
      key: 'standbyAssetId',
      label: 'Standby asset',
      keys: ['standbyAssetId'],
      show: (v) =>
        v.standbyAssetId
          ? (standbyOptions.find((o) => o.value === v.standbyAssetId)?.label ?? 'An asset not in the list')
          : '— none —',
    },
    plain('standbyArrangement', 'Standby arrangement'),
    {
      key: 'standbyVerifiedAt',
      label: 'Standby last verified',
      keys: ['standbyVerifiedAt'],
      show: (v) =>
        /^\d{4}-\d{2}-\d{2}$/.test(v.standbyVerifiedAt ?? '')
          ? formatDay(new Date(`${v.standbyVerifiedAt}T12:00:00Z`))
          : (v.standbyVerifiedAt ?? ''),
    },
  ]
}

/** Records an asset (the server opens its page) or edits one, merging with anyone else's save. */
export function AssetForm({
  initial,
  standbyOptions,
  id,
  version,
}: {
  initial: AssetFormValues
  /** Other live assets that could stand in for this one. */
  standbyOptions: AssetOption[]
  id?: string
  version?: number
}) {
  const form = useActionForm(id ? updateAssetAction : createAssetAction, {
    initial,
    version,
    groups: groups(standbyOptions),
    toValues: assetFormValues,
    success: 'The asset was saved.',
  })
  const options = [{ value: '', label: '— none —' }, ...standbyOptions.filter((o) => o.value !== id)]
  return (
    <ActionForm form={form} failureTitle="The asset was not saved" createdMessage="The asset was added.">
      {id && <input type="hidden" name="id" value={id} />}
      <Text name="name" label="Name" autoComplete="off" />
      <Select name="type" label="Type" options={TYPE_OPTIONS} fallback="HARDWARE" />
      <Text
        name="location"
        label="Location"
        hint="Where it is, for example: server room, or the supplier's data centre."
      />
      <LongText
        name="specification"
        label="Specification"
        hint="Model, version, capacity: what a replacement would have to match."
      />
      <Text name="supplier" label="Supplier" />
      <Text name="contractRef" label="Contract reference" />
      <fieldset className="mb-2 rounded-md border border-slate-300 p-3">
        <legend className="px-1 text-sm font-semibold">Standby</legend>
        <Select
          name="standbyAssetId"
          label="Standby asset"
          hint="Another asset in the register that can take over if this one fails."
          options={options}
          fallback=""
        />
        <LongText
          name="standbyArrangement"
          label="Standby arrangement"
          hint="For example: reserved server at supplier."
        />
        <Text
          name="standbyVerifiedAt"
          label="Standby last verified"
          hint="The day someone last checked that the standby would really work."
          type="date"
        />
      </fieldset>
      <SubmitButton pendingText="Saving…">{id ? 'Save changes' : 'Add asset'}</SubmitButton>
    </ActionForm>
  )
}
