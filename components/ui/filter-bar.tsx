'use client'

// A client component: its props are plain data, so the page's React payload carries the fields, not the
// form's markup (see ARCHITECTURE.md, "What a page costs").
import Link from 'next/link'
import { buttonClass } from './button'

/** One control of a FilterBar; its value is the one the page read from the URL. */
export type FilterField =
  | { kind: 'search'; name: string; label: string; value?: string }
  | {
      kind: 'select'
      name: string
      label: string
      value?: string
      options: readonly { value: string; label: string }[]
    }
  | { kind: 'checkbox'; name: string; label: string; checked: boolean }

const CONTROL = 'mt-1 block max-w-full rounded-md border border-slate-500 bg-white px-2 py-1.5'
const LABEL = 'block text-sm font-semibold'

/**
 * The filters above a list: a GET form, so it works without JavaScript and the URL says what is shown.
 * Each control starts from the value in the URL, and "Clear filters" goes back to the plain list.
 */
export function FilterBar({
  label,
  fields,
  clearHref,
  active,
}: {
  /** The form's accessible name ("Filter assets"). */
  label: string
  fields: FilterField[]
  /** The list with no filters. */
  clearHref: string
  /** Whether any filter is applied (the "Clear filters" link shows only then). */
  active: boolean
}) {
  // Keyed by the values, so that moving between filtered URLs in the app (a link, Back) shows the new
  // values: uncontrolled inputs keep what they hold when the server sends a different default.
  const key = JSON.stringify(fields.map((f) => (f.kind === 'checkbox' ? f.checked : (f.value ?? ''))))
  return (
    <form
      key={key}
      method="get"
      aria-label={label}
      className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-300 bg-white p-3"
    >
      {fields.map((f) => {
        const id = `filter-${f.name}`
        if (f.kind === 'checkbox') {
          return (
            <div key={f.name} className="flex items-center gap-2 pb-2">
              <input
                id={id}
                name={f.name}
                type="checkbox"
                value="1"
                defaultChecked={f.checked}
                className="h-5 w-5"
              />
              <label htmlFor={id} className="text-sm font-semibold">
                {f.label}
              </label>
            </div>
          )
        }
        return (
          <div key={f.name} className="max-w-full min-w-0">
            <label htmlFor={id} className={LABEL}>
              {f.label}
            </label>
            {f.kind === 'search' ? (
              <input
                id={id}
                name={f.name}
                type="search"
                maxLength={200}
                defaultValue={f.value ?? ''}
                className={CONTROL}
              />
            ) : (
              <select id={id} name={f.name} defaultValue={f.value ?? ''} className={CONTROL}>
                {f.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            )}
          </div>
        )
      })}
      <div className="flex items-center gap-3">
        <button type="submit" className={buttonClass('secondary')}>
          Apply
        </button>
        {active && (
          <Link href={clearHref} className="pb-1 text-sm font-semibold text-brand-700 underline">
            Clear filters
          </Link>
        )}
      </div>
    </form>
  )
}
