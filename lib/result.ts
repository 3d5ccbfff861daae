/*
 * What every server action returns. Expected outcomes are values, never thrown at the client; the types
 * are keyed by the form's own fields, so a form reads `fieldErrors.rtoValue` and a typo fails typecheck.
 */

export type FailureReason =
  | 'UNAUTHENTICATED'
  | 'NOT_FOUND'
  | 'INVALID'
  | 'STALE'
  | 'CONFLICT'
  /** The change is allowed but has consequences the user must see first; posting `confirm=yes` goes on. */
  | 'NEEDS_CONFIRMATION'
  | 'ERROR'

/** Errors per field; `_form` holds those that belong to no one field. */
export type FieldErrors<K extends string = string> = Partial<Record<K | '_form', string[]>>
/** What a form posted, as strings, so it can show them again instead of losing the user's typing. */
export type FormValues<K extends string = string> = Partial<Record<K, string>>

export type ActionFailure<K extends string = string> = {
  ok: false
  reason: FailureReason
  message: string
  fieldErrors?: FieldErrors<K>
  values?: FormValues<K>
  /** For STALE: the record as it is now, so the user can compare it with what they typed and merge. */
  current?: unknown
}

export type ActionSuccess<T> = { ok: true; data: T; message?: string }

export type ActionResult<T = undefined, K extends string = string> = ActionSuccess<T> | ActionFailure<K>

/** Legacy name for a failure of any form. */
export type Failure = ActionFailure

/**
 * Thrown inside a mutation to abandon its transaction with an expected outcome (a stale version, a
 * rule broken, a consequence to confirm); the action wrapper turns it into a returned failure.
 */
export class Refusal extends Error {
  constructor(
    readonly reason: Exclude<FailureReason, 'ERROR' | 'UNAUTHENTICATED'>,
    message: string,
    readonly extra: { fieldErrors?: Record<string, string[]>; current?: unknown } = {},
  ) {
    super(message)
    this.name = 'Refusal'
  }
}

export const NOT_FOUND_MESSAGE = 'That record was not found.'
export const STALE_MESSAGE =
  'Someone else changed this record after you opened it. Nothing was saved: compare their version with yours.'

/**
 * The hidden field that forms post with the id of the school they were built for (the signed-in layout
 * sets it; components/ui/form-stamp.tsx posts it). An action refuses a form stamped for a school other
 * than the current one: the user switched school in another tab after opening it.
 */
export const SCHOOL_STAMP_FIELD = '_school'

/** Fields whose value is never sent back to the browser, even on failure. */
export function isSecretField(name: string): boolean {
  return /password|secret|token/i.test(name)
}
