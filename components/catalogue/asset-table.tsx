'use client'

import { type Column, DataTable, listHref } from '@/components/ui/data-table'
import type { StandbyDrift } from '@/lib/catalogue/standby'

/** One asset as the list shows it: display-ready, so the browser needs none of the catalogue's rules. */
export type AssetTableRow = {
  id: string
  name: string
  typeLabel: string
  location: string | null
  supplier: string | null
  spof: boolean
  standby?: StandbyDrift
}

const COLUMNS: Column<AssetTableRow>[] = [
  {
    key: 'name',
    header: 'Name',
    sort: 'name',
    cell: (a) => (
      <>
        <a href={`/assets/${a.id}`} className="record-link">
          {a.name}
        </a>
        {(a.location || a.supplier) && (
          <span className="mt-1 block text-slate-700 sm:hidden">
            {[a.location, a.supplier].filter(Boolean).join(' · ')}
          </span>
        )}
      </>
    ),
  },
  { key: 'type', header: 'Type', sort: 'type', cell: (a) => a.typeLabel },
  { key: 'location', header: 'Location', hideOnPhone: true, cell: (a) => a.location || '—' },
  { key: 'supplier', header: 'Supplier', hideOnPhone: true, cell: (a) => a.supplier || '—' },
  {
    key: 'attention',
    header: 'Needs attention',
    cell: (a) => <AssetBadges spof={a.spof} standby={a.standby} />,
  },
]

/**
 * The assets list's table. A client component fed plain rows: the page's React payload carries each
 * asset's fields once instead of every cell's markup (ARCHITECTURE.md, "What a page costs").
 */
export function AssetTable({
  rows,
  caption,
  sort,
  params,
  empty,
}: {
  rows: AssetTableRow[]
  caption: string
  /** The current sort; each sortable header links to the list sorted by it, keeping `params`. */
  sort: string
  params: Record<string, string | undefined>
  empty: string
}) {
  return (
    <DataTable
      label="Assets"
      caption={caption}
      columns={COLUMNS}
      rows={rows}
      rowKey={(a) => a.id}
      sort={{ current: sort, href: (s) => listHref('/assets', { ...params, sort: s }) }}
      empty={empty}
    />
  )
}

function AssetBadges({ spof, standby }: { spof: boolean; standby?: StandbyDrift }) {
  if (!spof && !standby) return <span className="text-slate-700">—</span>
  return (
    <span className="flex flex-wrap gap-1">
      {spof && (
        <span className="rounded bg-red-100 px-2 py-0.5 text-xs font-bold text-red-900">
          Single point of failure
        </span>
      )}
      {standby && (
        <span className="rounded bg-amber-100 px-2 py-0.5 text-xs font-bold text-amber-950">
          {standby === 'NEVER_VERIFIED' ? 'Standby never checked' : 'Standby may no longer match'}
        </span>
      )}
    </span>
  )
}
