import type { Metadata } from 'next'
import Link from 'next/link'
import { Flag } from '@/components/risks/rating-badge'
import { buttonClass } from '@/components/ui/button'
import { type Column, DataTable } from '@/components/ui/data-table'
import { FilterBar } from '@/components/ui/filter-bar'
import { PageHeader } from '@/components/ui/page-header'
import { Pagination } from '@/components/ui/pagination'
import { requireSchoolContext } from '@/lib/auth/context'
import { can } from '@/lib/auth/permissions'
import { formatDay } from '@/lib/format'
import { countermeasureListParamsSchema } from '@/lib/risks/list-params'
import { listCountermeasures } from '@/lib/risks/queries'
import { COUNTERMEASURE_KINDS, COUNTERMEASURE_STATUSES, FITS_PROCESSES, labelOf } from '@/lib/risks/schema'
import { parseSearchParams, type RawSearchParams } from '@/lib/validation/search-params'
import { RiskTabs } from '../_components/risk-tabs'

export const metadata: Metadata = { title: 'Countermeasures' }

type Row = Awaited<ReturnType<typeof listCountermeasures>>['rows'][number]

const COLUMNS: Column<Row>[] = [
  {
    key: 'title',
    header: 'Countermeasure',
    cell: (c) => (
      <>
        <Link href={`/risks/countermeasures/${c.id}`} className="font-semibold text-brand-700 underline">
          {c.title}
        </Link>
        {c.owner && <span className="block text-slate-700">{c.owner}</span>}
        <span className="mt-1 flex flex-wrap gap-1">
          {c.overdue && <Flag>Overdue</Flag>}
          {c.neverVerified && <Flag tone="info">Never verified</Flag>}
        </span>
      </>
    ),
  },
  { key: 'status', header: 'Status', cell: (c) => labelOf(COUNTERMEASURE_STATUSES, c.status) },
  {
    key: 'kind',
    header: 'Kind and process',
    hideOnPhone: true,
    cell: (c) => (
      <>
        {labelOf(COUNTERMEASURE_KINDS, c.kind)}
        <span className="block text-slate-700">{labelOf(FITS_PROCESSES, c.process)}</span>
      </>
    ),
  },
  { key: 'risks', header: 'Risks', hideOnPhone: true, cell: (c) => c._count.risks },
  { key: 'due', header: 'Due', hideOnPhone: true, cell: (c) => (c.dueOn ? formatDay(c.dueOn) : '—') },
  {
    key: 'verified',
    header: 'Last verified',
    hideOnPhone: true,
    cell: (c) => (c.lastVerifiedOn ? formatDay(c.lastVerifiedOn) : 'Never'),
  },
  {
    key: 'cost',
    header: 'Cost',
    hideOnPhone: true,
    cell: (c) => (c.costPounds === null ? '—' : `£${c.costPounds.toLocaleString('en-GB')}`),
  },
]

export default async function CountermeasuresPage({
  searchParams,
}: {
  searchParams: Promise<RawSearchParams>
}) {
  const ctx = await requireSchoolContext('risks.read')
  const p = parseSearchParams(countermeasureListParamsSchema, await searchParams)
  const list = await listCountermeasures(ctx.schoolId, p, ctx.timeZone)
  const edit = can(ctx.role, 'risks.edit')
  const params = { q: p.q, status: p.status, check: p.check, archived: p.archived ? '1' : undefined }
  return (
    <>
      <PageHeader
        title="Countermeasures"
        description="What the school does to make its risks less likely or less harmful: prevent, detect or recover."
        actions={
          <>
            {edit && (
              <Link href="/risks/countermeasures/new" className={buttonClass('primary')}>
                Add a countermeasure
              </Link>
            )}
            <a href="/risks/countermeasures/export" className={buttonClass('secondary')} download>
              Export CSV
            </a>
          </>
        }
      />
      <RiskTabs current="countermeasures" />
      <FilterBar
        label="Filter countermeasures"
        clearHref="/risks/countermeasures"
        active={Boolean(p.q || p.status || p.check || p.archived)}
        fields={[
          { kind: 'search', name: 'q', label: 'Search', value: p.q },
          {
            kind: 'select',
            name: 'status',
            label: 'Status',
            value: p.status,
            options: [
              { value: '', label: 'All' },
              ...COUNTERMEASURE_STATUSES.map((s) => ({ value: s.value, label: s.label })),
            ],
          },
          {
            kind: 'select',
            name: 'check',
            label: 'Needing attention',
            value: p.check,
            options: [
              { value: '', label: 'All' },
              { value: 'overdue', label: 'Overdue' },
              { value: 'unverified', label: 'Never verified' },
            ],
          },
          {
            kind: 'select',
            name: 'archived',
            label: 'Show',
            value: params.archived,
            options: [
              { value: '', label: 'Current' },
              { value: '1', label: 'Archived' },
            ],
          },
        ]}
      />
      <p className="mb-2 text-sm text-slate-700" aria-live="polite">
        {list.total} countermeasure{list.total === 1 ? '' : 's'}
      </p>
      <DataTable
        label="Countermeasures"
        caption="Countermeasures"
        columns={COLUMNS}
        rows={list.rows}
        rowKey={(c) => c.id}
        empty="No countermeasures match."
      />
      <Pagination page={list.page} pages={list.pages} basePath="/risks/countermeasures" params={params} />
    </>
  )
}
