'use client'
import type { InputHTMLAttributes, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react'
import { SelectField, TextArea, TextField } from '@/components/ui/field'
import { useFormContext } from './form-context'

/*
 * Form fields that take their value and errors from the ActionForm around them, so every control
 * (text, drop-down, radio, checkbox) shows what the person entered after a failed save.
 */

type Base = { name: string; label: string; hint?: string }

/** The element id of a field: the form's prefix and the field's name. */
const fieldId = (prefix: string, name: string) => `${prefix}-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`

export function Text(props: Base & Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'defaultValue'>) {
  const f = useFormContext()
  return (
    <TextField
      id={fieldId(f.idPrefix, props.name)}
      {...props}
      defaultValue={f.values[props.name] ?? ''}
      errors={f.errors(props.name)}
    />
  )
}

export function LongText(
  props: Base & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'name' | 'defaultValue'>,
) {
  const f = useFormContext()
  return (
    <TextArea
      id={fieldId(f.idPrefix, props.name)}
      {...props}
      defaultValue={f.values[props.name] ?? ''}
      errors={f.errors(props.name)}
    />
  )
}

export function Select({
  fallback,
  ...props
}: Base &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'name' | 'defaultValue'> & {
    options: { value: string; label: string }[]
    /** The choice before anything is entered. */
    fallback?: string
  }) {
  const f = useFormContext()
  return (
    <SelectField
      id={fieldId(f.idPrefix, props.name)}
      {...props}
      defaultValue={f.values[props.name] ?? fallback ?? props.options[0]?.value ?? ''}
      errors={f.errors(props.name)}
    />
  )
}

/** A group of radio buttons with a legend; its error is announced with the group. */
export function Radios({
  name,
  legend,
  hint,
  options,
  fallback,
}: {
  name: string
  legend: string
  hint?: string
  options: { value: string; label: string; hint?: string }[]
  fallback?: string
}) {
  const f = useFormContext()
  const errors = f.errors(name)
  const current = f.values[name] ?? fallback
  const id = fieldId(f.idPrefix, name)
  return (
    <fieldset
      className="mb-4"
      aria-describedby={
        [hint ? `${id}-hint` : '', errors?.length ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
      }
    >
      <legend className="text-sm font-semibold">{legend}</legend>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      )}
      {errors?.length ? (
        <p id={`${id}-error`} className="mt-1 text-sm font-semibold text-red-800">
          {errors.join(' ')}
        </p>
      ) : null}
      {options.map((o) => (
        <label key={o.value} className="mt-1 flex items-start gap-2">
          <input
            type="radio"
            name={name}
            value={o.value}
            defaultChecked={current === o.value}
            className="mt-0.5 h-6 w-6 shrink-0"
          />
          <span>
            {o.label}
            {o.hint && <span className="block text-sm text-slate-600">{o.hint}</span>}
          </span>
        </label>
      ))}
    </fieldset>
  )
}

/** A checkbox posting `value` (default "yes") when ticked. */
export function Checkbox({ name, label, hint, value = 'yes' }: Base & { value?: string }) {
  const f = useFormContext()
  const errors = f.errors(name)
  const id = fieldId(f.idPrefix, name)
  return (
    <div className="mb-4">
      <label className="flex items-start gap-2">
        <input
          type="checkbox"
          id={id}
          name={name}
          value={value}
          defaultChecked={f.values[name] === value}
          className="mt-0.5 h-6 w-6 shrink-0"
          aria-describedby={
            [hint ? `${id}-hint` : '', errors?.length ? `${id}-error` : ''].filter(Boolean).join(' ') ||
            undefined
          }
        />
        <span className="font-semibold">{label}</span>
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      )}
      {errors?.length ? (
        <p id={`${id}-error`} className="text-sm font-semibold text-red-800">
          {errors.join(' ')}
        </p>
      ) : null}
    </div>
  )
}
