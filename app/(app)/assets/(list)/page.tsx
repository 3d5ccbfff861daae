import type { Metadata } from 'next'
import Link from 'next/link'
import { buttonClass } from '@/components/ui/button'
import { type Column, DataTable, listHref } from '@/components/ui/data-table'
import { FilterBar } from '@/components/ui/filter-bar'
import { PageHeader } from '@/components/ui/page-header'
import { Pagination } from '@/components/ui/pagination'
import { type AssetCheck, type AssetSort, assetListParamsSchema } from '@/lib/assets/list-params'
import { type getAssetList, getAssetListPage } from '@/lib/assets/queries'
import { ASSET_TYPES, assetTypeLabel } from '@/lib/assets/schema'
import { requireSchoolContext } from '@/lib/auth/context'
import { can } from '@/lib/auth/permissions'
import type { StandbyDrift } from '@/lib/catalogue/standby'
import { parseSearchParams, type RawSearchParams } from '@/lib/validation/search-params'

export const metadata: Metadata = { title: 'Assets' }

const CHECK_LABELS: Record<AssetCheck, string> = {
  spof: 'Single points of failure',
  standby: 'Standbys to re-check',
}

const SORT_LABELS: Record<AssetSort, string> = {
  name: 'Name',
  type: 'Type, then name',
  updated: 'Most recently changed',
}

type Row = Awaited<ReturnType<typeof getAssetList>>['rows'][number]

const COLUMNS: Column<Row>[] = [
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
  { key: 'type', header: 'Type', sort: 'type', cell: (a) => assetTypeLabel(a.type) },
  { key: 'location', header: 'Location', hideOnPhone: true, cell: (a) => a.location || '—' },
  { key: 'supplier', header: 'Supplier', hideOnPhone: true, cell: (a) => a.supplier || '—' },
  {
    key: 'attention',
    header: 'Needs attention',
    cell: (a) => <AssetBadges spof={a.spof} standby={a.standby} />,
  },
]

export default async function AssetsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const ctx = await requireSchoolContext('catalogue.read')
  const p = parseSearchParams(assetListParamsSchema, await searchParams)
  const { rows, total, page, pages } = await getAssetListPage(ctx, p)
  const edit = can(ctx.role, 'catalogue.edit')
  const filtered = Boolean(p.q || p.type || p.check)
  // What the links keep: the filters as the page understood them, defaults left out.
  const params = {
    q: p.q,
    type: p.type,
    check: p.check,
    sort: p.sort === 'name' ? undefined : p.sort,
    archived: p.archived ? '1' : undefined,
  }
  return (
    <>
      <PageHeader
        title="Assets"
        description="The hardware, software, links, suppliers, data, staff and places that the school's ICT services rely on."
        actions={
          <>
            {edit && (
              <Link href="/assets/new" className={buttonClass('primary')}>
                Add an asset
              </Link>
            )}
            {edit && (
              <Link href="/assets/import" className={buttonClass('secondary')}>
                Import from CSV
              </Link>
            )}
            <a href="/assets/export" className={buttonClass('secondary')} download>
              Export CSV
            </a>
          </>
        }
      />
      <FilterBar
        label="Filter assets"
        clearHref="/assets"
        active={filtered || p.archived || p.sort !== 'name'}
        fields={[
          { kind: 'search', name: 'q', label: 'Search', value: p.q },
          {
            kind: 'select',
            name: 'type',
            label: 'Type',
            value: p.type,
            options: [{ value: '', label: 'All types' }, ...ASSET_TYPES],
          },
          {
            kind: 'select',
            name: 'check',
            label: 'Needs attention',
            value: p.check,
            options: [
              { value: '', label: 'Any asset' },
              ...Object.entries(CHECK_LABELS).map(([value, label]) => ({ value, label })),
            ],
          },
          {
            kind: 'select',
            name: 'sort',
            label: 'Sort by',
            value: p.sort,
            options: Object.entries(SORT_LABELS).map(([value, label]) => ({ value, label })),
          },
          { kind: 'checkbox', name: 'archived', label: 'Show archived assets only', checked: p.archived },
        ]}
      />
      <p className="mb-2 text-sm text-slate-700" aria-live="polite" data-testid="asset-count">
        {total === 1 ? '1 asset' : `${total} assets`}
        {p.archived ? ' in the archive' : ''}
        {filtered ? ' match these filters' : ''}.
      </p>
      <DataTable
        label="Assets"
        caption={`${p.archived ? 'Archived assets' : 'Assets'} in ${ctx.schoolName}`}
        columns={COLUMNS}
        rows={rows}
        rowKey={(a) => a.id}
        sort={{ current: p.sort, href: (sort) => listHref('/assets', { ...params, sort }) }}
        empty={
          filtered || p.archived ? 'No assets match these filters.' : 'No assets have been recorded yet.'
        }
      />
      <Pagination page={page} pages={pages} basePath="/assets" params={params} />
    </>
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
