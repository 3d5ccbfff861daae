import type { z } from 'zod'
import { type FieldsOf, runParsed } from '@/lib/auth/run-action'
import type { ActionResult } from '@/lib/result'

/**
 * userAction's logic without Next's request context, for tests: signed in -> the shared parse and
 * outcome handling of the school wrapper (lib/auth/run-action.ts). It never echoes what was submitted
 * (these forms hold nothing worth retyping).
 */
export async function runUserAction<S extends z.ZodType, T>(
  userId: string | null,
  schema: S,
  handler: (input: z.infer<S>, user: { userId: string }) => Promise<T>,
  input: unknown,
): Promise<ActionResult<T, FieldsOf<S>>> {
  if (!userId) return { ok: false, reason: 'UNAUTHENTICATED', message: 'Please sign in again.' }
  return runParsed('user action', schema, (data) => handler(data, { userId }), input, undefined)
}
