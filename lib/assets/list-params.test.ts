import { describe, expect, it } from 'vitest'
import { parseSearchParams } from '@/lib/validation/search-params'
import { assetListParamsSchema } from './list-params'

const DEFAULTS = { q: undefined, type: undefined, check: undefined, sort: 'name', archived: false, page: 1 }

describe('assets list parameters', () => {
  it('reads what the filter form and the links send', () => {
    expect(
      parseSearchParams(assetListParamsSchema, {
        q: 'server',
        type: 'HARDWARE',
        check: 'spof',
        sort: 'type',
        archived: '1',
        page: '2',
      }),
    ).toEqual({ q: 'server', type: 'HARDWARE', check: 'spof', sort: 'type', archived: true, page: 2 })
  })
  it('falls back to the first page and the defaults for URLs people should not send', () => {
    for (const raw of [
      { sort: 'constructor' },
      { check: 'constructor' },
      { check: 'hasOwnProperty' },
      { type: 'toString' },
      { type: 'hardware' },
      { page: '99999999999999999999' },
      { page: '0' },
      { q: '\u0000' },
      { q: 'x\u0007y' },
      { archived: 'true' },
    ]) {
      expect(parseSearchParams(assetListParamsSchema, raw), JSON.stringify(raw)).toEqual(DEFAULTS)
    }
  })
  it('takes the first of a repeated parameter', () => {
    expect(
      parseSearchParams(assetListParamsSchema, { q: ['laptop', 'server'], type: ['DATA', 'x'] }),
    ).toMatchObject({
      q: 'laptop',
      type: 'DATA',
    })
  })
})
