import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { BatchRowList, ChangeEntryView } from '@/components/audit/change-entry'
import { PageHeader } from '@/components/ui/page-header'
import { Pagination } from '@/components/ui/pagination'
import { entryView } from '@/lib/audit/describe'
import { getBatch } from '@/lib/audit/queries'
import { requireSchoolContext } from '@/lib/auth/context'
import { pageParam, parseSearchParams, type RawSearchParams } from '@/lib/validation/search-params'
import { z } from '@/lib/validation/zod'

export const metadata: Metadata = { title: 'A bulk change' }

const searchSchema = z.object({ page: pageParam })

/** One import or starter catalogue load, with every record it added, a page at a time. */
export default async function BatchPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>
  searchParams: Promise<RawSearchParams>
}) {
  const ctx = await requireSchoolContext('audit.read')
  const { id } = await params
  const { page: asked } = parseSearchParams(searchSchema, await searchParams)
  const batch = await getBatch(ctx.schoolId, id, { timeZone: ctx.timeZone, page: asked })
  if (!batch) notFound()
  const { entry, rows, total, page, pages } = batch
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/activity" className="font-semibold text-brand-700 underline">
          Back to the activity log
        </Link>
      </p>
      <PageHeader
        title="A bulk change"
        description="One import or starter catalogue load, record by record."
      />
      <div className="mb-4 rounded-lg border border-slate-300 bg-white px-4 py-3">
        <ChangeEntryView entry={entryView({ ...entry, batch: undefined })} />
      </div>
      <p className="mb-2 text-sm text-slate-700" aria-live="polite">
        {total} record{total === 1 ? '' : 's'} in this change. Page {page} of {pages}.
      </p>
      <div className="rounded-lg border border-slate-300 bg-white px-4 py-3 text-sm" data-testid="batch-rows">
        <BatchRowList rows={rows.map(entryView)} />
      </div>
      <Pagination page={page} pages={pages} basePath={`/activity/batch/${id}`} params={{}} />
    </>
  )
}
