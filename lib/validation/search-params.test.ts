import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { choiceParam, flagParam, pageParam, parseSearchParams, queryParam } from './search-params'

const schema = z.object({
  q: queryParam,
  sort: choiceParam(['name', 'updated'] as const, 'name'),
  archived: flagParam,
  page: pageParam,
})

describe('list search parameters', () => {
  it('reads what a list page links to', () => {
    expect(parseSearchParams(schema, { q: ' server ', sort: 'updated', archived: '1', page: '3' })).toEqual({
      q: 'server',
      sort: 'updated',
      archived: true,
      page: 3,
    })
  })
  it('falls back, field by field, for anything a hand-edited or hostile URL can hold', () => {
    const fallback = { q: undefined, sort: 'name', archived: false, page: 1 }
    expect(parseSearchParams(schema, {})).toEqual(fallback)
    expect(parseSearchParams(schema, { sort: 'constructor' })).toEqual(fallback)
    expect(parseSearchParams(schema, { sort: '__proto__', page: '99999999999999999999' })).toEqual(fallback)
    expect(parseSearchParams(schema, { q: '\u0000', page: '-4' })).toEqual(fallback)
    expect(parseSearchParams(schema, { page: '2.5', archived: 'yes' })).toEqual(fallback)
    expect(parseSearchParams(schema, { q: 'x'.repeat(201) })).toEqual(fallback)
  })
  it('counts a repeated parameter once', () => {
    expect(parseSearchParams(schema, { q: ['first', 'second'], page: ['2', '9'] })).toMatchObject({
      q: 'first',
      page: 2,
    })
  })
})
