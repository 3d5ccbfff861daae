import type { Metadata } from 'next'
import Link from 'next/link'
import { buttonClass } from '@/components/ui/button'
import { PageHeader } from '@/components/ui/page-header'
import { Pagination } from '@/components/ui/pagination'
import { TableScroll } from '@/components/ui/table-scroll'
import { ASSET_SORTS, type AssetSort, listAssets } from '@/lib/assets/queries'
import { ASSET_TYPE_VALUES, ASSET_TYPES, assetTypeLabel } from '@/lib/assets/schema'
import { requireSchoolContext } from '@/lib/auth/context'
import { can } from '@/lib/auth/permissions'
import type { StandbyDrift } from '@/lib/catalogue/standby'
import { assetFlags, loadGraph } from '@/lib/dependencies/queries'

export const metadata: Metadata = { title: 'Assets' }

type Search = { q?: string; type?: string; sort?: string; archived?: string; page?: string; check?: string }

const CHECKS = {
  spof: 'Single points of failure',
  standby: 'Standbys to re-check',
} as const
type Check = keyof typeof CHECKS
type AssetTypeValue = (typeof ASSET_TYPE_VALUES)[number]

const SORT_LABELS: Record<AssetSort, string> = {
  name: 'Name',
  type: 'Type, then name',
  updated: 'Most recently changed',
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)

const CONTROL = 'mt-1 block rounded-md border border-slate-500 bg-white px-2 py-1.5'

export default async function AssetsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const ctx = await requireSchoolContext('catalogue.read')
  const sp = await searchParams
  const rawType = one(sp.type)
  const rawSort = one(sp.sort)
  const rawCheck = one(sp.check)
  const check = rawCheck && Object.hasOwn(CHECKS, rawCheck) ? (rawCheck as Check) : undefined
  const filter = {
    q: one(sp.q)?.trim().slice(0, 100) || undefined,
    type: (ASSET_TYPE_VALUES as readonly string[]).includes(rawType ?? '')
      ? (rawType as AssetTypeValue)
      : undefined,
    sort: (rawSort && Object.hasOwn(ASSET_SORTS, rawSort) ? rawSort : 'name') as AssetSort,
    archived: one(sp.archived) === '1',
    page: Math.max(1, Number.parseInt(one(sp.page) ?? '1', 10) || 1),
  }
  // The flags come from the whole graph (four queries, whatever its size), then narrow the list by id.
  const flags = assetFlags(await loadGraph(ctx.schoolId), ctx.timeZone)
  const ids =
    check === 'spof' ? [...flags.spofIds] : check === 'standby' ? [...flags.recheck.keys()] : undefined
  const { rows, total, page, pages } = await listAssets(ctx.schoolId, { ...filter, ids })
  const edit = can(ctx.role, 'catalogue.edit')
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
      <form
        method="get"
        aria-label="Filter assets"
        className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-300 bg-white p-3"
      >
        <div>
          <label htmlFor="q" className="block text-sm font-semibold">
            Search
          </label>
          <input id="q" name="q" type="search" defaultValue={filter.q} className={CONTROL} />
        </div>
        <div>
          <label htmlFor="type" className="block text-sm font-semibold">
            Type
          </label>
          <select id="type" name="type" defaultValue={filter.type ?? ''} className={CONTROL}>
            <option value="">All types</option>
            {ASSET_TYPES.map((t) => (
              <option key={t.value} value={t.value}>
                {t.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="check" className="block text-sm font-semibold">
            Needs attention
          </label>
          <select id="check" name="check" defaultValue={check ?? ''} className={CONTROL}>
            <option value="">Any asset</option>
            {(Object.keys(CHECKS) as Check[]).map((c) => (
              <option key={c} value={c}>
                {CHECKS[c]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="sort" className="block text-sm font-semibold">
            Sort by
          </label>
          <select id="sort" name="sort" defaultValue={filter.sort} className={CONTROL}>
            {(Object.keys(SORT_LABELS) as AssetSort[]).map((s) => (
              <option key={s} value={s}>
                {SORT_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="flex items-center gap-2 pb-2">
          <input
            id="archived"
            name="archived"
            type="checkbox"
            value="1"
            defaultChecked={filter.archived}
            className="h-5 w-5"
          />
          <label htmlFor="archived" className="text-sm font-semibold">
            Show archived assets only
          </label>
        </div>
        <button type="submit" className={buttonClass('secondary')}>
          Apply
        </button>
      </form>
      <p className="mb-2 text-sm text-slate-700" aria-live="polite" data-testid="asset-count">
        {total === 1 ? '1 asset' : `${total} assets`}
        {filter.archived ? ' in the archive' : ''}
        {filter.q || filter.type || check ? ' match these filters' : ''}.
      </p>
      {rows.length > 0 ? (
        <TableScroll label="Assets">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">
              {filter.archived ? 'Archived assets' : 'Assets'} in {ctx.schoolName}
            </caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="px-3 py-2">
                  Name
                </th>
                <th scope="col" className="px-3 py-2">
                  Type
                </th>
                <th scope="col" className="hidden px-3 py-2 sm:table-cell">
                  Location
                </th>
                <th scope="col" className="hidden px-3 py-2 sm:table-cell">
                  Supplier
                </th>
                <th scope="col" className="px-3 py-2">
                  Needs attention
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((a) => (
                <tr key={a.id} className="border-t border-slate-200 align-top">
                  <td className="px-3 py-2">
                    <Link
                      href={`/assets/${a.id}`}
                      className="font-semibold text-brand-700 underline [overflow-wrap:anywhere]"
                    >
                      {a.name}
                    </Link>
                    {(a.location || a.supplier) && (
                      <span className="mt-1 block text-slate-700 sm:hidden">
                        {[a.location, a.supplier].filter(Boolean).join(' · ')}
                      </span>
                    )}
                  </td>
                  <td className="px-3 py-2">{assetTypeLabel(a.type)}</td>
                  <td className="hidden px-3 py-2 sm:table-cell">{a.location || '—'}</td>
                  <td className="hidden px-3 py-2 sm:table-cell">{a.supplier || '—'}</td>
                  <td className="px-3 py-2">
                    <AssetBadges spof={flags.spofIds.has(a.id)} standby={flags.recheck.get(a.id)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <p className="rounded-lg border border-slate-300 bg-white p-4">
          {filter.q || filter.type || filter.archived || check
            ? 'No assets match these filters.'
            : 'No assets have been recorded yet.'}
        </p>
      )}
      <Pagination
        page={page}
        pages={pages}
        basePath="/assets"
        params={{
          q: filter.q,
          type: filter.type,
          sort: filter.sort === 'name' ? undefined : filter.sort,
          archived: filter.archived ? '1' : undefined,
          check,
        }}
      />
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
