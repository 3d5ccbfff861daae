'use client'
import { useRouter } from 'next/navigation'
import { useActionState, useEffect, useId } from 'react'
import { ROLE_LABELS } from '@/lib/auth/permissions'
import { switchSchoolAction } from '@/lib/people/actions'
import type { ActionResult } from '@/lib/result'

type School = { id: string; name: string; role: keyof typeof ROLE_LABELS }

/**
 * Lets a person who serves several schools choose which one they are working in. Choosing in the list
 * changes nothing until "Switch" is pressed (WCAG 3.2.2: a keyboard user arrowing through the options
 * must not be moved to another school on each press), and it works before JavaScript loads.
 */
export function SchoolSwitcher({ schools, currentId }: { schools: School[]; currentId: string }) {
  const id = useId()
  const router = useRouter()
  const [state, action, pending] = useActionState<ActionResult<{ schoolId: string }> | null, FormData>(
    switchSchoolAction,
    null,
  )
  useEffect(() => {
    if (state?.ok) {
      router.push('/')
      router.refresh()
    }
  }, [state, router])
  return (
    <form action={action} className="flex min-w-0 flex-wrap items-center gap-2">
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
      <button
        type="submit"
        disabled={pending}
        className="rounded-md border border-white px-2 py-1 text-sm font-semibold text-white hover:bg-brand-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-400"
      >
        {pending ? 'Switching…' : 'Switch'}
      </button>
      {state && !state.ok && (
        <span role="alert" className="text-sm text-white">
          {state.message}
        </span>
      )}
    </form>
  )
}
