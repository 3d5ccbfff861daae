import type { Metadata } from 'next'
import Link from 'next/link'
import { AssetTable } from '@/components/catalogue/asset-table'
import { buttonClass } from '@/components/ui/button'
import { FilterBar } from '@/components/ui/filter-bar'
import { PageHeader } from '@/components/ui/page-header'
import { Pagination } from '@/components/ui/pagination'
import { type AssetCheck, type AssetSort, assetListParamsSchema } from '@/lib/assets/list-params'
import { getAssetListPage } from '@/lib/assets/queries'
import { ASSET_TYPES, assetTypeLabel } from '@/lib/assets/schema'
import { requireSchoolContext } from '@/lib/auth/context'
import { can } from '@/lib/auth/permissions'
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
      <AssetTable
        rows={rows.map((a) => ({ ...a, typeLabel: assetTypeLabel(a.type) }))}
        caption={`${p.archived ? 'Archived assets' : 'Assets'} in ${ctx.schoolName}`}
        sort={p.sort}
        params={params}
        empty={
          filtered || p.archived ? 'No assets match these filters.' : 'No assets have been recorded yet.'
        }
      />
      <Pagination page={page} pages={pages} basePath="/assets" params={params} />
    </>
  )
}
