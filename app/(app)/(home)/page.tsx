import type { Metadata } from 'next'
import Link from 'next/link'
import { RecentChanges } from '@/components/audit/change-entry'
import { LoadStarterButton } from '@/components/catalogue/load-starter-button'
import { CoveragePanel } from '@/components/coverage/coverage-panel'
import { DashboardForYou } from '@/components/people/dashboard-for-you'
import { AcknowledgePanel, PlanStatusPanel } from '@/components/plan-versions/plan-status-panel'
import { ReviewDuePanel } from '@/components/reviews/review-due-panel'
import { RiskPanel } from '@/components/risks/risk-panel'
import { PageHeader } from '@/components/ui/page-header'
import { StatGrid } from '@/components/ui/stat-grid'
import { entryView } from '@/lib/audit/describe'
import { requireSchoolContext } from '@/lib/auth/context'
import { can, ROLE_LABELS } from '@/lib/auth/permissions'
import { getDashboard } from '@/lib/dashboard/queries'
import { formatDate, formatDateTime } from '@/lib/format'
import type { Role } from '@/lib/generated/prisma/enums'

export const metadata: Metadata = { title: 'Dashboard' }

const ROLES: Role[] = ['MANAGER', 'HEAD', 'TEAM', 'VIEWER']

export default async function DashboardPage() {
  const ctx = await requireSchoolContext('school.read')
  const { school, members, auditCount, recent, catalogue, risks, reviewDue, coverage, plan, ownAck } =
    await getDashboard(ctx)
  const peopleHref = can(ctx.role, 'people.read') ? '/people' : undefined
  return (
    <>
      <PageHeader
        title="Dashboard"
        description={`${school.name}${school.urn ? ` (URN ${school.urn})` : ''}: the state of your ICT service continuity plan.`}
      />
      {can(ctx.role, 'assignments.read-own') && (
        <section
          aria-labelledby="my-steps-h"
          className="mb-6 rounded-lg border-2 border-brand-700 bg-white p-4"
        >
          <h2 id="my-steps-h" className="text-lg font-bold">
            Your recovery steps
          </h2>
          <p className="mb-2 text-slate-700">
            When a service fails: what you do, most urgent first, with the numbers to call.
          </p>
          <Link
            href="/my-steps"
            className="inline-flex min-h-12 items-center text-lg font-bold text-brand-700 underline"
          >
            Open your recovery steps
          </Link>
        </section>
      )}
      <DashboardForYou />
      {ownAck && <AcknowledgePanel own={ownAck} />}
      {plan && (
        <PlanStatusPanel
          plan={{ ...plan, changes: plan.changes.map(entryView) }}
          approvedOn={plan.current?.decidedAt ? formatDateTime(plan.current.decidedAt, ctx.timeZone) : null}
          approver={can(ctx.role, 'plan.approve')}
        />
      )}
      {reviewDue && <ReviewDuePanel due={reviewDue} />}
      <section aria-labelledby="catalogue-h" className="mb-8">
        <h2 id="catalogue-h" className="mb-3 text-lg font-bold">
          Services and assets
        </h2>
        <StatGrid
          items={[
            {
              label: catalogue.services === 1 ? 'Service' : 'Services',
              value: catalogue.services,
              href: '/services',
            },
            { label: catalogue.assets === 1 ? 'Asset' : 'Assets', value: catalogue.assets, href: '/assets' },
            {
              label: catalogue.spofs === 1 ? 'Single point of failure' : 'Single points of failure',
              value: catalogue.spofs,
              href: '/assets?check=spof',
            },
            {
              label: catalogue.standbysToCheck === 1 ? 'Standby to re-check' : 'Standbys to re-check',
              value: catalogue.standbysToCheck,
              href: '/assets?check=standby',
            },
          ]}
        />
        {can(ctx.role, 'catalogue.edit') && (
          <div className="mt-4 rounded-lg border border-slate-300 bg-white p-4">
            <h3 className="font-bold">
              {catalogue.services === 0 ? 'Getting started' : 'Starter catalogue'}
            </h3>
            <p className="mb-3 text-slate-700">
              {catalogue.services === 0
                ? "Start from a typical school's services (MIS, e-mail, internet, telephony, printing and more) and the assets behind them, then edit them to fit your school."
                : 'Adds any of the typical services and assets that are not here yet; nothing is added twice and nothing you changed is touched.'}
            </p>
            <LoadStarterButton />
          </div>
        )}
      </section>
      {risks && <RiskPanel summary={risks} />}
      {coverage && <CoveragePanel counts={coverage.counts} total={coverage.total} />}
      {/* Counts of people and of changes are shown only to roles that may read people and the audit trail. */}
      {peopleHref && (
        <section aria-labelledby="people-h" className="mb-8">
          <h2 id="people-h" className="mb-3 text-lg font-bold">
            People
          </h2>
          <StatGrid
            items={ROLES.map((r) => ({
              label: `${ROLE_LABELS[r]}${(members[r] ?? 0) === 1 ? '' : 's'}`,
              value: members[r] ?? 0,
              href: peopleHref,
            }))}
          />
        </section>
      )}
      <section aria-labelledby="school-h" className="mb-8 rounded-lg border border-slate-300 bg-white p-4">
        <h2 id="school-h" className="mb-2 text-lg font-bold">
          Your school
        </h2>
        <dl className="grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
          <dt className="font-semibold">Time zone</dt>
          <dd>{school.timeZone}</dd>
          <dt className="font-semibold">Go-live date</dt>
          <dd>{school.goLiveDate ? formatDate(school.goLiveDate, 'UTC') : 'Not set yet'}</dd>
          <dt className="font-semibold">Review cadence</dt>
          <dd>
            Every {school.reviewCadenceMonths} months{school.reviewCadenceMonths === 4 ? ' (termly)' : ''}
          </dd>
          {can(ctx.role, 'audit.read') && (
            <>
              <dt className="font-semibold">Recorded changes</dt>
              <dd>{auditCount}</dd>
            </>
          )}
        </dl>
      </section>
      {can(ctx.role, 'audit.read') && (
        <section aria-labelledby="recent-h">
          <h2 id="recent-h" className="mb-2 text-lg font-bold">
            Recent changes
          </h2>
          {recent.length === 0 ? (
            <p className="text-slate-700">No changes recorded yet.</p>
          ) : (
            <RecentChanges entries={recent.map(entryView)} />
          )}
          <Link href="/activity" className="mt-2 inline-block font-semibold text-brand-700 underline">
            All activity
          </Link>
        </section>
      )}
    </>
  )
}
