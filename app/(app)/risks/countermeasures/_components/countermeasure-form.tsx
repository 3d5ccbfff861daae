'use client'
import { ActionForm } from '@/components/forms/action-form'
import { LongText, Radios, Select, Text } from '@/components/forms/fields'
import { type CompareGroup, useActionForm } from '@/components/forms/use-action-form'
import { SubmitButton } from '@/components/ui/submit-button'
import { createCountermeasureAction, updateCountermeasureAction } from '@/lib/risks/actions'
import {
  COUNTERMEASURE_KINDS,
  COUNTERMEASURE_STATUSES,
  checkName,
  FITS_PROCESSES,
  labelOf,
} from '@/lib/risks/schema'
import { CheckList } from '../../_components/check-list'
import { storedCountermeasureValues } from './countermeasure-values'

type RiskChoice = { id: string; title: string; status: string }

function groups(risks: RiskChoice[]): CompareGroup<string>[] {
  return [
    { key: 'title', label: 'Title', keys: ['title'] },
    { key: 'description', label: 'Description', keys: ['description'] },
    {
      key: 'risks',
      label: 'Risks it reduces',
      keys: risks.map((r) => checkName('risk', r.id)),
      show: (v) =>
        risks
          .filter((r) => v[checkName('risk', r.id)] === 'yes')
          .map((r) => r.title)
          .join(', ') || 'none',
    },
    { key: 'kind', label: 'Kind', keys: ['kind'], show: (v) => labelOf(COUNTERMEASURE_KINDS, v.kind ?? '') },
    {
      key: 'process',
      label: 'FITS process',
      keys: ['process'],
      show: (v) => labelOf(FITS_PROCESSES, v.process ?? ''),
    },
    { key: 'owner', label: 'Owner', keys: ['owner'] },
    {
      key: 'status',
      label: 'Status',
      keys: ['status'],
      show: (v) => labelOf(COUNTERMEASURE_STATUSES, v.status ?? ''),
    },
    { key: 'dueOn', label: 'Due', keys: ['dueOn'] },
    { key: 'costPounds', label: 'Cost', keys: ['costPounds'] },
    { key: 'lastVerifiedOn', label: 'Last verified', keys: ['lastVerifiedOn'] },
    { key: 'verificationNote', label: 'How it was verified', keys: ['verificationNote'] },
  ]
}

/** Adds a countermeasure (the server opens its page) or edits one, merging with anyone else's save. */
export function CountermeasureForm({
  initial,
  risks,
  id,
  version,
}: {
  initial: Record<string, string>
  risks: RiskChoice[]
  id?: string
  version?: number
}) {
  const form = useActionForm(id ? updateCountermeasureAction : createCountermeasureAction, {
    initial,
    version,
    groups: groups(risks),
    toValues: storedCountermeasureValues,
    success: 'The countermeasure was saved.',
  })
  const offered = risks
    .filter((r) => r.status === 'OPEN' || initial[checkName('risk', r.id)] === 'yes')
    .map((r) => ({ id: r.id, name: r.status === 'OPEN' ? r.title : `${r.title} (closed)` }))
  return (
    <ActionForm
      form={form}
      failureTitle="The countermeasure was not saved"
      createdMessage="The countermeasure was added."
    >
      {id && <input type="hidden" name="id" value={id} />}
      <Text name="title" label="Title" autoComplete="off" />
      <LongText name="description" label="Description" />
      <CheckList
        prefix="risk"
        legend="Risks it reduces"
        options={offered}
        empty="The register has no open risks yet."
      />
      <Radios
        name="kind"
        legend="Kind"
        options={COUNTERMEASURE_KINDS.map((k) => ({ value: k.value, label: k.label, hint: k.description }))}
        fallback="PREVENT"
      />
      <Select
        name="process"
        label="FITS process"
        hint="The process it belongs to, and what that process contributes to continuity"
        options={FITS_PROCESSES.map((p) => ({ value: p.value, label: `${p.label}: ${p.contributes}` }))}
        fallback="AVAILABILITY"
      />
      <div className="grid gap-x-4 sm:grid-cols-2">
        <Text name="owner" label="Owner" />
        <Select
          name="status"
          label="Status"
          options={COUNTERMEASURE_STATUSES.map((s) => ({ value: s.value, label: s.label }))}
          fallback="PLANNED"
        />
        <Text name="dueOn" label="Due" type="date" hint="When it should be in place" />
        <Text name="costPounds" label="Cost (£)" inputMode="decimal" hint="Whole pounds, if known" />
        <Text
          name="lastVerifiedOn"
          label="Last verified"
          type="date"
          hint="The day someone checked it works"
        />
      </div>
      <LongText
        name="verificationNote"
        label="How it was verified"
        hint="For example: restored a file from last night's copy"
      />
      <SubmitButton>{id ? 'Save changes' : 'Add countermeasure'}</SubmitButton>
    </ActionForm>
  )
}
