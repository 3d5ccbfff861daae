'use client'
import { ActionForm } from '@/components/forms/action-form'
import { Text } from '@/components/forms/fields'
import { useActionForm } from '@/components/forms/use-action-form'
import { SubmitButton } from '@/components/ui/submit-button'
import {
  createCategoryAction,
  createThreatAction,
  retireCategoryAction,
  retireThreatAction,
  updateCategoryAction,
  updateThreatAction,
} from '@/lib/risks/actions'

type Item = { id: string; name: string; description: string; retiredAt: Date | null; version: number }
const ACTIONS = {
  category: { create: createCategoryAction, update: updateCategoryAction, retire: retireCategoryAction },
  threat: { create: createThreatAction, update: updateThreatAction, retire: retireThreatAction },
}
const GROUPS = [
  { key: 'name', label: 'Name', keys: ['name'] as const },
  { key: 'description', label: 'Description', keys: ['description'] as const },
]

function Row({ kind, item }: { kind: 'category' | 'threat'; item: Item }) {
  const rename = useActionForm(ACTIONS[kind].update, {
    initial: { name: item.name, description: item.description },
    version: item.version,
    groups: GROUPS,
    toValues: (c: Item) => ({ name: c.name, description: c.description }),
    success: 'Saved.',
  })
  const retire = useActionForm(ACTIONS[kind].retire, { version: item.version })
  const retired = Boolean(item.retiredAt)
  return (
    <li className="border-t border-slate-200 py-3" data-testid={`${kind}-${item.name}`}>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <ActionForm
          form={rename}
          failureTitle="Not saved"
          aria-label={`Rename ${item.name}`}
          className="min-w-0 grow basis-80"
        >
          <input type="hidden" name="id" value={item.id} />
          <div className="grid gap-x-3 sm:grid-cols-2">
            <Text name="name" label={retired ? 'Name (retired)' : 'Name'} id={`${kind}-${item.id}-name`} />
            <Text name="description" label="Description" id={`${kind}-${item.id}-description`} />
          </div>
          <SubmitButton variant="secondary">Save</SubmitButton>
        </ActionForm>
        <ActionForm
          form={retire}
          failureTitle="Not changed"
          showSaved={false}
          aria-label={`Retire ${item.name}`}
        >
          <input type="hidden" name="id" value={item.id} />
          <input type="hidden" name="retired" value={retired ? 'no' : 'yes'} />
          <SubmitButton variant={retired ? 'secondary' : 'danger'}>
            {retired ? `Bring back ${item.name}` : `Retire ${item.name}`}
          </SubmitButton>
        </ActionForm>
      </div>
    </li>
  )
}

/** The categories or threats: each renamed in place or retired, and a form to add another. */
export function NamedList({ kind, items }: { kind: 'category' | 'threat'; items: Item[] }) {
  const add = useActionForm(ACTIONS[kind].create, { success: 'Added.' })
  return (
    <>
      <ul>
        {items.map((item) => (
          <Row key={item.id} kind={kind} item={item} />
        ))}
      </ul>
      <div className="mt-3 border-t border-slate-300 pt-3">
        <ActionForm form={add} failureTitle="Not added" aria-label={`Add a ${kind}`}>
          <div className="grid gap-x-3 sm:grid-cols-2">
            <Text
              name="name"
              label={kind === 'category' ? 'New category' : 'New threat'}
              id={`new-${kind}-name`}
            />
            <Text name="description" label="Description" id={`new-${kind}-description`} />
          </div>
          <SubmitButton>{kind === 'category' ? 'Add category' : 'Add threat'}</SubmitButton>
        </ActionForm>
      </div>
    </>
  )
}
