'use client'
import { useRouter } from 'next/navigation'
import { useActionState, useEffect } from 'react'
import { CompareVersions } from '@/components/ui/compare-versions'
import { SelectField, TextArea, TextField } from '@/components/ui/field'
import { Notice } from '@/components/ui/notice'
import { SubmitButton } from '@/components/ui/submit-button'
import type { ActionResult } from '@/lib/result'
import { createServiceAction, updateServiceAction } from '@/lib/services/actions'
import { CRITICALITY, IMPACT_LEVELS, IMPACT_POINTS } from '@/lib/services/schema'
import { toFormValues } from './service-values'

type Result = ActionResult<{ id: string; version?: number }> | null
const UNITS = [
  { value: 'minutes', label: 'minutes' },
  { value: 'hours', label: 'hours' },
  { value: 'days', label: 'days' },
  { value: 'weeks', label: 'weeks' },
]
const LEVELS = IMPACT_LEVELS.map((l) => ({ value: l, label: l.charAt(0) + l.slice(1).toLowerCase() }))

/** The service's fields as strings, the way the form posts them. */
export type ServiceFormValues = Record<string, string>

export function ServiceForm({
  initial,
  id,
  version,
}: {
  initial: ServiceFormValues
  id?: string
  version?: number
}) {
  const router = useRouter()
  const [state, action] = useActionState<Result, FormData>(
    id ? updateServiceAction : createServiceAction,
    null,
  )
  const failed = state && !state.ok ? state : null
  // After a failure show what the user typed; otherwise what is stored.
  const v = failed?.values ?? initial
  const err = (k: string) => failed?.fieldErrors?.[k]
  const stale =
    failed?.reason === 'STALE'
      ? (failed.current as Parameters<typeof toFormValues>[0] & { version: number })
      : null
  const theirs = stale ? toFormValues(stale) : null
  useEffect(() => {
    if (state?.ok && !id) router.push(`/services/${state.data.id}`)
  }, [state, id, router])

  const duration = (key: 'rto' | 'rpo' | 'maxOutage', label: string, hint: string) => (
    <fieldset className="mb-2" aria-describedby={`${key}-hint`}>
      <legend className="text-sm font-semibold">{label}</legend>
      <p id={`${key}-hint`} className="text-sm text-slate-600">
        {hint}
      </p>
      <div className="flex flex-wrap gap-3">
        <div className="w-32">
          <TextField
            name={`${key}Value`}
            label="Amount"
            inputMode="decimal"
            defaultValue={v[`${key}Value`]}
            errors={err(`${key}Value`)}
          />
        </div>
        <div className="w-40">
          <SelectField
            name={`${key}Unit`}
            label="Unit"
            options={UNITS}
            defaultValue={v[`${key}Unit`] ?? 'hours'}
            errors={err(`${key}Unit`)}
          />
        </div>
      </div>
    </fieldset>
  )

  return (
    <form action={action} noValidate key={state?.ok ? `saved-${state.data.version ?? ''}` : 'form'}>
      {failed?.reason === 'STALE' ? (
        <>
          <Notice tone="error" title="Changed by someone else">
            {failed.message} Your typing is still in the fields below. Saving again will replace their version
            with yours.
          </Notice>
          {theirs && <CompareVersions rows={compareRows(theirs, v)} />}
        </>
      ) : (
        failed && (
          <Notice tone="error" title="The service was not saved">
            {failed.message}
          </Notice>
        )
      )}
      {state?.ok && id && (
        <Notice tone="success" title="Saved">
          The service was updated.
        </Notice>
      )}
      {id && <input type="hidden" name="id" value={id} />}
      {version !== undefined && (
        // Having seen their version, saving again replaces it with the user's.
        <input type="hidden" name="version" value={stale?.version ?? failed?.values?.version ?? version} />
      )}
      <TextField name="name" label="Name" defaultValue={v.name} errors={err('name')} />
      <TextArea
        name="description"
        label="Description"
        defaultValue={v.description}
        errors={err('description')}
      />
      <div className="grid gap-x-4 sm:grid-cols-2">
        <TextField
          name="owner"
          label="Owner"
          hint="Who is responsible for it"
          defaultValue={v.owner}
          errors={err('owner')}
        />
        <TextField
          name="usersAffected"
          label="Who depends on it"
          hint="For example: all staff, office, pupils"
          defaultValue={v.usersAffected}
          errors={err('usersAffected')}
        />
      </div>
      <SelectField
        name="criticality"
        label="Criticality"
        options={CRITICALITY.map((c) => ({
          value: String(c.value),
          label: `${c.value}. ${c.label}: ${c.description}`,
        }))}
        defaultValue={v.criticality ?? '2'}
        errors={err('criticality')}
      />
      {duration(
        'rto',
        'Recovery time objective (RTO)',
        'How soon it must be working again after a disaster.',
      )}
      {duration(
        'rpo',
        'Recovery point objective (RPO)',
        'How much recent data the school could afford to lose.',
      )}
      {duration('maxOutage', 'Maximum tolerable outage', 'The longest the school can do without it at all.')}
      <TextArea
        name="minServiceLevel"
        label="Minimum acceptable service level"
        defaultValue={v.minServiceLevel}
        errors={err('minServiceLevel')}
      />
      <fieldset className="mb-4">
        <legend className="text-sm font-semibold">How the impact grows with the outage</legend>
        {IMPACT_POINTS.map((p) => (
          <div key={p.minutes} className="grid gap-x-4 sm:grid-cols-[12rem_1fr]">
            <SelectField
              name={`impact${p.minutes}Level`}
              label={`${p.label}: impact`}
              options={LEVELS}
              defaultValue={v[`impact${p.minutes}Level`] ?? 'NONE'}
              errors={err(`impact${p.minutes}Level`)}
            />
            <TextField
              name={`impact${p.minutes}Note`}
              label={`${p.label}: what happens`}
              defaultValue={v[`impact${p.minutes}Note`]}
              errors={err(`impact${p.minutes}Note`)}
            />
          </div>
        ))}
      </fieldset>
      <SubmitButton>{id ? 'Save changes' : 'Add service'}</SubmitButton>
    </form>
  )
}

const COMPARED: { label: string; show: (v: ServiceFormValues) => string }[] = [
  { label: 'Name', show: (v) => v.name ?? '' },
  { label: 'Description', show: (v) => v.description ?? '' },
  { label: 'Owner', show: (v) => v.owner ?? '' },
  { label: 'Who depends on it', show: (v) => v.usersAffected ?? '' },
  {
    label: 'Criticality',
    show: (v) => CRITICALITY.find((c) => String(c.value) === v.criticality)?.label ?? v.criticality ?? '',
  },
  { label: 'RTO', show: (v) => `${v.rtoValue ?? ''} ${v.rtoUnit ?? ''}` },
  { label: 'RPO', show: (v) => `${v.rpoValue ?? ''} ${v.rpoUnit ?? ''}` },
  { label: 'Maximum tolerable outage', show: (v) => `${v.maxOutageValue ?? ''} ${v.maxOutageUnit ?? ''}` },
  { label: 'Minimum service level', show: (v) => v.minServiceLevel ?? '' },
  ...IMPACT_POINTS.map((p) => ({
    label: p.label,
    show: (v: ServiceFormValues) =>
      `${(v[`impact${p.minutes}Level`] ?? 'NONE').toLowerCase()} ${v[`impact${p.minutes}Note`] ?? ''}`.trim(),
  })),
]

function compareRows(theirs: ServiceFormValues, yours: ServiceFormValues) {
  return COMPARED.map((c) => ({
    label: c.label,
    theirs: c.show(theirs) || '(blank)',
    yours: c.show(yours) || '(blank)',
  }))
}
