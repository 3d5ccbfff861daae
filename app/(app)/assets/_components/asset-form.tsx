'use client'
import { useRouter } from 'next/navigation'
import { useActionState, useEffect } from 'react'
import { CompareVersions } from '@/components/ui/compare-versions'
import { SelectField, TextArea, TextField } from '@/components/ui/field'
import { Notice } from '@/components/ui/notice'
import { SubmitButton } from '@/components/ui/submit-button'
import { createAssetAction, updateAssetAction } from '@/lib/assets/actions'
import { ASSET_TYPES, assetTypeLabel } from '@/lib/assets/schema'
import type { ActionResult } from '@/lib/result'
import { formatDay } from '@/lib/format'

type Result = ActionResult<{ id: string; version?: number }> | null

/** The asset's fields as strings, the way the form posts them. */
export type AssetFormValues = Record<string, string>
export type AssetOption = { value: string; label: string }

const FIELDS: { key: string; label: string }[] = [
  { key: 'name', label: 'Name' },
  { key: 'type', label: 'Type' },
  { key: 'location', label: 'Location' },
  { key: 'specification', label: 'Specification' },
  { key: 'supplier', label: 'Supplier' },
  { key: 'contractRef', label: 'Contract reference' },
  { key: 'standbyAssetId', label: 'Standby asset' },
  { key: 'standbyArrangement', label: 'Standby arrangement' },
  { key: 'standbyVerifiedAt', label: 'Standby last verified' },
]

const TYPE_OPTIONS = ASSET_TYPES.map((t) => ({ value: t.value, label: t.label }))

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
  const router = useRouter()
  const [state, action] = useActionState<Result, FormData>(id ? updateAssetAction : createAssetAction, null)
  const failed = state && !state.ok ? state : null
  // After a failure show what the user typed; otherwise what is stored.
  const v = failed?.values ?? initial
  const err = (k: string) => failed?.fieldErrors?.[k]
  useEffect(() => {
    if (state?.ok && !id) router.push(`/assets/${state.data.id}`)
  }, [state, id, router])

  const stale = failed?.reason === 'STALE' ? failed : null
  const current =
    stale?.current && typeof stale.current === 'object' ? (stale.current as Record<string, unknown>) : null
  // Having seen their version, saving again replaces it with the user's.
  const currentVersion = typeof current?.version === 'number' ? current.version : undefined
  const standbyName = (value: string) =>
    value ? (standbyOptions.find((o) => o.value === value)?.label ?? 'An asset not in the list') : '— none —'

  const show = (key: string, raw: unknown): string => {
    if (raw === null || raw === undefined || raw === '')
      return key === 'standbyAssetId' ? '— none —' : '(blank)'
    if (key === 'type') return assetTypeLabel(String(raw))
    if (key === 'standbyAssetId') return standbyName(String(raw))
    if (key === 'standbyVerifiedAt') {
      const d =
        raw instanceof Date
          ? raw
          : new Date(/^\d{4}-\d{2}-\d{2}$/.test(String(raw)) ? `${raw}T12:00:00Z` : String(raw))
      return Number.isNaN(d.getTime()) ? String(raw) : formatDay(d)
    }
    return String(raw)
  }

  const options = [{ value: '', label: '— none —' }, ...standbyOptions.filter((o) => o.value !== id)]

  return (
    <form action={action} noValidate key={state?.ok ? `saved-${state.data.version ?? ''}` : 'form'}>
      {stale ? (
        <>
          <Notice tone="error" title="Changed by someone else">
            {stale.message} Your typing is still in the fields below. Saving again will replace their version
            with yours.
          </Notice>
          {current && (
            <CompareVersions
              rows={FIELDS.map((f) => ({
                label: f.label,
                theirs: show(f.key, current[f.key]),
                yours: show(f.key, stale.values?.[f.key]),
              }))}
            />
          )}
        </>
      ) : (
        failed && (
          <Notice tone="error" title="The asset was not saved">
            {failed.message}
          </Notice>
        )
      )}
      {state?.ok && id && <Notice tone="success" title="Saved" />}
      {id && <input type="hidden" name="id" value={id} />}
      {id && (
        <input type="hidden" name="version" value={currentVersion ?? failed?.values?.version ?? version} />
      )}
      <TextField name="name" label="Name" autoComplete="off" defaultValue={v.name} errors={err('name')} />
      <SelectField
        name="type"
        label="Type"
        options={TYPE_OPTIONS}
        defaultValue={v.type ?? 'HARDWARE'}
        errors={err('type')}
      />
      <TextField
        name="location"
        label="Location"
        hint="Where it is, for example: server room, or the supplier's data centre."
        defaultValue={v.location}
        errors={err('location')}
      />
      <TextArea
        name="specification"
        label="Specification"
        hint="Model, version, capacity: what a replacement would have to match."
        defaultValue={v.specification}
        errors={err('specification')}
      />
      <TextField name="supplier" label="Supplier" defaultValue={v.supplier} errors={err('supplier')} />
      <TextField
        name="contractRef"
        label="Contract reference"
        defaultValue={v.contractRef}
        errors={err('contractRef')}
      />
      <fieldset className="mb-2 rounded-md border border-slate-300 p-3">
        <legend className="px-1 text-sm font-semibold">Standby</legend>
        <SelectField
          name="standbyAssetId"
          label="Standby asset"
          hint="Another asset in the register that can take over if this one fails."
          options={options}
          defaultValue={v.standbyAssetId ?? ''}
          errors={err('standbyAssetId')}
        />
        <TextArea
          name="standbyArrangement"
          label="Standby arrangement"
          hint="For example: reserved server at supplier."
          defaultValue={v.standbyArrangement}
          errors={err('standbyArrangement')}
        />
        <TextField
          name="standbyVerifiedAt"
          label="Standby last verified"
          hint="The day someone last checked that the standby would really work."
          type="date"
          defaultValue={v.standbyVerifiedAt}
          errors={err('standbyVerifiedAt')}
        />
      </fieldset>
      <SubmitButton pendingText="Saving…">{id ? 'Save changes' : 'Add asset'}</SubmitButton>
    </form>
  )
}
