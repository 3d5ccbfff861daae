import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { type Column, DataTable, listHref } from './data-table'
import { FilterBar } from './filter-bar'

type Row = { id: string; name: string; note: string }
const COLUMNS: Column<Row>[] = [
  { key: 'name', header: 'Name', sort: 'name', cell: (r) => r.name },
  { key: 'note', header: 'Note', hideOnPhone: true, cell: (r) => r.note },
  { key: 'when', header: 'When', sort: 'updated', sortDirection: 'descending', cell: () => 'today' },
]
const table = (rows: Row[], current = 'name') =>
  renderToStaticMarkup(
    createElement(DataTable<Row>, {
      label: 'Things',
      caption: 'Things in the school',
      columns: COLUMNS,
      rows,
      rowKey: (r) => r.id,
      rowTestId: (r) => `thing-${r.id}`,
      empty: 'Nothing yet.',
      sort: { current, href: (s) => listHref('/things', { q: 'x', sort: s }) },
    }),
  )

describe('listHref', () => {
  it('leaves out empty parameters and encodes the rest', () => {
    expect(listHref('/assets', {})).toBe('/assets')
    expect(listHref('/assets', { q: 'a&b', type: undefined, sort: '' })).toBe('/assets?q=a%26b')
  })
})

describe('DataTable', () => {
  it('renders a captioned table in a keyboard-scrollable region, with sort links and phone-hidden columns', () => {
    const html = table([{ id: '1', name: 'File server', note: 'Server room' }])
    expect(html).toContain('aria-label="Things"')
    expect(html).toContain('tabindex="0"')
    expect(html).toContain('<caption class="sr-only">Things in the school</caption>')
    // The current sort is marked, not linked; the other sortable column links to its sort.
    expect(html).toMatch(/<th scope="col" aria-sort="ascending">Name<span aria-hidden="true"/)
    expect(html).toContain('href="/things?q=x&amp;sort=updated"')
    expect(html).toContain('<th scope="col" class="hidden sm:table-cell">Note</th>')
    expect(html).toContain('data-testid="thing-1"')
    expect(html).toContain('<td class="hidden sm:table-cell">Server room</td>')
    // Cell padding and row rules are set once on the table, not on every cell.
    expect(html).toContain('[&amp;_td]:px-3')
    expect(html).not.toMatch(/<td class="px-3/)
  })
  it('says the sort runs downwards when the column says so', () => {
    expect(table([{ id: '1', name: 'a', note: '' }], 'updated')).toContain('aria-sort="descending"')
  })
  it('shows the empty state instead of an empty table', () => {
    const html = table([])
    expect(html).not.toContain('<table')
    expect(html).toContain('Nothing yet.')
  })
})

describe('FilterBar', () => {
  const bar = (active: boolean) =>
    renderToStaticMarkup(
      createElement(FilterBar, {
        label: 'Filter things',
        clearHref: '/things',
        active,
        fields: [
          { kind: 'search', name: 'q', label: 'Search', value: 'laptop "x"' },
          {
            kind: 'select',
            name: 'sort',
            label: 'Sort by',
            value: 'updated',
            options: [
              { value: 'name', label: 'Name' },
              { value: 'updated', label: 'Recently changed' },
            ],
          },
          { kind: 'checkbox', name: 'archived', label: 'Archived only', checked: true },
        ],
      }),
    )
  it('is a GET form whose labelled controls start from the URL', () => {
    const html = bar(true)
    expect(html).toMatch(/^<form [^>]*aria-label="Filter things"/)
    expect(html).toMatch(/^<form [^>]*method="get"/)
    expect(html).toContain('<label for="filter-q"')
    expect(html).toContain('value="laptop &quot;x&quot;"')
    expect(html).toContain('<option value="updated" selected="">Recently changed</option>')
    expect(html).toMatch(/<input id="filter-archived" type="checkbox"[^>]* checked=""/)
    expect(html).toContain('href="/things"')
  })
  it('offers "Clear filters" only when a filter is applied', () => {
    expect(bar(true)).toContain('Clear filters')
    expect(bar(false)).not.toContain('Clear filters')
  })
})
