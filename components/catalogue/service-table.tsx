'use client'

import type { ReactNode } from 'react'
import { type Column, DataTable, listHref } from '@/components/ui/data-table'

/** One service as the list shows it, in words already (criticality and durations). */
export type ServiceTableRow = {
  id: string
  name: string
  owner: string | null
  criticality: string
  rto: string
  maxOutage: string
  assets: number
}

const COLUMNS: Column<ServiceTableRow>[] = [
  {
    key: 'name',
    header: 'Service',
    sort: 'name',
    cell: (r) => (
      <>
        <a href={`/services/${r.id}`} className="record-link">
          {r.name}
        </a>
        {r.owner && <span className="block text-slate-700">{r.owner}</span>}
      </>
    ),
  },
  { key: 'criticality', header: 'Criticality', sort: 'priority', cell: (r) => r.criticality },
  { key: 'rto', header: 'RTO', sort: 'rto', cell: (r) => r.rto },
  { key: 'max', header: 'Max outage', hideOnPhone: true, cell: (r) => r.maxOutage },
  { key: 'assets', header: 'Assets', hideOnPhone: true, cell: (r) => r.assets },
]

/**
 * The services list's table. A client component fed plain rows, so the page's React payload carries
 * each service's fields once instead of every cell's markup (ARCHITECTURE.md, "What a page costs").
 */
export function ServiceTable({
  rows,
  caption,
  sort,
  params,
  empty,
}: {
  rows: ServiceTableRow[]
  caption: string
  sort: string
  params: Record<string, string | undefined>
  empty: ReactNode
}) {
  return (
    <DataTable
      label="Services"
      caption={caption}
      columns={COLUMNS}
      rows={rows}
      rowKey={(r) => r.id}
      sort={{ current: sort, href: (s) => listHref('/services', { ...params, sort: s }) }}
      empty={empty}
    />
  )
}
