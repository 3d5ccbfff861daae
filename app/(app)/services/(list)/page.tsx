import type { Metadata } from 'next'
import Link from 'next/link'
import { ServiceTable } from '@/components/catalogue/service-table'
import { buttonClass } from '@/components/ui/button'
import { FilterBar } from '@/components/ui/filter-bar'
import { PageHeader } from '@/components/ui/page-header'
import { Pagination } from '@/components/ui/pagination'
import { requireSchoolContext } from '@/lib/auth/context'
import { can } from '@/lib/auth/permissions'
import { formatDuration } from '@/lib/catalogue/durations'
import { type ServiceSort, serviceListParamsSchema } from '@/lib/services/list-params'
import { getServiceListPage } from '@/lib/services/queries'
import { CRITICALITY } from '@/lib/services/schema'
import { parseSearchParams, type RawSearchParams } from '@/lib/validation/search-params'

export const metadata: Metadata = { title: 'Services' }

const SORT_LABELS: Record<ServiceSort, string> = {
  priority: 'Recovery priority',
  name: 'Name',
  rto: 'RTO',
  updated: 'Recently changed',
}

export default async function ServicesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const ctx = await requireSchoolContext('catalogue.read')
  const p = parseSearchParams(serviceListParamsSchema, await searchParams)
  const { rows, total, page, pages } = await getServiceListPage(ctx, p)
  const edit = can(ctx.role, 'catalogue.edit')
  // What the links keep: the filters as the page understood them, defaults left out.
  const params = {
    q: p.q,
    criticality: p.criticality ? String(p.criticality) : undefined,
    sort: p.sort === 'priority' ? undefined : p.sort,
    archived: p.archived ? '1' : undefined,
  }
  return (
    <>
      <PageHeader
        title="Services"
        description="The school's ICT services and their business impact analysis: how critical each is and how soon it must be back."
        actions={
          <>
            {edit && (
              <Link href="/services/new" className={buttonClass('primary')}>
                Add a service
              </Link>
            )}
            <a href="/services/export" className={buttonClass('secondary')} download>
              Export CSV
            </a>
          </>
        }
      />
      <FilterBar
        label="Filter services"
        clearHref="/services"
        active={Boolean(p.q || p.criticality || p.archived || p.sort !== 'priority')}
        fields={[
          { kind: 'search', name: 'q', label: 'Search', value: p.q },
          {
            kind: 'select',
            name: 'criticality',
            label: 'Criticality',
            value: params.criticality,
            options: [
              { value: '', label: 'All' },
              ...CRITICALITY.map((c) => ({ value: String(c.value), label: `${c.value}. ${c.label}` })),
            ],
          },
          {
            kind: 'select',
            name: 'sort',
            label: 'Sort by',
            value: p.sort,
            options: Object.entries(SORT_LABELS).map(([value, label]) => ({ value, label })),
          },
          {
            kind: 'select',
            name: 'archived',
            label: 'Show',
            value: params.archived,
            options: [
              { value: '', label: 'Current services' },
              { value: '1', label: 'Archived services' },
            ],
          },
        ]}
      />
      <p className="mb-2 text-sm text-slate-700" aria-live="polite">
        {total} service{total === 1 ? '' : 's'}
      </p>
      <ServiceTable
        rows={rows.map((r) => ({
          id: r.id,
          name: r.name,
          owner: r.owner,
          criticality: `${r.criticality}. ${CRITICALITY[r.criticality - 1]?.label ?? ''}`,
          rto: formatDuration(r.rtoMinutes),
          maxOutage: formatDuration(r.maxOutageMinutes),
          assets: r._count.needs,
        }))}
        caption={p.archived ? 'Archived services' : 'Services'}
        sort={p.sort}
        params={params}
        empty={<>No services match.{edit && ' Add one, or load the starter catalogue from the dashboard.'}</>}
      />
      <Pagination page={page} pages={pages} basePath="/services" params={params} />
    </>
  )
}
