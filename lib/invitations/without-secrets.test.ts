import { describe, expect, it } from 'vitest'
import { withoutSecrets } from './without-secrets'

describe('withoutSecrets', () => {
  it('keeps what may be shown again and drops every password field', () => {
    const r = withoutSecrets({
      ok: false,
      reason: 'INVALID',
      message: 'm',
      values: { name: 'Ann', password: 'secret one', newPassword: 'secret two' },
    })
    expect(r).toEqual({ ok: false, reason: 'INVALID', message: 'm', values: { name: 'Ann' } })
  })
  it('leaves a success alone', () => {
    expect(withoutSecrets({ ok: true, data: 1 })).toEqual({ ok: true, data: 1 })
  })
})
