import type { Metadata } from 'next'
import Link from 'next/link'
import { RatingBadge } from '@/components/risks/rating-badge'
import { PageHeader } from '@/components/ui/page-header'
import { requireSchoolContext } from '@/lib/auth/context'
import { can } from '@/lib/auth/permissions'
import { DEFAULT_CATEGORIES, DEFAULT_THREATS } from '@/lib/risks/defaults'
import { PROPOSAL_KIND_LABELS } from '@/lib/risks/proposals'
import { listProposals } from '@/lib/risks/queries'
import { riskScore } from '@/lib/risks/scoring'
import { RiskTabs } from '../_components/risk-tabs'
import { ProposalActions } from './_components/proposal-card'

export const metadata: Metadata = { title: 'Risks proposed from the catalogue' }

const categoryName = (key: string) => DEFAULT_CATEGORIES.find((c) => c.key === key)?.name ?? key
const threatName = (key: string) => DEFAULT_THREATS.find((t) => t.key === key)?.name ?? key

export default async function ProposalsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>
}) {
  const ctx = await requireSchoolContext('risks.read')
  const dismissed = (await searchParams).saved === 'dismissed'
  const edit = can(ctx.role, 'risks.edit')
  const { proposals, serviceNames } = await listProposals(ctx.schoolId)
  return (
    <>
      <PageHeader
        title="Risks proposed from the catalogue"
        description="The catalogue already knows where the school is fragile: single points of failure, external services with no standby, people nobody can cover and data with no recorded copy. Each is offered here as a risk, with its category, threats and the services it endangers filled in."
      />
      <RiskTabs current="proposals" />
      {dismissed && (
        <p
          role="status"
          className="mb-4 rounded-lg border border-green-700 bg-green-50 p-3 font-semibold text-green-900"
        >
          The proposal was dismissed. Its reason is kept in the activity log, and it comes back if its asset
          changes.
        </p>
      )}
      {proposals.length === 0 ? (
        <p className="rounded-lg border border-slate-300 bg-white p-4 text-slate-700">
          Nothing to propose: every weak point in the catalogue is in the register or was dismissed. A
          dismissed proposal comes back when its asset changes.
        </p>
      ) : (
        <ul className="grid gap-4">
          {proposals.map((p) => (
            <li
              key={p.key}
              className="rounded-lg border border-slate-300 bg-white p-4"
              data-testid={`proposal-${p.assetName}`}
            >
              <p className="text-sm font-semibold text-slate-700">{PROPOSAL_KIND_LABELS[p.kind]}</p>
              <h2 className="text-lg font-bold">{p.title}</h2>
              <p className="mt-1">{p.reason}</p>
              <dl className="mt-2 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
                <div>
                  <dt className="inline font-semibold">Asset: </dt>
                  <dd className="inline">
                    <Link href={`/assets/${p.assetId}`} className="text-brand-700 underline">
                      {p.assetName}
                    </Link>
                  </dd>
                </div>
                <div>
                  <dt className="inline font-semibold">Category: </dt>
                  <dd className="inline">{categoryName(p.categoryKey)}</dd>
                </div>
                <div>
                  <dt className="inline font-semibold">Threats: </dt>
                  <dd className="inline">{p.threatKeys.map(threatName).join(', ')}</dd>
                </div>
                <div>
                  <dt className="inline font-semibold">Services: </dt>
                  <dd className="inline">
                    {p.serviceIds.map((id) => serviceNames.get(id)).join(', ') || 'none yet'}
                  </dd>
                </div>
                <div>
                  <dt className="inline font-semibold">Starting score: </dt>
                  <dd className="inline">
                    <RatingBadge score={riskScore(p.likelihood, p.impact)} />
                  </dd>
                </div>
              </dl>
              {edit && <ProposalActions proposalKey={p.key} title={p.title} />}
            </li>
          ))}
        </ul>
      )}
    </>
  )
}
