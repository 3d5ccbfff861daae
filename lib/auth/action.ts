import 'server-only'
import type { z } from 'zod'
import { getSchoolContext } from './context'
import type { Permission } from './permissions'
import type { ActionResult } from '@/lib/result'
import { runSchoolAction } from './run-action'
import type { SchoolContext } from './school-context'

/**
 * The one way a server action reaches data: session -> membership of the current school -> the role's
 * permission -> zod parse -> handler. Use as the body of every 'use server' export; works both as a
 * form action with useActionState (prevState, formData) and called directly with one argument.
 */
export function schoolAction<S extends z.ZodType, T>(
  permission: Permission,
  schema: S,
  handler: (input: z.infer<S>, ctx: SchoolContext) => Promise<T>,
) {
  return async (first: unknown, second?: unknown): Promise<ActionResult<T>> => {
    const input = second === undefined ? first : second
    return runSchoolAction(await getSchoolContext(), permission, schema, handler, input)
  }
}
