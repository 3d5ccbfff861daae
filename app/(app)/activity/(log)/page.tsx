import type { Metadata } from 'next'
import { ChangeList } from '@/components/audit/change-entry'
import { buttonClass } from '@/components/ui/button'
import { PageHeader } from '@/components/ui/page-header'
import { Pagination } from '@/components/ui/pagination'
import { entryView } from '@/lib/audit/describe'
import { getActivityPage } from '@/lib/audit/queries'
import { ACTIVITY_KIND_VALUES, ACTIVITY_KINDS } from '@/lib/audit/vocabulary'
import { requireSchoolContext } from '@/lib/auth/context'
import {
  choiceParam,
  pageParam,
  parseSearchParams,
  type RawSearchParams,
} from '@/lib/validation/search-params'
import { z } from '@/lib/validation/zod'

export const metadata: Metadata = { title: 'Activity' }

const searchSchema = z.object({
  page: pageParam,
  kind: choiceParam(ACTIVITY_KIND_VALUES),
})

const CONTROL = 'mt-1 block rounded-md border border-slate-500 bg-white px-2 py-1.5'

export default async function ActivityPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const ctx = await requireSchoolContext('audit.read')
  const { page: asked, kind } = parseSearchParams(searchSchema, await searchParams)
  const { entries, total, page, pages } = await getActivityPage(ctx, {
    page: asked,
    ...(kind ? { entity: ACTIVITY_KINDS[kind].entities } : {}),
    // Imports and starter loads as one entry each; a kind of record lists each record's own change.
    batches: !kind || kind === 'bulk' ? 'summary' : 'rows',
    // Each bulk change links to its own page rather than carrying its rows into every view of the log.
    withBatchRows: false,
  })
  return (
    <>
      <PageHeader
        title="Activity"
        description="Every change to this school's plan: who made it, when, and what it was before and after."
      />
      <form
        method="get"
        aria-label="Filter activity"
        className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-300 bg-white p-3"
      >
        <div>
          <label htmlFor="kind" className="block text-sm font-semibold">
            Kind of record
          </label>
          <select id="kind" name="kind" defaultValue={kind ?? ''} className={CONTROL}>
            <option value="">Everything</option>
            {ACTIVITY_KIND_VALUES.map((k) => (
              <option key={k} value={k}>
                {ACTIVITY_KINDS[k].label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={buttonClass('secondary')}>
          Show
        </button>
      </form>
      <p className="mb-3 text-sm text-slate-700" aria-live="polite">
        {total} change{total === 1 ? '' : 's'}
        {kind ? ` to ${ACTIVITY_KINDS[kind].label.toLowerCase()}` : ''} recorded. Page {page} of {pages}.
      </p>
      {entries.length === 0 ? (
        <p className="rounded-lg border border-slate-300 bg-white px-4 py-4 text-slate-700">
          No changes recorded yet.
        </p>
      ) : (
        <ChangeList entries={entries.map(entryView)} label="Change history" />
      )}
      <Pagination page={page} pages={pages} basePath="/activity" params={{ kind }} />
    </>
  )
}
