import type { Metadata } from 'next'
import Link from 'next/link'
import { Flag, RatingBadge } from '@/components/risks/rating-badge'
import { buttonClass } from '@/components/ui/button'
import { type Column, DataTable, listHref } from '@/components/ui/data-table'
import { FilterBar } from '@/components/ui/filter-bar'
import { PageHeader } from '@/components/ui/page-header'
import { Pagination } from '@/components/ui/pagination'
import { requireSchoolContext } from '@/lib/auth/context'
import { can } from '@/lib/auth/permissions'
import { formatDay } from '@/lib/format'
import { type RiskSort, riskListParamsSchema } from '@/lib/risks/list-params'
import { getRegister, type RegisterRow } from '@/lib/risks/queries'
import { RATING_LABELS, RATINGS } from '@/lib/risks/scoring'
import { parseSearchParams, type RawSearchParams } from '@/lib/validation/search-params'
import { RiskTabs } from './_components/risk-tabs'

export const metadata: Metadata = { title: 'Risk register' }

const SORT_LABELS: Record<RiskSort, string> = {
  score: 'Current score',
  inherent: 'Score before countermeasures',
  title: 'Title',
  review: 'Next review',
  updated: 'Recently changed',
}

const COLUMNS: Column<RegisterRow>[] = [
  {
    key: 'title',
    header: 'Risk',
    sort: 'title',
    cell: (r) => (
      <>
        <Link href={`/risks/${r.id}`} className="font-semibold text-brand-700 underline">
          {r.title}
        </Link>
        <span className="block text-slate-700">{r.category.name}</span>
        <span className="mt-1 flex flex-wrap gap-1">
          {r.aboveAppetite && <Flag>Above appetite</Flag>}
          {r.reviewOverdue && <Flag>Review overdue</Flag>}
          {r.status === 'CLOSED' && <Flag tone="info">Closed</Flag>}
        </span>
      </>
    ),
  },
  {
    key: 'score',
    header: 'Score now',
    sort: 'score',
    sortDirection: 'descending',
    cell: (r) => <RatingBadge score={r.current} />,
  },
  {
    key: 'inherent',
    header: 'Before countermeasures',
    sort: 'inherent',
    sortDirection: 'descending',
    hideOnPhone: true,
    cell: (r) => (
      <>
        <RatingBadge score={r.score} />
        <span className="block text-xs text-slate-700">
          likelihood {r.likelihood} × impact {r.impact}
        </span>
      </>
    ),
  },
  {
    key: 'measures',
    header: 'Countermeasures',
    hideOnPhone: true,
    cell: (r) => {
      const inPlace = r.countermeasures.filter((c) => c.status !== 'PLANNED').length
      return r.countermeasures.length ? `${inPlace} of ${r.countermeasures.length} in place` : 'None'
    },
  },
  { key: 'owner', header: 'Owner', hideOnPhone: true, cell: (r) => r.owner || '—' },
  {
    key: 'review',
    header: 'Next review',
    sort: 'review',
    hideOnPhone: true,
    cell: (r) => (r.nextReviewOn ? formatDay(r.nextReviewOn) : 'Not set'),
  },
]

export default async function RisksPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const ctx = await requireSchoolContext('risks.read')
  const p = parseSearchParams(riskListParamsSchema, await searchParams)
  const reg = await getRegister(ctx.schoolId, p, ctx.timeZone)
  const edit = can(ctx.role, 'risks.edit')
  // What the links keep: the filters as the page understood them, defaults left out.
  const params = {
    q: p.q,
    category: p.category,
    rating: p.rating,
    above: p.above ? '1' : undefined,
    overdue: p.overdue ? '1' : undefined,
    service: p.service,
    status: p.status === 'open' ? undefined : p.status,
    l: p.l ? String(p.l) : undefined,
    i: p.i ? String(p.i) : undefined,
    basis: p.l || p.i ? (p.basis === 'inherent' ? undefined : p.basis) : undefined,
    sort: p.sort === 'score' ? undefined : p.sort,
  }
  const cell = p.l || p.i
  return (
    <>
      <PageHeader
        title="Risks"
        description={
          <>
            What could happen to the school's services and assets, how likely and how bad, and what lowers it.
            The school's risk appetite is a score of <strong>{reg.appetite}</strong>: risks scoring more need
            action.
          </>
        }
        actions={
          <>
            {edit && (
              <Link href="/risks/new" className={buttonClass('primary')}>
                Add a risk
              </Link>
            )}
            <a href="/risks/export" className={buttonClass('secondary')} download>
              Export CSV
            </a>
          </>
        }
      />
      <RiskTabs current="register" />
      {cell && (
        <p
          className="mb-3 rounded-md border-l-4 border-sky-700 bg-sky-50 p-3 text-sm"
          data-testid="cell-filter"
        >
          Showing the heat map cell likelihood {p.l ?? 'any'}, impact {p.i ?? 'any'} (
          {p.basis === 'residual' ? 'after countermeasures' : 'before countermeasures'}).{' '}
          <Link
            href={listHref('/risks', { ...params, l: undefined, i: undefined, basis: undefined })}
            className="text-brand-700 underline"
          >
            Show every cell
          </Link>
        </p>
      )}
      <div className="print:hidden">
        <FilterBar
          label="Filter risks"
          clearHref="/risks"
          active={Boolean(
            p.q ||
              p.category ||
              p.rating ||
              p.above ||
              p.overdue ||
              p.service ||
              p.status !== 'open' ||
              p.sort !== 'score',
          )}
          fields={[
            { kind: 'search', name: 'q', label: 'Search', value: p.q },
            {
              kind: 'select',
              name: 'category',
              label: 'Category',
              value: p.category,
              options: [
                { value: '', label: 'All' },
                ...reg.categories.map((c) => ({ value: c.id, label: c.name })),
              ],
            },
            {
              kind: 'select',
              name: 'rating',
              label: 'Rating now',
              value: p.rating,
              options: [
                { value: '', label: 'All' },
                ...RATINGS.map((r) => ({ value: r, label: RATING_LABELS[r] })),
              ],
            },
            {
              kind: 'select',
              name: 'service',
              label: 'Service',
              value: p.service,
              options: [
                { value: '', label: 'All' },
                ...reg.services.map((s) => ({ value: s.id, label: s.name })),
              ],
            },
            {
              kind: 'select',
              name: 'status',
              label: 'Show',
              value: params.status,
              options: [
                { value: '', label: 'Open risks' },
                { value: 'closed', label: 'Closed risks' },
                { value: 'all', label: 'All risks' },
              ],
            },
            {
              kind: 'select',
              name: 'sort',
              label: 'Sort by',
              value: p.sort,
              options: Object.entries(SORT_LABELS).map(([value, label]) => ({ value, label })),
            },
            { kind: 'checkbox', name: 'above', label: 'Above appetite', checked: p.above },
            { kind: 'checkbox', name: 'overdue', label: 'Review overdue', checked: p.overdue },
          ]}
        />
      </div>
      <p className="mb-2 text-sm text-slate-700" aria-live="polite">
        {reg.total} risk{reg.total === 1 ? '' : 's'}
      </p>
      <DataTable
        label="Risks"
        caption="Risk register"
        columns={COLUMNS}
        rows={reg.rows}
        rowKey={(r) => r.id}
        rowTestId={(r) => `risk-${r.title}`}
        sort={{ current: p.sort, href: (sort) => listHref('/risks', { ...params, sort }) }}
        empty={
          <>
            No risks match.
            {edit && (
              <>
                {' '}
                Add one, or look at the{' '}
                <Link href="/risks/proposals" className="text-brand-700 underline">
                  risks proposed from the catalogue
                </Link>
                .
              </>
            )}
          </>
        }
      />
      <Pagination page={reg.page} pages={reg.pages} basePath="/risks" params={params} />
    </>
  )
}
