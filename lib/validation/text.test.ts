import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { CONTROL_CHARACTER_MESSAGE, emailAddress, text } from './text'

describe('the shared text schema', () => {
  const optional = text({ max: 10 })
  const required = text({ max: 10, required: 'Give it a name.' })
  const notes = text({ max: 50, multiline: true })

  it('trims, defaults to empty and keeps ordinary text, accents and emoji', () => {
    expect(optional.parse('  Hall  ')).toBe('Hall')
    expect(optional.parse(undefined)).toBe('')
    expect(required.parse('Café ☕')).toBe('Café ☕')
  })
  it('refuses NUL and other control characters with a message for the field', () => {
    for (const bad of ['a\u0000b', '\u001b[31m', 'x\u007f', 'tab\there', 'line\nbreak']) {
      const r = optional.safeParse(bad)
      expect(r.success).toBe(false)
      expect(r.error?.issues[0]?.message).toBe(CONTROL_CHARACTER_MESSAGE)
    }
  })
  it('lets multi-line text keep line breaks and tabs, but not NUL', () => {
    expect(notes.parse('one\r\ntwo\tthree')).toBe('one\r\ntwo\tthree')
    expect(notes.safeParse('one\u0000').success).toBe(false)
  })
  it('says when a required field is empty and when text is too long', () => {
    expect(required.safeParse('   ').error?.issues[0]?.message).toBe('Give it a name.')
    expect(required.safeParse(undefined).error?.issues[0]?.message).toBe('Give it a name.')
    expect(optional.safeParse('x'.repeat(11)).error?.issues[0]?.message).toBe(
      'Keep this under 10 characters.',
    )
  })
  it('reads e-mail addresses and refuses NUL without reaching the database', () => {
    const email = emailAddress()
    expect(email.parse(' Head@School.Example ')).toBe('head@school.example')
    expect(email.safeParse('head\u0000@school.example').success).toBe(false)
    expect(email.safeParse('not an address').success).toBe(false)
    expect(z.object({ email }).safeParse({ email: 7 }).success).toBe(false)
  })
})
