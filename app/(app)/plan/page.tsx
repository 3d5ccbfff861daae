import type { Metadata } from 'next'
import Link from 'next/link'
import { redirect } from 'next/navigation'
import { PlanView } from '@/components/plan/plan-view'
import { PrintButton } from '@/components/plan/print-button'
import { Notice } from '@/components/ui/notice'
import { PageHeader } from '@/components/ui/page-header'
import { requireSchoolContext } from '@/lib/auth/context'
import { can } from '@/lib/auth/permissions'
import { loadPlanSnapshot } from '@/lib/plan/queries'
import { getCurrentPlanVersion } from '@/lib/plan-versions/queries'

export const metadata: Metadata = { title: 'Recovery plan (draft)' }

/**
 * The live recovery plan (issue 11, item 3): built now from the records, in recovery order, for the
 * manager and the head teacher (plan.draft). Other roles read approved versions, not this draft.
 */
export default async function PlanPage() {
  const ctx = await requireSchoolContext('plan.read')
  if (!can(ctx.role, 'plan.draft')) {
    // Team members and viewers read the approved plan, never the draft.
    const current = await getCurrentPlanVersion(ctx.schoolId)
    if (current) redirect(`/plan/versions/${current.number}`)
    return (
      <>
        <PageHeader title="Recovery plan" />
        <Notice tone="info" title="No version of the plan has been approved yet">
          The service continuity manager publishes the plan and the head teacher approves it; it will be here
          as soon as it is approved.
        </Notice>
      </>
    )
  }
  const snapshot = await loadPlanSnapshot(ctx.schoolId)
  return (
    <>
      <PageHeader
        title="Recovery plan (draft)"
        description="The plan in recovery order, with each service’s estimate against its RTO, its steps, the people who carry them out, suppliers and backups."
        actions={
          <>
            <Link
              href="/plan/versions"
              className="inline-flex min-h-10 items-center font-semibold text-brand-700 underline"
            >
              Published versions
            </Link>
            <PrintButton label="Print this plan" />
          </>
        }
      />
      <Notice tone="warning" title="This is the plan as it stands now, not the approved version">
        It is built from the records as they are at this moment and changes whenever they do. The team works
        from the approved, published version; printed copies of this draft are not the plan of record.
      </Notice>
      <PlanView snapshot={snapshot} showContacts={can(ctx.role, 'plan.contacts')} />
    </>
  )
}
