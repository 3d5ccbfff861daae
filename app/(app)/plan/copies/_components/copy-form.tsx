'use client'
import { ActionForm } from '@/components/forms/action-form'
import { LongText, Select, Text } from '@/components/forms/fields'
import type { CompareGroup } from '@/components/forms/use-action-form'
import { useActionForm } from '@/components/forms/use-action-form'
import { SubmitButton } from '@/components/ui/submit-button'
import { createPlanCopyAction, updatePlanCopyAction } from '@/lib/plan-versions/actions'
import { LOCATION_LABELS, LOCATIONS } from '@/lib/plan-versions/schema'

type Field = 'location' | 'holder' | 'teamMemberId' | 'versionNumber' | 'notes'

const GROUPS: CompareGroup<Field>[] = [
  { key: 'location', label: 'Where', keys: ['location'] },
  { key: 'holder', label: 'Held by', keys: ['holder'] },
  { key: 'teamMemberId', label: 'Team member', keys: ['teamMemberId'] },
  { key: 'versionNumber', label: 'Version held', keys: ['versionNumber'] },
  { key: 'notes', label: 'Notes', keys: ['notes'] },
]

/** The stored copy (as the mutation reads it after a stale save) as the form's values. */
const toValues = (c: {
  locationLabel: string
  holder: string
  teamMemberId: string
  versionNumber: string
  notes: string
}) => ({
  location: LOCATIONS.find((l) => LOCATION_LABELS[l] === c.locationLabel) ?? '',
  holder: c.holder,
  teamMemberId: c.teamMemberId,
  versionNumber: c.versionNumber,
  notes: c.notes,
})

/** Records a copy of the plan (the list opens again with it), or changes the record of one. */
export function CopyForm({
  initial,
  members,
  id,
  version,
}: {
  initial: Record<string, string>
  members: { id: string; name: string }[]
  id?: string
  version?: number
}) {
  const form = useActionForm(id ? updatePlanCopyAction : createPlanCopyAction, {
    initial,
    version,
    groups: GROUPS,
    toValues,
    success: 'The copy was saved.',
  })
  return (
    <ActionForm
      form={form}
      failureTitle="The copy was not saved"
      createdMessage="The copy was recorded."
      aria-label={id ? 'Change this copy' : 'Record a copy'}
    >
      {id && <input type="hidden" name="id" value={id} />}
      <div className="grid gap-x-4 sm:grid-cols-2">
        <Select
          name="location"
          label="Where it is kept"
          options={[
            { value: '', label: 'Choose…' },
            ...LOCATIONS.map((l) => ({ value: l, label: LOCATION_LABELS[l] })),
          ]}
        />
        <Text name="holder" label="Held by, or where exactly" hint="For example: the bursar, office safe" />
        <Select
          name="teamMemberId"
          label="Team member holding it"
          options={[
            { value: '', label: 'Nobody on the team' },
            ...members.map((m) => ({ value: m.id, label: m.name })),
          ]}
        />
        <Text name="versionNumber" label="Version held" inputMode="numeric" hint="The number printed on it" />
      </div>
      <LongText name="notes" label="Notes" rows={2} />
      <SubmitButton>{id ? 'Save changes' : 'Record the copy'}</SubmitButton>
    </ActionForm>
  )
}
