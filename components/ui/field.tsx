import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react'

// Styled in globals.css (`field-control`, `field-label`): one short class per control keeps form HTML small.
const CONTROL = 'field-control'

type Common = { name: string; label: string; hint?: string; errors?: string[]; id?: string }

function ids(p: Common) {
  const id = p.id ?? `f-${p.name.replace(/[^a-zA-Z0-9_-]/g, '-')}`
  return { id, hintId: `${id}-hint`, errorId: `${id}-error` }
}

function Frame({ p, children }: { p: Common; children: ReactNode }) {
  const { id, hintId, errorId } = ids(p)
  return (
    <div className="mb-4">
      <label htmlFor={id} className="field-label">
        {p.label}
      </label>
      {p.hint && (
        <p id={hintId} className="text-sm text-slate-600">
          {p.hint}
        </p>
      )}
      {p.errors?.length ? (
        <p id={errorId} className="mt-1 text-sm font-semibold text-red-800">
          {p.errors.join(' ')}
        </p>
      ) : null}
      {children}
    </div>
  )
}

function aria(p: Common) {
  const { id, hintId, errorId } = ids(p)
  const describedBy = [p.hint ? hintId : null, p.errors?.length ? errorId : null].filter(Boolean).join(' ')
  return {
    id,
    'aria-invalid': p.errors?.length ? true : undefined,
    'aria-describedby': describedBy || undefined,
  }
}

/** A labelled input whose hint and error are wired to it for screen readers. */
export function TextField({ label, hint, errors, ...props }: Common & InputHTMLAttributes<HTMLInputElement>) {
  const p = { label, hint, errors, name: props.name, id: props.id }
  return (
    <Frame p={p}>
      <input className={CONTROL} {...props} {...aria(p)} />
    </Frame>
  )
}

export function TextArea({
  label,
  hint,
  errors,
  ...props
}: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const p = { label, hint, errors, name: props.name, id: props.id }
  return (
    <Frame p={p}>
      <textarea className={CONTROL} rows={3} {...props} {...aria(p)} />
    </Frame>
  )
}

export function SelectField({
  label,
  hint,
  errors,
  options,
  ...props
}: Common & SelectHTMLAttributes<HTMLSelectElement> & { options: { value: string; label: string }[] }) {
  const p = { label, hint, errors, name: props.name, id: props.id }
  return (
    <Frame p={p}>
      <select className={CONTROL} {...props} {...aria(p)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Frame>
  )
}
