import type { Metadata } from 'next'
import Link from 'next/link'
import { buttonClass } from '@/components/ui/button'
import { PageHeader } from '@/components/ui/page-header'
import { Pagination } from '@/components/ui/pagination'
import { TableScroll } from '@/components/ui/table-scroll'
import { requireSchoolContext } from '@/lib/auth/context'
import { can } from '@/lib/auth/permissions'
import { formatDuration } from '@/lib/catalogue/durations'
import { listServices, SERVICE_SORTS, type ServiceSort } from '@/lib/services/queries'
import { CRITICALITY } from '@/lib/services/schema'

export const metadata: Metadata = { title: 'Services' }

type Search = { q?: string; criticality?: string; sort?: string; archived?: string; page?: string }

export default async function ServicesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const ctx = await requireSchoolContext('catalogue.read')
  const sp = await searchParams
  const criticality = Number(sp.criticality)
  const filter = {
    q: sp.q?.trim().slice(0, 100) || undefined,
    criticality: criticality >= 1 && criticality <= 4 ? criticality : undefined,
    sort: (sp.sort && sp.sort in SERVICE_SORTS ? sp.sort : 'priority') as ServiceSort,
    archived: sp.archived === '1',
    page: Math.max(1, Number.parseInt(sp.page ?? '1', 10) || 1),
  }
  const { rows, total, page, pages } = await listServices(ctx.schoolId, filter)
  const edit = can(ctx.role, 'catalogue.edit')
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
      <form
        method="get"
        className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-300 bg-white p-3"
      >
        <div>
          <label htmlFor="q" className="block text-sm font-semibold">
            Search
          </label>
          <input
            id="q"
            name="q"
            defaultValue={filter.q}
            className="rounded-md border border-slate-500 px-2 py-1.5"
          />
        </div>
        <div>
          <label htmlFor="criticality" className="block text-sm font-semibold">
            Criticality
          </label>
          <select
            id="criticality"
            name="criticality"
            defaultValue={sp.criticality ?? ''}
            className="rounded-md border border-slate-500 bg-white px-2 py-1.5"
          >
            <option value="">All</option>
            {CRITICALITY.map((c) => (
              <option key={c.value} value={c.value}>
                {c.value}. {c.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="sort" className="block text-sm font-semibold">
            Sort by
          </label>
          <select
            id="sort"
            name="sort"
            defaultValue={filter.sort}
            className="rounded-md border border-slate-500 bg-white px-2 py-1.5"
          >
            <option value="priority">Recovery priority</option>
            <option value="name">Name</option>
            <option value="rto">RTO</option>
            <option value="updated">Recently changed</option>
          </select>
        </div>
        <div>
          <label htmlFor="archived" className="block text-sm font-semibold">
            Show
          </label>
          <select
            id="archived"
            name="archived"
            defaultValue={filter.archived ? '1' : ''}
            className="rounded-md border border-slate-500 bg-white px-2 py-1.5"
          >
            <option value="">Current services</option>
            <option value="1">Archived services</option>
          </select>
        </div>
        <button type="submit" className={buttonClass('secondary')}>
          Apply
        </button>
      </form>
      <p className="mb-2 text-sm text-slate-700" aria-live="polite">
        {total} service{total === 1 ? '' : 's'}
      </p>
      <TableScroll label="Services">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Services</caption>
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className="px-3 py-2">
                Service
              </th>
              <th scope="col" className="px-3 py-2">
                Criticality
              </th>
              <th scope="col" className="px-3 py-2">
                RTO
              </th>
              <th scope="col" className="hidden px-3 py-2 sm:table-cell">
                Max outage
              </th>
              <th scope="col" className="hidden px-3 py-2 sm:table-cell">
                Assets
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="border-t border-slate-200">
                <td className="px-3 py-2">
                  <Link href={`/services/${r.id}`} className="font-semibold text-brand-700 underline">
                    {r.name}
                  </Link>
                  {r.owner && <span className="block text-slate-700">{r.owner}</span>}
                </td>
                <td className="px-3 py-2">
                  {r.criticality}. {CRITICALITY[r.criticality - 1]?.label}
                </td>
                <td className="px-3 py-2">{formatDuration(r.rtoMinutes)}</td>
                <td className="hidden px-3 py-2 sm:table-cell">{formatDuration(r.maxOutageMinutes)}</td>
                <td className="hidden px-3 py-2 sm:table-cell">{r._count.needs}</td>
              </tr>
            ))}
            {rows.length === 0 && (
              <tr>
                <td colSpan={5} className="px-3 py-4 text-slate-700">
                  No services match.{edit && ' Add one, or load the starter catalogue from the dashboard.'}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </TableScroll>
      <Pagination
        page={page}
        pages={pages}
        basePath="/services"
        params={{ q: filter.q, criticality: sp.criticality, sort: sp.sort, archived: sp.archived }}
      />
    </>
  )
}
