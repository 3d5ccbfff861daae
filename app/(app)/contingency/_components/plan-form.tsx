'use client'
import { ActionForm } from '@/components/forms/action-form'
import { LongText, Radios, Select, Text } from '@/components/forms/fields'
import { type CompareGroup, useActionForm } from '@/components/forms/use-action-form'
import { SubmitButton } from '@/components/ui/submit-button'
import { createPlanAction, updatePlanAction } from '@/lib/contingency/actions'
import { STRATEGIES, strategyLabel } from '@/lib/contingency/schema'
import type { FormValues } from '@/lib/result'
import { toPlanValues } from './plan-values'

type Field =
  | 'serviceId'
  | 'name'
  | 'strategy'
  | 'description'
  | 'oneOffCost'
  | 'yearlyCost'
  | 'manualWorkaround'
  | 'invocationCriteria'
  | 'standbySupplier'
  | 'standbyContract'
  | 'standbyContact'
  | 'standbyHowToInvoke'
  | 'standbyInvokeCost'

const pounds = (v: string | undefined) => (v ? `£${v}` : 'Not costed')

const GROUPS: CompareGroup<Field>[] = [
  { key: 'name', label: 'What it covers', keys: ['name'] },
  {
    key: 'strategy',
    label: 'Recovery strategy',
    keys: ['strategy'],
    show: (v) => strategyLabel(v.strategy ?? ''),
  },
  { key: 'description', label: 'Description', keys: ['description'] },
  { key: 'oneOffCost', label: 'One-off cost', keys: ['oneOffCost'], show: (v) => pounds(v.oneOffCost) },
  { key: 'yearlyCost', label: 'Yearly cost', keys: ['yearlyCost'], show: (v) => pounds(v.yearlyCost) },
  { key: 'manualWorkaround', label: 'Manual workaround', keys: ['manualWorkaround'] },
  { key: 'invocationCriteria', label: 'When to invoke it', keys: ['invocationCriteria'] },
  { key: 'standbySupplier', label: 'Standby supplier', keys: ['standbySupplier'] },
  { key: 'standbyContract', label: 'Contract', keys: ['standbyContract'] },
  { key: 'standbyContact', label: 'Contact', keys: ['standbyContact'] },
  { key: 'standbyHowToInvoke', label: 'How to invoke', keys: ['standbyHowToInvoke'] },
  {
    key: 'standbyInvokeCost',
    label: 'Cost to invoke',
    keys: ['standbyInvokeCost'],
    show: (v) => pounds(v.standbyInvokeCost),
  },
]

const STRATEGY_OPTIONS = STRATEGIES.map((s) => ({ value: s.value, label: s.label, hint: s.explanation }))

/**
 * Adds a contingency plan for a service (the server opens its page) or edits one, merging with anyone
 * else's save. The strategy is a set of radio buttons, each with its plain explanation beside it.
 */
export function PlanForm({
  initial,
  id,
  version,
  services,
}: {
  initial: FormValues<Field>
  id?: string
  version?: number
  /** For a new plan: the services to choose from. */
  services?: { id: string; name: string }[]
}) {
  const form = useActionForm(id ? updatePlanAction : createPlanAction, {
    initial,
    version,
    groups: GROUPS,
    toValues: toPlanValues,
    success: 'The plan was saved.',
  })
  return (
    <ActionForm
      form={form}
      failureTitle="The plan was not saved"
      createdMessage="The plan was added. Now add its steps."
    >
      {id && <input type="hidden" name="id" value={id} />}
      {services && (
        <Select
          name="serviceId"
          label="Service"
          options={[
            { value: '', label: '— choose a service —' },
            ...services.map((s) => ({ value: s.id, label: s.name })),
          ]}
          fallback=""
        />
      )}
      <Text
        name="name"
        label="What it covers"
        hint='The threat or failure this plan is for, for example "Server failure or ransomware".'
        autoComplete="off"
      />
      <Radios
        name="strategy"
        legend="Recovery strategy"
        hint="Like insurance: cheap plans for minor risks, costly ones for major risks."
        options={STRATEGY_OPTIONS}
      />
      <LongText name="description" label="Description" hint="How the service will be recovered." />
      <div className="grid gap-x-4 sm:grid-cols-2">
        <Text
          name="oneOffCost"
          label="One-off cost (£)"
          inputMode="decimal"
          hint="Leave empty if not yet costed."
        />
        <Text
          name="yearlyCost"
          label="Yearly cost (£)"
          inputMode="decimal"
          hint="Leave empty if not yet costed."
        />
      </div>
      <LongText
        name="manualWorkaround"
        label="Manual workaround"
        hint="What keeps the school running meanwhile: paper registers, a phone cascade."
      />
      <LongText
        name="invocationCriteria"
        label="When to invoke it"
        hint="Who decides, and after how long an outage."
      />
      <fieldset className="mb-4 rounded-md border border-slate-300 p-3">
        <legend className="px-1 text-sm font-semibold">Standby arrangement with a supplier</legend>
        <div className="grid gap-x-4 sm:grid-cols-2">
          <Text name="standbySupplier" label="Supplier" />
          <Text name="standbyContract" label="Contract" hint="Its reference or name." />
        </div>
        <LongText
          name="standbyContact"
          label="Contact"
          hint="Who to call, with numbers that work out of hours."
        />
        <LongText name="standbyHowToInvoke" label="How to invoke it" />
        <Text name="standbyInvokeCost" label="Cost to invoke (£)" inputMode="decimal" />
      </fieldset>
      <SubmitButton>{id ? 'Save changes' : 'Add plan'}</SubmitButton>
    </ActionForm>
  )
}
