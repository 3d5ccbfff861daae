'use client'
import { ActionForm } from '@/components/forms/action-form'
import { Checkbox, LongText, Radios, Select, Text } from '@/components/forms/fields'
import { type CompareGroup, useActionForm } from '@/components/forms/use-action-form'
import { SubmitButton } from '@/components/ui/submit-button'
import { createBackupAction, updateBackupAction } from '@/lib/backups/actions'
import { LOCATIONS, locationLabel, MEDIA, mediumLabel } from '@/lib/backups/schema'
import type { FormValues } from '@/lib/result'
import { type BackupField, toBackupValues } from './backup-values'

type Field = BackupField

const UNITS = ['minutes', 'hours', 'days', 'weeks'].map((u) => ({ value: u, label: u }))

const GROUPS: CompareGroup<Field>[] = [
  { key: 'name', label: 'What is backed up', keys: ['name'] },
  { key: 'location', label: 'Where', keys: ['location'], show: (v) => locationLabel(v.location ?? '') },
  {
    key: 'offline',
    label: 'Offline',
    keys: ['offline'],
    show: (v) => (v.offline === 'yes' ? 'Offline' : 'Online'),
  },
  { key: 'medium', label: 'Medium', keys: ['medium'], show: (v) => mediumLabel(v.medium ?? '') },
  {
    key: 'frequency',
    label: 'How often',
    keys: ['frequencyValue', 'frequencyUnit'],
    show: (v) => `every ${v.frequencyValue ?? ''} ${v.frequencyUnit ?? ''}`,
  },
  { key: 'retention', label: 'Kept for', keys: ['retention'] },
  { key: 'notes', label: 'Notes', keys: ['notes'] },
]

type Option = { value: string; label: string }

/** Records a backup copy (the server opens its page) or edits one, merging with anyone else's save. */
export function BackupForm({
  initial,
  id,
  version,
  subjects,
}: {
  initial: FormValues<Field>
  id?: string
  version?: number
  subjects?: { data: Option[]; services: Option[]; otherAssets: Option[] }
}) {
  const form = useActionForm(id ? updateBackupAction : createBackupAction, {
    initial,
    version,
    groups: GROUPS,
    toValues: toBackupValues,
    success: 'The backup was saved.',
  })
  return (
    <ActionForm form={form} failureTitle="The backup was not saved" createdMessage="The backup was recorded.">
      {id && <input type="hidden" name="id" value={id} />}
      {subjects && (
        <Select
          name="subject"
          label="Backup of"
          hint="The data asset or service whose data this copy holds."
          options={[
            { value: '', label: '— choose —' },
            ...subjects.data.map((o) => ({ ...o, label: `Data: ${o.label}` })),
            ...subjects.services.map((o) => ({ ...o, label: `Service: ${o.label}` })),
            ...subjects.otherAssets.map((o) => ({ ...o, label: `Asset: ${o.label}` })),
          ]}
          fallback=""
        />
      )}
      <Text
        name="name"
        label="What is backed up"
        hint='For example "MIS database and documents, nightly".'
        autoComplete="off"
      />
      <Radios name="location" legend="Where the copy is kept" options={[...LOCATIONS]} fallback="ON_SITE" />
      <Checkbox
        name="offline"
        label="This copy is offline"
        hint="Disconnected from the school's network when not in use (a rotated disk, tape, an immutable cloud copy), so ransomware cannot reach it."
      />
      <Select name="medium" label="Medium" options={[...MEDIA]} fallback="DISK" />
      <fieldset className="mb-2">
        <legend className="text-sm font-semibold">How often a new copy is made</legend>
        <div className="flex flex-wrap gap-3">
          <div className="w-32">
            <Text name="frequencyValue" label="Every" inputMode="decimal" />
          </div>
          <div className="w-40">
            <Select name="frequencyUnit" label="Unit" options={UNITS} fallback="days" />
          </div>
        </div>
      </fieldset>
      <Text name="retention" label="How long copies are kept" hint='For example "30 daily, 12 monthly".' />
      <LongText name="notes" label="Notes" />
      <SubmitButton>{id ? 'Save changes' : 'Record backup'}</SubmitButton>
    </ActionForm>
  )
}
