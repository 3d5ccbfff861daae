import { randomUUID } from 'node:crypto'
import type { z } from 'zod'
import { Prisma } from '@/lib/generated/prisma/client'
import { type ActionResult, NOT_FOUND_MESSAGE, Refusal } from '@/lib/result'

function formToObject(input: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const key of new Set(input.keys())) {
    if (key.startsWith('$ACTION')) continue
    out[key] = input.getAll(key).at(-1)
  }
  return out
}

/**
 * userAction's logic without Next's request context, for tests. Like the school wrapper it returns
 * expected outcomes as values and hides unexpected errors behind a reference; it never echoes what was
 * submitted (these forms hold nothing worth retyping).
 */
export async function runUserAction<S extends z.ZodType, T>(
  userId: string | null,
  schema: S,
  handler: (input: z.infer<S>, user: { userId: string }) => Promise<T>,
  input: unknown,
): Promise<ActionResult<T>> {
  if (!userId) return { ok: false, reason: 'UNAUTHENTICATED', message: 'Please sign in again.' }
  const parsed = schema.safeParse(input instanceof FormData ? formToObject(input) : input)
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {}
    for (const issue of parsed.error.issues) {
      const key = issue.path.length ? issue.path.join('.') : '_form'
      fieldErrors[key] = [...(fieldErrors[key] ?? []), issue.message]
    }
    return { ok: false, reason: 'INVALID', message: 'Please correct the highlighted fields.', fieldErrors }
  }
  try {
    return { ok: true, data: await handler(parsed.data, { userId }) }
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, reason: e.reason, message: e.message, ...e.extra }
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2025')
      return { ok: false, reason: 'NOT_FOUND', message: NOT_FOUND_MESSAGE }
    if (
      e &&
      typeof e === 'object' &&
      'digest' in e &&
      String((e as { digest: unknown }).digest).startsWith('NEXT_')
    )
      throw e
    const ref = randomUUID().slice(0, 8)
    console.error(`[user action] error ref ${ref}`, e)
    return {
      ok: false,
      reason: 'ERROR',
      message: `Something went wrong and nothing was saved (reference ${ref}).`,
    }
  }
}
