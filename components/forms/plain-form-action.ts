/**
 * A schoolAction as a plain `<form action>`, for a form that needs no action state. React calls it with
 * the form's data alone, which schoolAction accepts, and ignores what it returns, so such an action must
 * answer by redirecting (schoolAction's `redirect` hook). The same function is returned: the server
 * reference is kept, so the form still posts before JavaScript loads.
 */
export function plainFormAction(
  action: (first: unknown, second?: unknown) => Promise<unknown>,
): (formData: FormData) => Promise<void> {
  return action as unknown as (formData: FormData) => Promise<void>
}
