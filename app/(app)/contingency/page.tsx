import type { Metadata } from 'next'
import Link from 'next/link'
import { buttonClass } from '@/components/ui/button'
import { FilterBar } from '@/components/ui/filter-bar'
import { PageHeader } from '@/components/ui/page-header'
import { requireSchoolContext } from '@/lib/auth/context'
import { can } from '@/lib/auth/permissions'
import { formatDuration } from '@/lib/catalogue/durations'
import { planListParamsSchema } from '@/lib/contingency/list-params'
import { formatCosts } from '@/lib/contingency/money'
import { listPlansByService } from '@/lib/contingency/queries'
import { strategyLabel } from '@/lib/contingency/schema'
import { CRITICALITY } from '@/lib/services/schema'
import { parseSearchParams, type RawSearchParams } from '@/lib/validation/search-params'

export const metadata: Metadata = { title: 'Contingency plans' }

export default async function ContingencyPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const ctx = await requireSchoolContext('contingency.read')
  const p = parseSearchParams(planListParamsSchema, await searchParams)
  const services = await listPlansByService(ctx.schoolId, p)
  const edit = can(ctx.role, 'contingency.edit')
  const unplanned = services.filter((s) => s.plans.length === 0).length
  return (
    <>
      <PageHeader
        title="Contingency plans"
        description="How each service is recovered, and what keeps the school running meanwhile. Every service needs at least one plan; add more where different threats need different plans."
        actions={
          edit && (
            <Link href="/contingency/new" className={buttonClass('primary')}>
              Add a plan
            </Link>
          )
        }
      />
      <FilterBar
        label="Filter plans"
        clearHref="/contingency"
        active={Boolean(p.q || p.show !== 'all')}
        fields={[
          { kind: 'search', name: 'q', label: 'Search services', value: p.q },
          {
            kind: 'select',
            name: 'show',
            label: 'Show',
            value: p.show === 'all' ? '' : p.show,
            options: [
              { value: '', label: 'All services' },
              { value: 'unplanned', label: 'Services with no plan' },
            ],
          },
        ]}
      />
      <p className="mb-3 text-sm text-slate-700" aria-live="polite">
        {services.length} service{services.length === 1 ? '' : 's'}
        {p.show === 'all' && unplanned > 0 && (
          <strong className="text-amber-900">, {unplanned} with no contingency plan</strong>
        )}
      </p>
      {services.length === 0 ? (
        <p className="text-slate-700">No services match.</p>
      ) : (
        <ul className="space-y-3" data-testid="plan-list">
          {services.map((s) => (
            <li
              key={s.id}
              className="rounded-lg border border-slate-300 bg-white p-4"
              data-testid="service-plans"
            >
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h2 className="text-lg font-bold">
                  <Link href={`/services/${s.id}`} className="text-brand-700 underline">
                    {s.name}
                  </Link>
                </h2>
                <p className="text-sm text-slate-700">
                  {s.criticality}. {CRITICALITY[s.criticality - 1]?.label} · RTO{' '}
                  {formatDuration(s.rtoMinutes)}
                </p>
              </div>
              {s.plans.length === 0 ? (
                <p className="mt-2 flex flex-wrap items-center gap-3">
                  <span className="rounded bg-amber-100 px-2 py-0.5 text-sm font-bold text-amber-950">
                    No contingency plan
                  </span>
                  {edit && (
                    <Link href={`/contingency/new?serviceId=${s.id}`} className="text-brand-700 underline">
                      Add a plan for {s.name}
                    </Link>
                  )}
                </p>
              ) : (
                <ul className="mt-2 divide-y divide-slate-200">
                  {s.plans.map((plan) => (
                    <li key={plan.id} className="py-2">
                      <Link
                        href={`/contingency/${plan.id}`}
                        className="font-semibold text-brand-700 underline"
                      >
                        {plan.name}
                      </Link>
                      <span className="block text-sm text-slate-700">
                        {strategyLabel(plan.strategy)} ·{' '}
                        {formatCosts(plan.oneOffCostPence, plan.yearlyCostPence)} ·{' '}
                        {plan.steps === 0 ? (
                          <strong className="text-amber-900">no steps yet</strong>
                        ) : (
                          `${plan.steps} step${plan.steps === 1 ? '' : 's'}`
                        )}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  )
}
