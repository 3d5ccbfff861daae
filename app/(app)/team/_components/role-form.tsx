'use client'
import { ActionForm } from '@/components/forms/action-form'
import { LongText, Text } from '@/components/forms/fields'
import type { CompareGroup } from '@/components/forms/use-action-form'
import { useActionForm } from '@/components/forms/use-action-form'
import { SubmitButton } from '@/components/ui/submit-button'
import { createRoleAction, updateRoleAction } from '@/lib/team/actions'

const GROUPS: CompareGroup<'name' | 'responsibilities'>[] = [
  { key: 'name', label: 'Name', keys: ['name'] },
  { key: 'responsibilities', label: 'Responsibilities', keys: ['responsibilities'] },
]
const toValues = (r: { name: string; responsibilities: string }) => ({
  name: r.name,
  responsibilities: r.responsibilities,
})

/** Adds a role (the server opens its page) or renames it and rewords its responsibilities. */
export function RoleForm({
  initial,
  id,
  version,
  builtIn = false,
}: {
  initial: Record<string, string>
  id?: string
  version?: number
  builtIn?: boolean
}) {
  const form = useActionForm(id ? updateRoleAction : createRoleAction, {
    initial,
    version,
    groups: GROUPS,
    toValues,
    success: 'The role was saved.',
  })
  return (
    <ActionForm form={form} failureTitle="The role was not saved" createdMessage="The role was added.">
      {id && <input type="hidden" name="id" value={id} />}
      {builtIn ? (
        <>
          <input type="hidden" name="name" value={initial.name} />
          <p className="mb-3 text-sm text-slate-700">
            Every school has this role, so its name stays as it is; you can reword its responsibilities.
          </p>
        </>
      ) : (
        <Text
          name="name"
          label="Name"
          autoComplete="off"
          hint="For example: communications lead, site manager"
        />
      )}
      <LongText
        name="responsibilities"
        label="Responsibilities"
        hint="What the person in this role does in a disaster."
      />
      <SubmitButton>{id ? 'Save changes' : 'Add the role'}</SubmitButton>
    </ActionForm>
  )
}
