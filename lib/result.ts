/** What every server action returns: expected outcomes are values, never thrown at the client. */
export type ActionResult<T = undefined> =
  | { ok: true; data: T; message?: string }
  | {
      ok: false
      reason: FailureReason
      message: string
      fieldErrors?: Record<string, string[]>
      /** What the user submitted, so a form can show it again instead of losing their typing. */
      values?: Record<string, string>
      /** For STALE: the record as it is now, so the user can compare it with what they typed. */
      current?: unknown
    }

export type FailureReason = 'UNAUTHENTICATED' | 'NOT_FOUND' | 'INVALID' | 'STALE' | 'CONFLICT' | 'ERROR'

export type Failure = Extract<ActionResult<unknown>, { ok: false }>

/**
 * Thrown inside a mutation to abandon its transaction with an expected outcome (a stale version, a
 * rule broken); the action wrapper turns it into a returned failure.
 */
export class Refusal extends Error {
  constructor(
    readonly reason: Exclude<FailureReason, 'ERROR'>,
    message: string,
    readonly extra: { fieldErrors?: Record<string, string[]>; current?: unknown } = {},
  ) {
    super(message)
    this.name = 'Refusal'
  }
}

export const NOT_FOUND_MESSAGE = 'That record was not found.'
export const STALE_MESSAGE =
  'Someone else changed this record after you opened it. Nothing was saved: compare their version with yours and try again.'

/**
 * The hidden field that forms post with the id of the school they were built for (the signed-in layout
 * sets it; components/ui/form-stamp.tsx posts it). An action refuses a form stamped for a school other
 * than the current one: the user switched school in another tab after opening it.
 */
export const SCHOOL_STAMP_FIELD = '_school'
