'use client'
import { useId } from 'react'
import { useFormStatus } from 'react-dom'
import { plainFormAction } from '@/components/forms/plain-form-action'
import { ROLE_LABELS } from '@/lib/auth/permissions'
import { switchSchoolAction } from '@/lib/people/actions'

type School = { id: string; name: string; role: keyof typeof ROLE_LABELS }

/**
 * Lets a person who serves several schools choose which one they are working in. Choosing in the list
 * changes nothing until "Switch" is pressed (WCAG 3.2.2: a keyboard user arrowing through the options
 * must not be moved to another school on each press), and it works before JavaScript loads.
 *
 * A plain form action with no action state: the action answers by opening the dashboard, of the new
 * school or, when the school is no longer theirs, of the current one with a notice. The banner is on
 * every page, and a stateful action form (useActionState) costs every request (ARCHITECTURE.md, "What a
 * page costs").
 */
export function SchoolSwitcher({ schools, currentId }: { schools: School[]; currentId: string }) {
  const id = useId()
  return (
    <form action={plainFormAction(switchSchoolAction)} className="flex min-w-0 flex-wrap items-center gap-2">
      <label htmlFor={id} className="text-sm text-white">
        School
      </label>
      <select
        id={id}
        name="schoolId"
        defaultValue={currentId}
        key={currentId}
        className="min-w-0 max-w-44 rounded-md border border-white bg-brand-800 px-2 py-1 text-sm text-white sm:max-w-56"
      >
        {schools.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name} ({ROLE_LABELS[s.role]})
          </option>
        ))}
      </select>
      <SwitchButton />
    </form>
  )
}

function SwitchButton() {
  const { pending } = useFormStatus()
  return (
    <button
      type="submit"
      disabled={pending}
      className="rounded-md border border-white px-2 py-1 text-sm font-semibold text-white hover:bg-brand-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-400"
    >
      {pending ? 'Switching…' : 'Switch'}
    </button>
  )
}
