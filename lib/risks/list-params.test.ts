import { describe, expect, it } from 'vitest'
import { parseSearchParams } from '@/lib/validation/search-params'
import { countermeasureListParamsSchema, riskListParamsSchema } from './list-params'

describe('the risk register URL', () => {
  it('reads a heat map cell and the filters', () => {
    expect(
      parseSearchParams(riskListParamsSchema, {
        l: '4',
        i: '5',
        basis: 'residual',
        above: '1',
        rating: 'HIGH',
      }),
    ).toMatchObject({
      l: 4,
      i: 5,
      basis: 'residual',
      above: true,
      rating: 'HIGH',
      status: 'open',
      sort: 'score',
    })
  })

  it('falls back field by field for anything else', () => {
    expect(
      parseSearchParams(riskListParamsSchema, {
        l: '9',
        i: 'x',
        basis: '__proto__',
        rating: 'WORST',
        category: "'; drop",
        status: 'gone',
        page: '-1',
      }),
    ).toEqual({
      q: undefined,
      category: undefined,
      rating: undefined,
      above: false,
      overdue: false,
      service: undefined,
      status: 'open',
      l: undefined,
      i: undefined,
      basis: 'inherent',
      sort: 'score',
      page: 1,
    })
    expect(parseSearchParams(countermeasureListParamsSchema, { status: 'nope', check: 'x' })).toMatchObject({
      status: undefined,
      check: undefined,
    })
  })
})
