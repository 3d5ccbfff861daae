import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { StepsSection } from '@/components/contingency/steps-section'
import { Notice } from '@/components/ui/notice'
import { PageHeader } from '@/components/ui/page-header'
import { requireSchoolContext } from '@/lib/auth/context'
import { can } from '@/lib/auth/permissions'
import { formatDuration } from '@/lib/catalogue/durations'
import { formatCosts, formatPence } from '@/lib/contingency/money'
import { getPlanView } from '@/lib/contingency/queries'
import { STRATEGIES } from '@/lib/contingency/schema'
import { ArchivePlan } from '../_components/archive-plan'
import { PlanForm } from '../_components/plan-form'
import { toPlanValues } from '../_components/plan-values'

export const metadata: Metadata = { title: 'Contingency plan' }

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="py-2">
      <dt className="text-sm font-semibold text-slate-700">{label}</dt>
      <dd className="whitespace-pre-line break-words">
        {children || <span className="text-slate-600">Not recorded</span>}
      </dd>
    </div>
  )
}

export default async function PlanPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireSchoolContext('contingency.read')
  const { id } = await params
  const edit = can(ctx.role, 'contingency.edit')
  const view = await getPlanView(ctx.schoolId, id, { edit })
  if (!view) notFound()
  const { plan, procedure } = view
  const strategy = STRATEGIES.find((s) => s.value === plan.strategy)
  const archived = Boolean(plan.archivedAt)
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/contingency" className="text-brand-700 underline">
          Contingency plans
        </Link>{' '}
        ·{' '}
        <Link href={`/services/${plan.service.id}`} className="text-brand-700 underline">
          {plan.service.name}
        </Link>
      </p>
      <PageHeader title={plan.name} description={`Contingency plan for ${plan.service.name}`} />
      {archived && (
        <Notice tone="warning" title="Archived">
          This plan is archived: it and its steps are left out of the recovery plan.
        </Notice>
      )}
      {procedure.totalMinutes > plan.service.rtoMinutes && (
        <Notice tone="warning" title="Its steps take longer than the service's RTO">
          Done one after another, the steps take {formatDuration(procedure.totalMinutes)}; {plan.service.name}{' '}
          must be back within {formatDuration(plan.service.rtoMinutes)}.
        </Notice>
      )}
      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="plan-h" className="rounded-lg border border-slate-300 bg-white p-4">
          <h2 id="plan-h" className="text-lg font-bold">
            The plan
          </h2>
          <dl className="divide-y divide-slate-200">
            <Item label="Recovery strategy">
              {strategy && (
                <>
                  <strong>{strategy.label}</strong>
                  <span className="block text-sm text-slate-700">{strategy.explanation}</span>
                </>
              )}
            </Item>
            <Item label="Description">{plan.description}</Item>
            <Item label="Cost">{formatCosts(plan.oneOffCostPence, plan.yearlyCostPence)}</Item>
            <Item label="Manual workaround">{plan.manualWorkaround}</Item>
            <Item label="When to invoke it">{plan.invocationCriteria}</Item>
          </dl>
        </section>
        <section aria-labelledby="standby-h" className="rounded-lg border border-slate-300 bg-white p-4">
          <h2 id="standby-h" className="text-lg font-bold">
            Standby arrangement with a supplier
          </h2>
          {plan.standbySupplier || plan.standbyContact || plan.standbyHowToInvoke ? (
            <dl className="divide-y divide-slate-200">
              <Item label="Supplier">{plan.standbySupplier}</Item>
              <Item label="Contract">{plan.standbyContract}</Item>
              <Item label="Contact">{plan.standbyContact}</Item>
              <Item label="How to invoke it">{plan.standbyHowToInvoke}</Item>
              <Item label="Cost to invoke">{formatPence(plan.standbyInvokeCostPence)}</Item>
            </dl>
          ) : (
            <p className="mt-2 text-slate-700">No standby arrangement with a supplier.</p>
          )}
        </section>
      </div>
      <div className="mt-6">
        <StepsSection
          title="Steps"
          procedure={procedure}
          owner={{ planId: plan.id }}
          roles={view.roles}
          edit={edit && !archived}
        />
      </div>
      {edit && (
        <section
          aria-labelledby="edit-h"
          className="mb-6 max-w-2xl rounded-lg border border-slate-300 bg-white p-4"
        >
          <h2 id="edit-h" className="mb-3 text-lg font-bold">
            Edit this plan
          </h2>
          <PlanForm id={plan.id} version={plan.version} initial={toPlanValues(plan)} />
          <div className="mt-6 border-t border-slate-200 pt-4">
            <ArchivePlan
              key={`${plan.id}-${plan.version}`}
              id={plan.id}
              version={plan.version}
              name={plan.name}
              archived={archived}
            />
          </div>
        </section>
      )}
    </>
  )
}
