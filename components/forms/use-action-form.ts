'use client'
import { useActionState, useState } from 'react'
import { type FormGroup, type Merge, mergeFormValues } from '@/lib/forms/merge'
import type { ActionFailure, ActionResult, FormValues } from '@/lib/result'

/** A server action as a form calls it (useActionState's shape). */
export type FormActionFn<T, K extends string> = (
  prev: ActionResult<T, K> | null,
  formData: FormData,
) => Promise<ActionResult<T, K>>

/** A field of the stale comparison: one or more form keys shown together, with a way to say the value. */
export type CompareGroup<K extends string> = FormGroup<K> & { show?: (values: FormValues<K>) => string }

export type ActionFormOptions<T, K extends string> = {
  /** What the form shows before any submit (the stored record, or a new record's defaults). */
  initial?: FormValues<K>
  /** The version of the stored record the form was built from (edit forms). */
  version?: number
  /** Edit forms: the fields as the person sees them, for comparing and merging after a stale save. */
  groups?: readonly CompareGroup<K>[]
  /** Turns the stored record that a STALE refusal carries into the form's values. */
  toValues?: (current: never) => FormValues<K>
  /** The message after a successful save. */
  success?: string | ((data: T) => string)
}

export type StaleState<K extends string> = {
  version: number
  merge: Merge<K>
}

export type ActionForm<T, K extends string> = {
  action: (formData: FormData) => void
  pending: boolean
  result: ActionResult<T, K> | null
  failure: ActionFailure<K> | null
  /** The success message to show, when the last submit saved. */
  saved: string | null
  /** What each control shows now: after a failure exactly what was submitted, otherwise `initial`. */
  values: FormValues<K>
  errors: (name: K | '_form') => string[] | undefined
  /** Changes on every result, so the form remounts and every control (drop-downs too) shows `values`. */
  key: string
  /** The version the next submit names: after a stale save, the one they saved. */
  version: number | undefined
  /** Set after a stale save: their values, the merge and its conflicts. */
  stale: (StaleState<K> & { showing: boolean }) | null
  /** The action answered NEEDS_CONFIRMATION: the next submit posts confirm=yes. */
  confirming: boolean
  groups: readonly CompareGroup<K>[]
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null

/**
 * The one hook behind every form: runs the action with useActionState, and works out what each control
 * shows after each result. React resets a form after its action, and a drop-down whose defaultValue has
 * not changed falls back to its first option, so the form is re-keyed on every result and each control
 * mounts again with the value the person entered. After a stale save it merges field by field.
 */
export function useActionForm<T, K extends string>(
  action: FormActionFn<T, K>,
  opts: ActionFormOptions<T, K> = {},
): ActionForm<T, K> {
  const [result, formAction, pending] = useActionState<ActionResult<T, K> | null, FormData>(action, null)
  const [seen, setSeen] = useState(result)
  const [round, setRound] = useState(0)
  const [stale, setStale] = useState<StaleState<K> | null>(null)
  // What the form was built from. Not simply `initial`: a stale save refreshes the page, so `initial`
  // already holds their version by the time the result arrives, and the merge needs the values before.
  const [base, setBase] = useState<FormValues<K>>(opts.initial ?? {})

  // Adjusting state while rendering when the result changes (React's pattern for derived state).
  if (result !== seen) {
    setSeen(result)
    setRound((r) => r + 1)
    if (result?.ok) {
      setStale(null)
      // The page was refreshed with what is stored now: that is what the next save starts from.
      setBase(opts.initial ?? {})
    } else if (result?.reason === 'STALE' && opts.toValues && opts.groups && isRecord(result.current)) {
      const theirs = opts.toValues(result.current as never)
      setBase(theirs)
      setStale({
        version: Number(result.current.version),
        merge: mergeFormValues(opts.groups, base, result.values ?? {}, theirs),
      })
    }
  }

  const failure = result && !result.ok ? result : null
  const showingStale = failure?.reason === 'STALE' && stale !== null
  const values: FormValues<K> = showingStale
    ? stale.merge.values
    : (failure?.values ?? opts.initial ?? ({} as FormValues<K>))
  const saved = result?.ok
    ? typeof opts.success === 'function'
      ? opts.success(result.data)
      : (opts.success ?? result.message ?? 'Saved.')
    : null
  return {
    action: formAction,
    pending,
    result,
    failure,
    saved,
    values,
    errors: (name) => failure?.fieldErrors?.[name],
    key: `r${round}`,
    version: stale?.version ?? opts.version,
    stale: stale ? { ...stale, showing: showingStale } : null,
    confirming: failure?.reason === 'NEEDS_CONFIRMATION',
    groups: opts.groups ?? [],
  }
}
