import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { Flag, RatingBadge } from '@/components/risks/rating-badge'
import { buttonClass } from '@/components/ui/button'
import { Notice } from '@/components/ui/notice'
import { PageHeader } from '@/components/ui/page-header'
import { requireSchoolContext } from '@/lib/auth/context'
import { can } from '@/lib/auth/permissions'
import { formatDay } from '@/lib/format'
import { PROPOSAL_KIND_LABELS, parseProposalKey } from '@/lib/risks/proposals'
import { getRiskView } from '@/lib/risks/queries'
import { COUNTERMEASURE_KINDS, COUNTERMEASURE_STATUSES, labelOf } from '@/lib/risks/schema'
import { IMPACT_SCALE, LIKELIHOOD_LEVELS } from '@/lib/risks/scoring'
import { CRITICALITY } from '@/lib/services/schema'
import { RiskForm } from '../_components/risk-form'
import { riskFormValues } from '../_components/risk-values'
import { RiskStatus } from './_components/risk-status'

export const metadata: Metadata = { title: 'Risk' }

const SECTION = 'mb-6 rounded-lg border border-slate-300 bg-white p-4'
const level = (levels: readonly { value: number; label: string }[], v: number) =>
  `${v}. ${levels.find((l) => l.value === v)?.label ?? ''}`

export default async function RiskPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>
  searchParams: Promise<{ saved?: string }>
}) {
  const ctx = await requireSchoolContext('risks.read')
  const { id } = await params
  const edit = can(ctx.role, 'risks.edit')
  const view = await getRiskView(ctx.schoolId, id, ctx.timeZone, { edit })
  if (!view) notFound()
  const { risk } = view
  const open = risk.status === 'OPEN'
  const source = risk.proposalKey ? parseProposalKey(risk.proposalKey) : null
  const accepted = (await searchParams).saved === 'accepted'
  return (
    <>
      <p className="mb-2 text-sm print:hidden">
        <Link href="/risks" className="text-brand-700 underline">
          Risks
        </Link>
      </p>
      <PageHeader title={risk.title} description={risk.description || undefined} />
      {accepted && (
        <Notice tone="success" title="The proposed risk was added to the register.">
          Check its likelihood and impact, then add the countermeasures that lower it.
        </Notice>
      )}
      {!open && (
        <Notice tone="info" title="Closed">
          This risk is closed{risk.closedAt ? ` since ${formatDay(risk.closedAt)}` : ''}: it stays in the
          register but leaves the heat map and the dashboard.
        </Notice>
      )}
      {view.aboveAppetite && (
        <Notice tone="warning" title="Above the school's risk appetite">
          It scores {view.current}, more than the appetite of {view.appetite}: it needs action.
        </Notice>
      )}
      {view.reviewOverdue && (
        <Notice tone="warning" title="Review overdue">
          Its review was due on {risk.nextReviewOn ? formatDay(risk.nextReviewOn) : ''}.
        </Notice>
      )}

      <section aria-labelledby="assess-h" className={SECTION}>
        <h2 id="assess-h" className="mb-3 text-lg font-bold">
          Assessment
        </h2>
        <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
          <div>
            <dt className="text-sm font-semibold">Before countermeasures</dt>
            <dd>
              <RatingBadge score={view.score} />
              <span className="block text-sm text-slate-700">
                Likelihood {level(LIKELIHOOD_LEVELS, risk.likelihood)}, impact{' '}
                {level(IMPACT_SCALE, risk.impact)}
              </span>
            </dd>
          </div>
          <div>
            <dt className="text-sm font-semibold">After countermeasures</dt>
            <dd>
              {view.residual !== null && risk.residualLikelihood && risk.residualImpact ? (
                <>
                  <RatingBadge score={view.residual} />
                  <span className="block text-sm text-slate-700">
                    Likelihood {level(LIKELIHOOD_LEVELS, risk.residualLikelihood)}, impact{' '}
                    {level(IMPACT_SCALE, risk.residualImpact)}
                  </span>
                </>
              ) : (
                'Not assessed yet'
              )}
            </dd>
          </div>
          <div>
            <dt className="text-sm font-semibold">Category</dt>
            <dd>{risk.category.name}</dd>
          </div>
          <div>
            <dt className="text-sm font-semibold">Threats</dt>
            <dd>{risk.threats.map((t) => t.name).join(', ') || 'None recorded'}</dd>
          </div>
          <div>
            <dt className="text-sm font-semibold">Owner</dt>
            <dd>{risk.owner || 'Not set'}</dd>
          </div>
          <div>
            <dt className="text-sm font-semibold">Next review</dt>
            <dd>
              {risk.nextReviewOn ? formatDay(risk.nextReviewOn) : 'Not set'}{' '}
              {view.reviewOverdue && <Flag>Overdue</Flag>}
            </dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="endangers-h" className={SECTION}>
        <h2 id="endangers-h" className="mb-3 text-lg font-bold">
          What it endangers
        </h2>
        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <h3 className="font-semibold">Services</h3>
            {risk.services.length ? (
              <ul className="list-disc pl-5">
                {risk.services.map((s) => (
                  <li key={s.id}>
                    <Link href={`/services/${s.id}`} className="text-brand-700 underline">
                      {s.name}
                    </Link>{' '}
                    <span className="text-sm text-slate-700">
                      ({CRITICALITY[s.criticality - 1]?.label ?? ''})
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-slate-700">No services recorded.</p>
            )}
          </div>
          <div>
            <h3 className="font-semibold">Assets</h3>
            {risk.assets.length ? (
              <ul className="list-disc pl-5">
                {risk.assets.map((a) => (
                  <li key={a.id}>
                    <Link href={`/assets/${a.id}`} className="text-brand-700 underline">
                      {a.name}
                    </Link>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-slate-700">No assets recorded.</p>
            )}
          </div>
        </div>
        {source && (
          <p className="mt-3 text-sm" data-testid="risk-source">
            <strong>Where it came from:</strong> proposed from the catalogue (
            {PROPOSAL_KIND_LABELS[source.kind].toLowerCase()}
            {risk.sourceAsset ? (
              <>
                {': '}
                <Link href={`/assets/${risk.sourceAsset.id}`} className="text-brand-700 underline">
                  {risk.sourceAsset.name}
                </Link>
              </>
            ) : (
              ', an asset no longer recorded'
            )}
            ).
          </p>
        )}
      </section>

      <section aria-labelledby="cm-h" className={SECTION}>
        <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
          <h2 id="cm-h" className="text-lg font-bold">
            Countermeasures
          </h2>
          {edit && (
            <Link href={`/risks/countermeasures/new?risk=${risk.id}`} className={buttonClass('secondary')}>
              Add a countermeasure
            </Link>
          )}
        </div>
        {risk.countermeasures.length ? (
          <ul className="divide-y divide-slate-200">
            {risk.countermeasures.map((c) => (
              <li key={c.id} className="py-2" data-testid={`cm-${c.title}`}>
                <Link
                  href={`/risks/countermeasures/${c.id}`}
                  className="font-semibold text-brand-700 underline"
                >
                  {c.title}
                </Link>{' '}
                <span className="text-sm text-slate-700">
                  {labelOf(COUNTERMEASURE_KINDS, c.kind)} · {labelOf(COUNTERMEASURE_STATUSES, c.status)}
                  {c.dueOn && c.status === 'PLANNED' ? ` · due ${formatDay(c.dueOn)}` : ''}
                  {c.lastVerifiedOn ? ` · verified ${formatDay(c.lastVerifiedOn)}` : ''}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-slate-700">Nothing lowers this risk yet.</p>
        )}
      </section>

      {edit && view.options && (
        <section aria-labelledby="edit-h" className={`${SECTION} max-w-3xl print:hidden`}>
          <h2 id="edit-h" className="mb-3 text-lg font-bold">
            Edit this risk
          </h2>
          <RiskForm
            id={risk.id}
            version={risk.version}
            options={view.options}
            initial={riskFormValues({
              ...risk,
              threatIds: risk.threats.map((t) => t.id),
              serviceIds: risk.services.map((s) => s.id),
              assetIds: risk.assets.map((a) => a.id),
            })}
          />
          <div className="mt-6 border-t border-slate-200 pt-4">
            <RiskStatus key={`s-${risk.version}`} id={risk.id} version={risk.version} open={open} />
          </div>
        </section>
      )}
    </>
  )
}
