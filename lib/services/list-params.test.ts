import { describe, expect, it } from 'vitest'
import { parseSearchParams } from '@/lib/validation/search-params'
import { serviceListParamsSchema } from './list-params'

const DEFAULTS = { q: undefined, criticality: undefined, sort: 'priority', archived: false, page: 1 }

describe('services list parameters', () => {
  it('reads what the filter form and the links send', () => {
    expect(
      parseSearchParams(serviceListParamsSchema, {
        q: 'wifi',
        criticality: '2',
        sort: 'rto',
        archived: '1',
        page: '3',
      }),
    ).toEqual({ q: 'wifi', criticality: 2, sort: 'rto', archived: true, page: 3 })
  })
  it('falls back to the first page and the defaults for URLs people should not send', () => {
    for (const raw of [
      { sort: 'constructor' },
      { sort: '__proto__' },
      { sort: ['constructor', 'name'] },
      { page: '99999999999999999999' },
      { q: '\u0000' },
      { criticality: '0' },
      { criticality: '5' },
      { criticality: '1.5' },
      { criticality: '' },
      { criticality: 'constructor' },
    ]) {
      expect(parseSearchParams(serviceListParamsSchema, raw), JSON.stringify(raw)).toEqual(DEFAULTS)
    }
  })
  it('takes the first of a repeated search', () => {
    expect(parseSearchParams(serviceListParamsSchema, { q: ['laptop', 'server'] }).q).toBe('laptop')
  })
})
