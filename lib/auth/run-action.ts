import { randomUUID } from 'node:crypto'
import { redirect } from 'next/navigation'
import type { z } from 'zod'
import { Prisma } from '@/lib/generated/prisma/client'
import {
  type ActionResult,
  type FieldErrors,
  type FormValues,
  isSecretField,
  NOT_FOUND_MESSAGE,
  Refusal,
  SCHOOL_STAMP_FIELD,
} from '@/lib/result'
import { can, type Permission } from './permissions'
import type { SchoolContext } from './school-context'

/** The names of a schema's input fields: what a form posts and what its errors and values are keyed by. */
export type FieldsOf<S extends z.ZodType> =
  z.input<S> extends Record<string, unknown> ? Extract<keyof z.input<S>, string> : string

/** What the user posted, to show again after a failure; secrets (passwords) are never sent back. */
function formValues(input: unknown): FormValues | undefined {
  if (!(input instanceof FormData)) return undefined
  const values: Record<string, string> = {}
  for (const [k, v] of input.entries())
    if (typeof v === 'string' && !k.startsWith('$ACTION') && !isSecretField(k)) values[k] = v
  return values
}

export function formToObject(input: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const key of new Set(input.keys())) {
    if (key.startsWith('$ACTION')) continue
    // Strings and uploaded files; the zod schema decides what each field may be.
    const all = input.getAll(key)
    out[key] = key.endsWith('[]') ? all : all.at(-1)
  }
  return out
}

function isNextControlFlow(e: unknown): boolean {
  // next/navigation's redirect() and notFound() work by throwing; they must pass through.
  return Boolean(
    e &&
      typeof e === 'object' &&
      'digest' in e &&
      String((e as { digest: unknown }).digest).startsWith('NEXT_'),
  )
}

export type ActionHooks<I, T> = {
  /** Called after the handler succeeds and after a STALE refusal, so the page shows what is stored now. */
  refresh?: (input: I) => void
  /**
   * Where to go after success (a create opens the new record's page). The redirect is answered by the
   * server, so the form works before JavaScript loads.
   */
  redirect?: (data: T, input: I) => string
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
  hooks: ActionHooks<z.infer<S>, T> = {},
): Promise<ActionResult<T, FieldsOf<S>>> {
  type K = FieldsOf<S>
  if (!ctx) return { ok: false, reason: 'UNAUTHENTICATED', message: 'Please sign in again.' }
  if (!can(ctx.role, permission)) return { ok: false, reason: 'NOT_FOUND', message: NOT_FOUND_MESSAGE }
  const values = formValues(input) as FormValues<K> | undefined
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
  return runParsed(`action ${permission}`, schema, (data) => handler(data, ctx), input, values, hooks)
}

/**
 * The part every wrapper shares once the caller is allowed: zod parse -> handler, with expected outcomes
 * returned as values (field errors, refusals, not found, a clash) and unexpected errors logged behind a
 * reference. `values` is what a failed form shows again (undefined: echo nothing).
 */
export async function runParsed<S extends z.ZodType, T>(
  label: string,
  schema: S,
  handler: (input: z.infer<S>) => Promise<T>,
  input: unknown,
  values: FormValues<FieldsOf<S>> | undefined,
  hooks: ActionHooks<z.infer<S>, T> = {},
): Promise<ActionResult<T, FieldsOf<S>>> {
  type K = FieldsOf<S>
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
      fieldErrors: fieldErrors as FieldErrors<K>,
      values,
    }
  }
  let data: T
  try {
    data = await handler(parsed.data)
    hooks.refresh?.(parsed.data)
  } catch (e) {
    if (isNextControlFlow(e)) {
      hooks.refresh?.(parsed.data)
      throw e
    }
    if (e instanceof Refusal) {
      if (e.reason === 'STALE') hooks.refresh?.(parsed.data)
      return {
        ok: false,
        reason: e.reason,
        message: e.message,
        values,
        fieldErrors: e.extra.fieldErrors as FieldErrors<K> | undefined,
        current: e.extra.current,
      }
    }
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2025')
      return { ok: false, reason: 'NOT_FOUND', message: NOT_FOUND_MESSAGE, values }
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002')
      return { ok: false, reason: 'CONFLICT', message: 'A record with those details already exists.', values }
    const ref = randomUUID().slice(0, 8)
    console.error(`[${label}] error ref ${ref}`, e)
    return {
      ok: false,
      reason: 'ERROR',
      message: `Something went wrong and nothing was saved (reference ${ref}).`,
      values,
    }
  }
  // Outside the try: redirect() works by throwing.
  if (hooks.redirect) redirect(hooks.redirect(data, parsed.data))
  return { ok: true, data }
}
