import { describe, expect, it } from 'vitest'
import { parseSearchParams } from '@/lib/validation/search-params'
import { teamListParamsSchema } from './list-params'

describe('team list parameters', () => {
  it('reads a good URL', () => {
    expect(
      parseSearchParams(teamListParamsSchema, {
        q: ' sam ',
        role: 'abc_1',
        status: 'left',
        untrained: '1',
        page: '2',
      }),
    ).toEqual({ q: 'sam', role: 'abc_1', status: 'left', untrained: true, page: 2 })
  })

  it('falls back field by field for anything it cannot use', () => {
    expect(
      parseSearchParams(teamListParamsSchema, {
        q: 'a\u0000b',
        role: "x' OR 1=1",
        status: 'constructor',
        untrained: ['1', '0'],
        page: '-3',
      }),
    ).toEqual({ q: undefined, role: undefined, status: 'current', untrained: true, page: 1 })
    expect(parseSearchParams(teamListParamsSchema, {})).toEqual({
      q: undefined,
      role: undefined,
      status: 'current',
      untrained: false,
      page: 1,
    })
  })
})
