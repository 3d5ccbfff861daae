import { randomUUID } from 'node:crypto'
import type { z } from 'zod'
import { Prisma } from '@/lib/generated/prisma/client'
import { can, type Permission } from './permissions'
import { type ActionResult, NOT_FOUND_MESSAGE, Refusal, SCHOOL_STAMP_FIELD } from '@/lib/result'
import type { SchoolContext } from './school-context'

function formValues(input: unknown): Record<string, string> | undefined {
  if (!(input instanceof FormData)) return undefined
  const values: Record<string, string> = {}
  for (const [k, v] of input.entries()) if (typeof v === 'string' && !k.startsWith('$ACTION')) values[k] = v
  return values
}

function formToObject(input: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const key of new Set(input.keys())) {
    if (key.startsWith('$ACTION')) continue
    // Strings and uploaded files; the zod schema decides what each field may be.
    const all = input.getAll(key)
    out[key] = key.endsWith('[]') ? all : all.at(-1)
  }
  return out
}

/**
 * The wrapper's logic without Next's request context, so integration tests can drive it with a
 * context of their choosing. A missing context or permission answers NOT_FOUND: a forbidden request
 * reveals nothing, not even whether the record exists.
 */
export async function runSchoolAction<S extends z.ZodType, T>(
  ctx: SchoolContext | null,
  permission: Permission,
  schema: S,
  handler: (input: z.infer<S>, ctx: SchoolContext) => Promise<T>,
  input: unknown,
): Promise<ActionResult<T>> {
  if (!ctx) return { ok: false, reason: 'UNAUTHENTICATED', message: 'Please sign in again.' }
  if (!can(ctx.role, permission)) return { ok: false, reason: 'NOT_FOUND', message: NOT_FOUND_MESSAGE }
  const values = formValues(input)
  if (input instanceof FormData) {
    const stamp = input.get(SCHOOL_STAMP_FIELD)
    if (typeof stamp === 'string' && stamp !== ctx.schoolId)
      return {
        ok: false,
        reason: 'CONFLICT',
        message: `This page was opened for another school, and you have since switched to ${ctx.schoolName} in another tab. Nothing was saved: reload the page to work in ${ctx.schoolName}.`,
        values,
      }
  }
  const parsed = schema.safeParse(input instanceof FormData ? formToObject(input) : input)
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {}
    for (const issue of parsed.error.issues) {
      const key = issue.path.length ? issue.path.join('.') : '_form'
      fieldErrors[key] = [...(fieldErrors[key] ?? []), issue.message]
    }
    return {
      ok: false,
      reason: 'INVALID',
      message: 'Please correct the highlighted fields.',
      fieldErrors,
      values,
    }
  }
  try {
    return { ok: true, data: await handler(parsed.data, ctx) }
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, reason: e.reason, message: e.message, values, ...e.extra }
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2025')
      return { ok: false, reason: 'NOT_FOUND', message: NOT_FOUND_MESSAGE, values }
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002')
      return { ok: false, reason: 'CONFLICT', message: 'A record with those details already exists.', values }
    // next/navigation's redirect() and notFound() work by throwing; let them through.
    if (
      e &&
      typeof e === 'object' &&
      'digest' in e &&
      String((e as { digest: unknown }).digest).startsWith('NEXT_')
    )
      throw e
    const ref = randomUUID().slice(0, 8)
    console.error(`[action ${permission}] error ref ${ref}`, e)
    return {
      ok: false,
      reason: 'ERROR',
      message: `Something went wrong and nothing was saved (reference ${ref}).`,
      values,
    }
  }
}
