import { z } from '@/lib/validation/zod'
import { hasControlCharacter } from './text'

/*
 * List pages read their search parameters through a zod schema built from these parts. Each part
 * falls back on its own (`catch`), so a hand-edited or hostile URL (`?sort=constructor`, a repeated
 * `?q=`, `?page=99999999999999999999`, `?q=%00`) shows the list with the default instead of an error.
 */
export type RawSearchParams = Record<string, string | string[] | undefined>

/** The page number: a whole number from 1; anything else is page 1. Pages past the end show the last. */
export const pageParam = z.coerce.number().int().min(1).max(1_000_000).catch(1)

/** A search box: trimmed, at most 200 characters, without control characters; otherwise no search. */
export const queryParam = z
  .string()
  .max(200)
  .refine((v) => !hasControlCharacter(v))
  .transform((v) => v.trim() || undefined)
  .optional()
  .catch(undefined)

/** One of a fixed set of words (a sort, a filter); anything else is the fallback. */
export function choiceParam<const T extends readonly [string, ...string[]]>(values: T, fallback?: T[number]) {
  return z.enum(values).catch(fallback as T[number])
}

/** A yes/no switch in the URL ("1" is yes). */
export const flagParam = z
  .string()
  .optional()
  .transform((v) => v === '1')
  .catch(false)

/**
 * Parses a page's searchParams with its schema: a repeated parameter counts once (its first value),
 * and each field falls back on its own, so this never throws for any URL.
 */
export function parseSearchParams<S extends z.ZodObject>(schema: S, raw: RawSearchParams): z.infer<S> {
  const single: Record<string, string | undefined> = {}
  // Every field is present, so that each one's fallback applies when the URL leaves it out.
  for (const k of Object.keys(schema.shape)) single[k] = undefined
  for (const [k, v] of Object.entries(raw)) single[k] = Array.isArray(v) ? v[0] : v
  return schema.parse(single)
}
