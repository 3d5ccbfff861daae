'use client'
import { useRouter } from 'next/navigation'
import { useId, useTransition } from 'react'
import { ROLE_LABELS } from '@/lib/auth/permissions'
import { switchSchoolAction } from '@/lib/people/actions'

type School = { id: string; name: string; role: keyof typeof ROLE_LABELS }

/** Lets a person who serves several schools choose which one they are working in. */
export function SchoolSwitcher({ schools, currentId }: { schools: School[]; currentId: string }) {
  const id = useId()
  const router = useRouter()
  const [pending, start] = useTransition()
  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="text-sm text-white">
        School
      </label>
      <select
        id={id}
        defaultValue={currentId}
        disabled={pending}
        onChange={(e) =>
          start(async () => {
            const res = await switchSchoolAction({ schoolId: e.target.value })
            if (res.ok) router.push('/')
            router.refresh()
          })
        }
        className="max-w-56 rounded-md border border-white bg-brand-800 px-2 py-1 text-sm text-white"
      >
        {schools.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name} ({ROLE_LABELS[s.role]})
          </option>
        ))}
      </select>
    </div>
  )
}
