import { z } from '@/lib/validation/zod'

/*
 * The one text schema every text input goes through. Control characters (NUL and friends) are refused
 * with a message beside the field: PostgreSQL cannot store NUL in text, and the rest are never typed by
 * a person. Multi-line text may keep line breaks and tabs.
 */
const TAB = 9
const LINE_FEED = 10
const CARRIAGE_RETURN = 13
export const CONTROL_CHARACTER_MESSAGE =
  'This contains a hidden control character (often pasted from another program): retype it.'

type TextOptions = {
  /** Longest allowed, after trimming. */
  max: number
  /** When set, the field is required and this is the message for an empty one. */
  required?: string
  /** Allow line breaks and tabs (text areas). */
  multiline?: boolean
  /** The message when the text is too long. */
  tooLong?: string
}

/** True when the text holds a character no person types (NUL, escape, ...). */
export function hasControlCharacter(value: string, multiline = false): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i)
    if (c >= 32 && c !== 127) continue
    if (multiline && (c === TAB || c === LINE_FEED || c === CARRIAGE_RETURN)) continue
    return true
  }
  return false
}

/**
 * A trimmed text field: optional (empty string when left blank) unless `required` gives the message
 * for an empty one; refuses control characters and text over `max` characters.
 */
export function text(opts: TextOptions) {
  const base = z
    .string({ message: opts.required ?? 'Enter text here.' })
    .refine((v) => !hasControlCharacter(v, opts.multiline), CONTROL_CHARACTER_MESSAGE)
    .transform((v) => v.trim())
    .pipe(
      z
        .string()
        .max(opts.max, opts.tooLong ?? `Keep this under ${opts.max} characters.`)
        .min(opts.required ? 1 : 0, opts.required ?? ''),
    )
  return opts.required ? base : base.default('')
}

/** An e-mail address, lower-cased; refuses control characters before anything else looks at it. */
export function emailAddress(message = 'Enter an e-mail address like name@school.sch.uk.') {
  return z
    .string({ message })
    .refine((v) => !hasControlCharacter(v), message)
    .transform((v) => v.trim().toLowerCase())
    .pipe(z.email({ message }).max(254, message))
}
