import 'server-only'
import type { z } from 'zod'
import type { ActionResult } from '@/lib/result'
import { getSchoolContext } from './context'
import type { Permission } from './permissions'
import { type ActionHooks, type FieldsOf, runSchoolAction } from './run-action'
import type { SchoolContext } from './school-context'

export type { FieldsOf } from './run-action'

/**
 * The one way a server action reaches data: session -> membership of the current school -> the role's
 * permission -> zod parse -> handler. Use as the body of every 'use server' export; works both as a
 * form action with useActionState (prevState, formData) and called directly with one argument. The
 * result's field errors and values are keyed by the schema's own fields. `refresh` revalidates the
 * pages that show the record, after a save and after a stale refusal (so they show what is stored).
 */
export function schoolAction<S extends z.ZodType, T>(
  permission: Permission,
  schema: S,
  handler: (input: z.infer<S>, ctx: SchoolContext) => Promise<T>,
  hooks: ActionHooks<z.infer<S>, T> = {},
) {
  return async (first: unknown, second?: unknown): Promise<ActionResult<T, FieldsOf<S>>> => {
    const input = second === undefined ? first : second
    return runSchoolAction(await getSchoolContext(), permission, schema, handler, input, hooks)
  }
}
