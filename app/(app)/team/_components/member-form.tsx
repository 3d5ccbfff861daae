'use client'
import { ActionForm } from '@/components/forms/action-form'
import { Checkbox, Select, Text } from '@/components/forms/fields'
import { useFormContext } from '@/components/forms/form-context'
import { type CompareGroup, useActionForm } from '@/components/forms/use-action-form'
import { SubmitButton } from '@/components/ui/submit-button'
import { createMemberAction, updateMemberAction } from '@/lib/team/actions'
import { ROLE_FIELD_PREFIX } from '@/lib/team/schema'
import { ContactFields } from './contact-fields'
import { CONTACT_GROUPS } from './contact-groups'
import { toMemberValues } from './member-values'

export type RoleOption = { id: string; name: string; builtIn: string | null }
export type LoginOption = { id: string; name: string; email: string }

function RoleChoices({ roles }: { roles: RoleOption[] }) {
  const f = useFormContext()
  const errors = f.errors('roleIds')
  return (
    <fieldset className="mb-4" aria-describedby={errors?.length ? 'f-roleIds-error' : 'f-roleIds-hint'}>
      <legend className="text-base font-bold">Recovery roles they hold</legend>
      <p id="f-roleIds-hint" className="mb-2 text-sm text-slate-600">
        A role with nobody holding it shows as uncovered; with one holder, as a single point of failure.
      </p>
      {errors?.length ? (
        <p id="f-roleIds-error" className="mb-2 text-sm font-semibold text-red-800">
          {errors.join(' ')}
        </p>
      ) : null}
      <div className="grid gap-x-4 sm:grid-cols-2">
        {roles.map((r) => (
          <Checkbox key={r.id} name={`${ROLE_FIELD_PREFIX}${r.id}`} label={r.name} />
        ))}
      </div>
    </fieldset>
  )
}

/** Adds a member (the server opens their page) or edits one, merging with anyone else's save. */
export function MemberForm({
  initial,
  id,
  version,
  roles,
  logins,
}: {
  initial: Record<string, string>
  id?: string
  version?: number
  roles: RoleOption[]
  logins: LoginOption[]
}) {
  const groups: CompareGroup<string>[] = [
    { key: 'name', label: 'Name', keys: ['name'] },
    { key: 'jobTitle', label: 'Job or employer', keys: ['jobTitle'] },
    {
      key: 'membershipId',
      label: 'Portal login',
      keys: ['membershipId'],
      show: (v) => logins.find((l) => l.id === v.membershipId)?.name ?? 'None',
    },
    {
      key: 'systemAccess',
      label: 'Uses the school systems',
      keys: ['systemAccess'],
      show: (v) => (v.systemAccess === 'yes' ? 'Yes' : 'No'),
    },
    {
      key: 'roles',
      label: 'Roles',
      keys: roles.map((r) => `${ROLE_FIELD_PREFIX}${r.id}`),
      show: (v) =>
        roles
          .filter((r) => v[`${ROLE_FIELD_PREFIX}${r.id}`] === 'yes')
          .map((r) => r.name)
          .join(', ') || 'None',
    },
    ...CONTACT_GROUPS,
  ]
  const form = useActionForm(id ? updateMemberAction : createMemberAction, {
    initial,
    version,
    groups,
    toValues: toMemberValues,
    success: 'The team member was saved.',
  })
  return (
    <ActionForm
      form={form}
      failureTitle="The team member was not saved"
      createdMessage="The team member was added."
    >
      {id && <input type="hidden" name="id" value={id} />}
      <div className="grid gap-x-4 sm:grid-cols-2">
        <Text name="name" label="Name" autoComplete="off" />
        <Text
          name="jobTitle"
          label="Job or employer"
          hint="For example: ICT technician; engineer, Acme IT Ltd"
        />
      </div>
      <Select
        name="membershipId"
        label="Portal login"
        hint="Link their login so they can see their own steps and keep their contact details up to date. A supplier's engineer may have none."
        options={[
          { value: '', label: 'None: no portal login' },
          ...logins.map((l) => ({ value: l.id, label: `${l.name} (${l.email})` })),
        ]}
        fallback=""
      />
      <input type="hidden" name="systemAccess" value="no" />
      <Checkbox
        name="systemAccess"
        label="Uses the school's systems"
        hint="Staff and governors with system access need the NCSC cyber security training (DfE risk protection arrangement)."
      />
      <RoleChoices roles={roles} />
      <ContactFields />
      <SubmitButton>{id ? 'Save changes' : 'Add to the team'}</SubmitButton>
    </ActionForm>
  )
}
