import type { Metadata } from 'next'
import Link from 'next/link'
import { PageHeader } from '@/components/ui/page-header'
import { TableScroll } from '@/components/ui/table-scroll'
import { requireSchoolContext } from '@/lib/auth/context'
import { formatDateTime } from '@/lib/format'
import { listActivity } from '@/lib/schools/activity'

export const metadata: Metadata = { title: 'Activity' }

function Json({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <span className="text-slate-500">—</span>
  return (
    <pre className="max-w-xs overflow-x-auto whitespace-pre-wrap break-words text-xs">
      {JSON.stringify(value, null, 1)}
    </pre>
  )
}

export default async function ActivityPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const ctx = await requireSchoolContext('audit.read')
  const page = Math.max(1, Number.parseInt((await searchParams).page ?? '1', 10) || 1)
  const { rows, total, pages } = await listActivity(ctx.schoolId, page)
  return (
    <>
      <PageHeader
        title="Activity"
        description="Every change to this school's plan: who made it, when, and what it was before and after."
      />
      <p className="mb-3 text-sm text-slate-700">
        {total} change{total === 1 ? '' : 's'} recorded. Page {page} of {pages}.
      </p>
      <TableScroll label="Change history">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Change history</caption>
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className="px-3 py-2">
                When
              </th>
              <th scope="col" className="px-3 py-2">
                Who
              </th>
              <th scope="col" className="px-3 py-2">
                What
              </th>
              <th scope="col" className="px-3 py-2">
                Before
              </th>
              <th scope="col" className="px-3 py-2">
                After
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="border-t border-slate-200 align-top">
                <td className="px-3 py-2 whitespace-nowrap">{formatDateTime(r.at, ctx.timeZone)}</td>
                <td className="px-3 py-2">{r.actor?.name ?? 'System'}</td>
                <td className="px-3 py-2">
                  {r.entity} {r.action}
                </td>
                <td className="px-3 py-2">
                  <Json value={r.before} />
                </td>
                <td className="px-3 py-2">
                  <Json value={r.after} />
                </td>
              </tr>
            ))}
            {rows.length === 0 && (
              <tr>
                <td colSpan={5} className="px-3 py-4 text-slate-700">
                  No changes recorded yet.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </TableScroll>
      <nav aria-label="Pages" className="mt-3 flex gap-4">
        {page > 1 && (
          <Link className="font-semibold text-brand-700 underline" href={`/activity?page=${page - 1}`}>
            Newer
          </Link>
        )}
        {page < pages && (
          <Link className="font-semibold text-brand-700 underline" href={`/activity?page=${page + 1}`}>
            Older
          </Link>
        )}
      </nav>
    </>
  )
}
