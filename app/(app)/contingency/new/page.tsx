import type { Metadata } from 'next'
import { PageHeader } from '@/components/ui/page-header'
import { requireSchoolContext } from '@/lib/auth/context'
import { listServiceOptions } from '@/lib/contingency/queries'
import type { RawSearchParams } from '@/lib/validation/search-params'
import { PlanForm } from '../_components/plan-form'

export const metadata: Metadata = { title: 'Add a contingency plan' }

export default async function NewPlanPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const ctx = await requireSchoolContext('contingency.edit')
  const services = await listServiceOptions(ctx.schoolId)
  const wanted = (await searchParams).serviceId
  // Only a service of this school is chosen for the person; anything else leaves the choice to them.
  const serviceId = services.find((s) => s.id === wanted)?.id ?? ''
  return (
    <>
      <PageHeader
        title="Add a contingency plan"
        description="How a service will be recovered from one kind of failure, what it costs, and what keeps the school going meanwhile. Its steps are added next."
      />
      <div className="max-w-2xl rounded-lg border border-slate-300 bg-white p-4">
        {services.length === 0 ? (
          <p>Add the school's services first: each plan is for one service.</p>
        ) : (
          <PlanForm services={services} initial={{ serviceId, strategy: 'MANUAL_WORKAROUND' }} />
        )}
      </div>
    </>
  )
}
