'use client'
import { ActionForm } from '@/components/forms/action-form'
import { LongText, Select, Text } from '@/components/forms/fields'
import { type CompareGroup, useActionForm } from '@/components/forms/use-action-form'
import { SubmitButton } from '@/components/ui/submit-button'
import { type DurationUnit, formatDuration, toMinutes } from '@/lib/catalogue/durations'
import type { FormValues } from '@/lib/result'
import { createServiceAction, updateServiceAction } from '@/lib/services/actions'
import { CRITICALITY, IMPACT_LEVELS, IMPACT_POINTS } from '@/lib/services/schema'
import { toFormValues } from './service-values'

const UNITS = [
  { value: 'minutes', label: 'minutes' },
  { value: 'hours', label: 'hours' },
  { value: 'days', label: 'days' },
  { value: 'weeks', label: 'weeks' },
]
const LEVELS = IMPACT_LEVELS.map((l) => ({ value: l, label: l.charAt(0) + l.slice(1).toLowerCase() }))
const CRITICALITY_OPTIONS = CRITICALITY.map((c) => ({
  value: String(c.value),
  label: `${c.value}. ${c.label}: ${c.description}`,
}))

type Field =
  | 'name'
  | 'description'
  | 'owner'
  | 'usersAffected'
  | 'criticality'
  | `${'rto' | 'rpo' | 'maxOutage'}${'Value' | 'Unit'}`
  | 'minServiceLevel'
  | `impact${(typeof IMPACT_POINTS)[number]['minutes']}${'Level' | 'Note'}`

/** The service's fields as strings, the way the form posts them. */
export type ServiceFormValues = FormValues<Field>

/** "1 day", "4 hours": a duration as typed, read out in words when it is a whole number of minutes. */
function sayDuration(value: string | undefined, unit: string | undefined): string {
  const n = Number(value)
  try {
    return formatDuration(toMinutes(n, unit as DurationUnit))
  } catch {
    return `${value ?? ''} ${unit ?? ''}`.trim()
  }
}

const duration = (key: 'rto' | 'rpo' | 'maxOutage', label: string): CompareGroup<Field> => ({
  key,
  label,
  keys: [`${key}Value`, `${key}Unit`],
  show: (v) => sayDuration(v[`${key}Value`], v[`${key}Unit`]),
})

/** The fields as the person sees them, for comparing and merging after someone else saved. */
const GROUPS: CompareGroup<Field>[] = [
  { key: 'name', label: 'Name', keys: ['name'] },
  { key: 'description', label: 'Description', keys: ['description'] },
  { key: 'owner', label: 'Owner', keys: ['owner'] },
  { key: 'usersAffected', label: 'Who depends on it', keys: ['usersAffected'] },
  {
    key: 'criticality',
    label: 'Criticality',
    keys: ['criticality'],
    show: (v) => {
      const c = CRITICALITY.find((x) => String(x.value) === v.criticality)
      return c ? `${c.value}. ${c.label}` : (v.criticality ?? '')
    },
  },
  duration('rto', 'Recovery time objective (RTO)'),
  duration('rpo', 'Recovery point objective (RPO)'),
  duration('maxOutage', 'Maximum tolerable outage'),
  { key: 'minServiceLevel', label: 'Minimum service level', keys: ['minServiceLevel'] },
  ...IMPACT_POINTS.map(
    (p): CompareGroup<Field> => ({
      key: `impact${p.minutes}`,
      label: `${p.label}`,
      keys: [`impact${p.minutes}Level`, `impact${p.minutes}Note`],
      show: (v) => {
        const level = v[`impact${p.minutes}Level`] ?? 'NONE'
        const note = v[`impact${p.minutes}Note`] ?? ''
        return `${level.charAt(0)}${level.slice(1).toLowerCase()} impact${note ? `: ${note}` : ''}`
      },
    }),
  ),
]

function DurationFields({
  name,
  label,
  hint,
}: {
  name: 'rto' | 'rpo' | 'maxOutage'
  label: string
  hint: string
}) {
  return (
    <fieldset className="mb-2" aria-describedby={`${name}-hint`}>
      <legend className="text-sm font-semibold">{label}</legend>
      <p id={`${name}-hint`} className="text-sm text-slate-600">
        {hint}
      </p>
      <div className="flex flex-wrap gap-3">
        <div className="w-32">
          <Text name={`${name}Value`} label="Amount" inputMode="decimal" />
        </div>
        <div className="w-40">
          <Select name={`${name}Unit`} label="Unit" options={UNITS} fallback="hours" />
        </div>
      </div>
    </fieldset>
  )
}

/** Adds a service (the server opens its page) or edits one, merging with anyone else's save. */
export function ServiceForm({
  initial,
  id,
  version,
}: {
  initial: ServiceFormValues
  id?: string
  version?: number
}) {
  const form = useActionForm(id ? updateServiceAction : createServiceAction, {
    initial,
    version,
    groups: GROUPS,
    toValues: toFormValues,
    success: 'The service was saved.',
  })
  return (
    <ActionForm form={form} failureTitle="The service was not saved" createdMessage="The service was added.">
      {id && <input type="hidden" name="id" value={id} />}
      <Text name="name" label="Name" autoComplete="off" />
      <LongText name="description" label="Description" />
      <div className="grid gap-x-4 sm:grid-cols-2">
        <Text name="owner" label="Owner" hint="Who is responsible for it" />
        <Text name="usersAffected" label="Who depends on it" hint="For example: all staff, office, pupils" />
      </div>
      <Select name="criticality" label="Criticality" options={CRITICALITY_OPTIONS} fallback="2" />
      <DurationFields
        name="rto"
        label="Recovery time objective (RTO)"
        hint="How soon it must be working again after a disaster."
      />
      <DurationFields
        name="rpo"
        label="Recovery point objective (RPO)"
        hint="How much recent data the school could afford to lose."
      />
      <DurationFields
        name="maxOutage"
        label="Maximum tolerable outage"
        hint="The longest the school can do without it at all."
      />
      <LongText name="minServiceLevel" label="Minimum acceptable service level" />
      <fieldset className="mb-4">
        <legend className="text-sm font-semibold">How the impact grows with the outage</legend>
        {IMPACT_POINTS.map((p) => (
          <div key={p.minutes} className="grid gap-x-4 sm:grid-cols-[12rem_1fr]">
            <Select
              name={`impact${p.minutes}Level`}
              label={`${p.label}: impact`}
              options={LEVELS}
              fallback="NONE"
            />
            <Text name={`impact${p.minutes}Note`} label={`${p.label}: what happens`} />
          </div>
        ))}
      </fieldset>
      <SubmitButton>{id ? 'Save changes' : 'Add service'}</SubmitButton>
    </ActionForm>
  )
}
