import type { Metadata } from 'next'
import Link from 'next/link'
import { RecentChanges } from '@/components/audit/change-entry'
import { PageHeader } from '@/components/ui/page-header'
import { Pagination } from '@/components/ui/pagination'
import { entryView } from '@/lib/audit/describe'
import { requireSchoolContext } from '@/lib/auth/context'
import { getCurrentPlanVersion, listPlanChanges } from '@/lib/plan-versions/queries'

export const metadata: Metadata = { title: 'Changes since the approved plan' }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

/** Everything changed in what the plan is built from since the current approved version was published. */
export default async function PlanChangesPage({ searchParams }: Props) {
  const ctx = await requireSchoolContext('plan.draft')
  const raw = (await searchParams).page
  const requested = Number(Array.isArray(raw) ? raw[0] : raw)
  const current = await getCurrentPlanVersion(ctx.schoolId)
  const page = current
    ? await listPlanChanges(ctx.schoolId, current.publishedAt, {
        timeZone: ctx.timeZone,
        page: Number.isInteger(requested) && requested > 0 ? requested : 1,
      })
    : null
  return (
    <>
      <PageHeader
        title="Changes since the approved plan"
        description={
          current
            ? `Changes to services, assets, contingency plans, steps, the team and backups since version ${current.number} was published.`
            : 'No version of the plan has been approved yet.'
        }
      />
      {page && page.total === 0 && <p className="text-slate-700">Nothing has changed since then.</p>}
      {page && page.total > 0 && (
        <>
          <RecentChanges entries={page.entries.map(entryView)} />
          <Pagination page={page.page} pages={page.pages} basePath="/plan/changes" params={{}} />
        </>
      )}
      <p className="mt-4">
        <Link href="/plan/versions" className="text-brand-700 underline">
          Plan versions
        </Link>
      </p>
    </>
  )
}
