'use client'
import { ActionForm } from '@/components/forms/action-form'
import { LongText, Radios, Select, Text } from '@/components/forms/fields'
import { type CompareGroup, useActionForm } from '@/components/forms/use-action-form'
import { SubmitButton } from '@/components/ui/submit-button'
import { createRiskAction, updateRiskAction } from '@/lib/risks/actions'
import { type CheckPrefix, checkName } from '@/lib/risks/schema'
import { IMPACT_SCALE, LIKELIHOOD_LEVELS } from '@/lib/risks/scoring'
import { CheckList } from './check-list'
import { type RiskLike, storedRiskValues } from './risk-values'

type Option = { id: string; name: string; retiredAt?: Date | null }
export type RiskFormOptionLists = {
  categories: Option[]
  threats: Option[]
  services: Option[]
  assets: Option[]
}

const levelOptions = (levels: readonly { value: number; label: string; description: string }[]) =>
  levels.map((l) => ({ value: String(l.value), label: `${l.value}. ${l.label}`, hint: l.description }))
const LIKELIHOOD = levelOptions(LIKELIHOOD_LEVELS)
const IMPACT = levelOptions(IMPACT_SCALE)
const NOT_ASSESSED = { value: '', label: 'Not assessed yet', hint: 'Until its countermeasures are in place.' }

const levelWord = (levels: readonly { value: number; label: string }[], v: string | undefined) =>
  levels.find((l) => String(l.value) === v)?.label ?? 'not assessed'

/** The fields as the person sees them, for comparing and merging after someone else saved. */
function groups(o: RiskFormOptionLists): CompareGroup<string>[] {
  const list = (prefix: CheckPrefix, label: string, opts: Option[]): CompareGroup<string> => ({
    key: prefix,
    label,
    keys: opts.map((x) => checkName(prefix, x.id)),
    show: (v) =>
      opts
        .filter((x) => v[checkName(prefix, x.id)] === 'yes')
        .map((x) => x.name)
        .join(', ') || 'none',
  })
  return [
    { key: 'title', label: 'Title', keys: ['title'] },
    { key: 'description', label: 'Description', keys: ['description'] },
    {
      key: 'categoryId',
      label: 'Category',
      keys: ['categoryId'],
      show: (v) => o.categories.find((c) => c.id === v.categoryId)?.name ?? '',
    },
    list('threat', 'Threats', o.threats),
    list('service', 'Services at risk', o.services),
    list('asset', 'Assets at risk', o.assets),
    {
      key: 'likelihood',
      label: 'Likelihood',
      keys: ['likelihood'],
      show: (v) => levelWord(LIKELIHOOD_LEVELS, v.likelihood),
    },
    { key: 'impact', label: 'Impact', keys: ['impact'], show: (v) => levelWord(IMPACT_SCALE, v.impact) },
    {
      key: 'residual',
      label: 'Residual likelihood and impact',
      keys: ['residualLikelihood', 'residualImpact'],
      show: (v) =>
        `${levelWord(LIKELIHOOD_LEVELS, v.residualLikelihood)} likelihood, ${levelWord(IMPACT_SCALE, v.residualImpact)} impact`,
    },
    { key: 'owner', label: 'Owner', keys: ['owner'] },
    { key: 'nextReviewOn', label: 'Next review', keys: ['nextReviewOn'] },
  ]
}

/** Live options, and any retired one the risk already has (so it is not lost by saving). */
const offered = (opts: Option[], keep: (id: string) => boolean) =>
  opts
    .filter((x) => !x.retiredAt || keep(x.id))
    .map((x) => ({ id: x.id, name: x.retiredAt ? `${x.name} (retired)` : x.name }))

/** Adds a risk (the server opens its page) or edits one, merging with anyone else's save. */
export function RiskForm({
  initial,
  options,
  id,
  version,
}: {
  initial: Record<string, string>
  options: RiskFormOptionLists
  id?: string
  version?: number
}) {
  const form = useActionForm(id ? updateRiskAction : createRiskAction, {
    initial,
    version,
    groups: groups(options),
    toValues: (current: RiskLike & { name?: string }) => storedRiskValues(current),
    success: 'The risk was saved.',
  })
  const had = (prefix: CheckPrefix) => (x: string) => initial[checkName(prefix, x)] === 'yes'
  const categories = offered(options.categories, (x) => initial.categoryId === x)
  return (
    <ActionForm form={form} failureTitle="The risk was not saved" createdMessage="The risk was added.">
      {id && <input type="hidden" name="id" value={id} />}
      <Text name="title" label="Title" hint="What could happen, in a few words" autoComplete="off" />
      <LongText name="description" label="Description" />
      <Select
        name="categoryId"
        label="Category"
        options={[
          { value: '', label: 'Choose a category' },
          ...categories.map((c) => ({ value: c.id, label: c.name })),
        ]}
        fallback=""
      />
      <CheckList
        prefix="threat"
        legend="Threats"
        hint="What could cause it"
        options={offered(options.threats, had('threat'))}
        empty="No threats are recorded: load the FITS defaults on the settings page."
      />
      <CheckList
        prefix="service"
        legend="Services at risk"
        options={offered(options.services, had('service'))}
        empty="No services are recorded yet."
      />
      <CheckList
        prefix="asset"
        legend="Assets at risk"
        options={offered(options.assets, had('asset'))}
        empty="No assets are recorded yet."
      />
      <div className="grid gap-x-6 md:grid-cols-2">
        <Radios
          name="likelihood"
          legend="Likelihood"
          hint="How likely it is to happen, before any countermeasures"
          options={LIKELIHOOD}
          fallback="3"
        />
        <Radios
          name="impact"
          legend="Impact"
          hint="How bad it would be for the school"
          options={IMPACT}
          fallback="3"
        />
      </div>
      <div className="grid gap-x-6 md:grid-cols-2">
        <Radios
          name="residualLikelihood"
          legend="Residual likelihood"
          hint="Once its countermeasures are in place"
          options={[NOT_ASSESSED, ...LIKELIHOOD]}
          fallback=""
        />
        <Radios
          name="residualImpact"
          legend="Residual impact"
          hint="Once its countermeasures are in place"
          options={[NOT_ASSESSED, ...IMPACT]}
          fallback=""
        />
      </div>
      <div className="grid gap-x-4 sm:grid-cols-2">
        <Text name="owner" label="Owner" hint="Who keeps an eye on it" />
        <Text name="nextReviewOn" label="Next review" type="date" hint="The day it is next looked at" />
      </div>
      <SubmitButton>{id ? 'Save changes' : 'Add risk'}</SubmitButton>
    </ActionForm>
  )
}
