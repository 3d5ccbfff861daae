import type { ActionResult } from '@/lib/result'

/**
 * Drops every password field from what a failed action sends back. The wrapper echoes submitted values
 * so a form can show them again; a password must never travel back to the browser (it would sit in the
 * page's state and in any log of responses). Kept here as well as in the wrapper, as a second lock for
 * the one form that carries a password.
 */
export function withoutSecrets<T>(result: ActionResult<T>): ActionResult<T> {
  if (result.ok || !result.values) return result
  const values = Object.fromEntries(Object.entries(result.values).filter(([k]) => !/password/i.test(k)))
  return { ...result, values }
}
