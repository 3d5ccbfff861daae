'use client'
import { useFormContext } from '@/components/forms/form-context'
import { type CheckPrefix, checkName } from '@/lib/risks/schema'

/**
 * A group of checkboxes, one per option, each posted as `<prefix>_<id>=yes` (lib/risks/schema.ts gathers
 * them), so a failed save shows every box as the person left it, without JavaScript.
 */
export function CheckList({
  prefix,
  legend,
  hint,
  options,
  empty,
}: {
  prefix: CheckPrefix
  legend: string
  hint?: string
  options: { id: string; name: string; note?: string }[]
  empty: string
}) {
  const f = useFormContext()
  const id = `f-${prefix}s`
  return (
    <fieldset className="mb-4" aria-describedby={hint ? `${id}-hint` : undefined}>
      <legend className="text-sm font-semibold">{legend}</legend>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      )}
      {options.length === 0 ? (
        <p className="text-sm text-slate-700">{empty}</p>
      ) : (
        <div className="mt-1 grid max-h-64 gap-x-4 overflow-y-auto rounded-md border border-slate-300 p-2 sm:grid-cols-2">
          {options.map((o) => {
            const name = checkName(prefix, o.id)
            return (
              <label key={o.id} className="flex items-start gap-2 py-1">
                <input
                  type="checkbox"
                  name={name}
                  value="yes"
                  defaultChecked={f.values[name] === 'yes'}
                  className="mt-0.5 h-6 w-6 shrink-0"
                />
                <span>
                  {o.name}
                  {o.note && <span className="block text-sm text-slate-600">{o.note}</span>}
                </span>
              </label>
            )
          })}
        </div>
      )}
    </fieldset>
  )
}
