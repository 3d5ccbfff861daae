import Link from 'next/link'
import type { ReactNode } from 'react'
import { TableScroll } from './table-scroll'

/** One column of a DataTable: what its header says and what each row shows in it. */
export type Column<T> = {
  /** Unique within the table (React key). */
  key: string
  header: ReactNode
  cell: (row: T) => ReactNode
  /** The `?sort=` value the header links to; the header shows which column the list is sorted by. */
  sort?: string
  /** Which way that sort runs, for screen readers (aria-sort); most lists sort upwards. */
  sortDirection?: 'ascending' | 'descending'
  /** Left out below the small breakpoint: show what matters from it in another cell on a phone. */
  hideOnPhone?: boolean
  /** Extra classes for this column's cells (not the header). */
  className?: string
}

/** A URL for a list page with these parameters; empty ones are left out, so links stay short. */
export function listHref(basePath: string, params: Record<string, string | undefined>) {
  const q = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => Boolean(e[1])))
  const s = q.toString()
  return s ? `${basePath}?${s}` : basePath
}

// Cell padding and row rules are set once on the table, not repeated on every cell: a list's HTML (and
// the React payload beside it) is rendered on every request, and the repeated class strings were a third
// of it.
const TABLE =
  'w-full text-left text-sm [&_td]:px-3 [&_td]:py-2 [&_th]:px-3 [&_th]:py-2 [&_tbody_tr]:border-t [&_tbody_tr]:border-slate-200 [&_tbody_tr]:align-top'
const phone = (hide?: boolean) => (hide ? 'hidden sm:table-cell' : undefined)

/**
 * A list as a table: a caption for screen readers, column definitions, a region that scrolls sideways
 * by keyboard on a phone, and an empty state in place of the table when there are no rows.
 */
export function DataTable<T>({
  label,
  caption,
  columns,
  rows,
  rowKey,
  rowTestId,
  empty,
  sort,
}: {
  /** The scrollable region's name. */
  label: string
  /** The table's caption (read by screen readers; the page heading says it visibly). */
  caption: ReactNode
  columns: Column<T>[]
  rows: T[]
  rowKey: (row: T) => string
  /** A data-testid for each row, for tests that look inside one row. */
  rowTestId?: (row: T) => string
  /** Shown instead of the table when there are no rows. */
  empty: ReactNode
  /** The current sort, and the link for each sortable header (keeping the filters, back to page 1). */
  sort?: { current: string; href: (sort: string) => string }
}) {
  if (rows.length === 0) {
    return <p className="rounded-lg border border-slate-300 bg-white p-4 text-slate-700">{empty}</p>
  }
  return (
    <TableScroll label={label}>
      <table className={TABLE}>
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100">
          <tr>
            {columns.map((c) => {
              const active = sort && c.sort === sort.current
              return (
                <th
                  key={c.key}
                  scope="col"
                  className={phone(c.hideOnPhone)}
                  aria-sort={active ? (c.sortDirection ?? 'ascending') : undefined}
                >
                  {sort && c.sort && !active ? (
                    <Link href={sort.href(c.sort)} className="text-brand-700 underline">
                      {c.header}
                    </Link>
                  ) : (
                    c.header
                  )}
                  {active && (
                    <span aria-hidden="true" className="ml-1">
                      {c.sortDirection === 'descending' ? '▼' : '▲'}
                    </span>
                  )}
                </th>
              )
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={rowKey(r)} data-testid={rowTestId?.(r)}>
              {columns.map((c) => (
                <td
                  key={c.key}
                  className={[phone(c.hideOnPhone), c.className].filter(Boolean).join(' ') || undefined}
                >
                  {c.cell(r)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  )
}
