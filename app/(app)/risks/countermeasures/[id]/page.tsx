import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { Flag, RatingBadge } from '@/components/risks/rating-badge'
import { Notice } from '@/components/ui/notice'
import { PageHeader } from '@/components/ui/page-header'
import { requireSchoolContext } from '@/lib/auth/context'
import { can } from '@/lib/auth/permissions'
import { formatDay } from '@/lib/format'
import { getCountermeasureView } from '@/lib/risks/queries'
import { COUNTERMEASURE_KINDS, COUNTERMEASURE_STATUSES, FITS_PROCESSES, labelOf } from '@/lib/risks/schema'
import { currentScore } from '@/lib/risks/scoring'
import { ArchiveCountermeasure } from '../_components/archive-countermeasure'
import { CountermeasureForm } from '../_components/countermeasure-form'
import { CountermeasureStatus } from '../_components/countermeasure-status'
import { countermeasureFormValues } from '../_components/countermeasure-values'

export const metadata: Metadata = { title: 'Countermeasure' }

const SECTION = 'mb-6 rounded-lg border border-slate-300 bg-white p-4'

export default async function CountermeasurePage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireSchoolContext('risks.read')
  const { id } = await params
  const edit = can(ctx.role, 'risks.edit')
  const view = await getCountermeasureView(ctx.schoolId, id, ctx.timeZone, { edit })
  if (!view) notFound()
  const c = view.countermeasure
  const process = FITS_PROCESSES.find((p) => p.value === c.process)
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/risks/countermeasures" className="text-brand-700 underline">
          Countermeasures
        </Link>
      </p>
      <PageHeader title={c.title} description={c.description || undefined} />
      {c.archivedAt && <Notice tone="warning" title="Archived" />}
      <section aria-labelledby="about-h" className={SECTION}>
        <h2 id="about-h" className="mb-3 text-lg font-bold">
          About it
        </h2>
        <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
          <div>
            <dt className="text-sm font-semibold">Status</dt>
            <dd data-testid="cm-status">
              {labelOf(COUNTERMEASURE_STATUSES, c.status)} {view.overdue && <Flag>Overdue</Flag>}{' '}
              {view.neverVerified && <Flag tone="info">Never verified</Flag>}
            </dd>
          </div>
          <div>
            <dt className="text-sm font-semibold">Kind</dt>
            <dd>{labelOf(COUNTERMEASURE_KINDS, c.kind)}</dd>
          </div>
          <div>
            <dt className="text-sm font-semibold">FITS process</dt>
            <dd>
              {process?.label}
              <span className="block text-sm text-slate-700">{process?.contributes}</span>
            </dd>
          </div>
          <div>
            <dt className="text-sm font-semibold">Owner</dt>
            <dd>{c.owner || 'Not set'}</dd>
          </div>
          <div>
            <dt className="text-sm font-semibold">Due</dt>
            <dd>{c.dueOn ? formatDay(c.dueOn) : 'Not set'}</dd>
          </div>
          <div>
            <dt className="text-sm font-semibold">Cost</dt>
            <dd>{c.costPounds === null ? 'Not known' : `£${c.costPounds.toLocaleString('en-GB')}`}</dd>
          </div>
          <div className="sm:col-span-2">
            <dt className="text-sm font-semibold">Last verified</dt>
            <dd>
              {c.lastVerifiedOn ? formatDay(c.lastVerifiedOn) : 'Never'}
              {c.verificationNote && (
                <span className="block text-sm text-slate-700">{c.verificationNote}</span>
              )}
            </dd>
          </div>
        </dl>
        {edit && !c.archivedAt && (
          <div className="mt-4 border-t border-slate-200 pt-3">
            <CountermeasureStatus key={c.version} id={c.id} version={c.version} status={c.status} />
          </div>
        )}
      </section>
      <section aria-labelledby="risks-h" className={SECTION}>
        <h2 id="risks-h" className="mb-3 text-lg font-bold">
          Risks it reduces
        </h2>
        {c.risks.length ? (
          <ul className="divide-y divide-slate-200">
            {c.risks.map((r) => (
              <li key={r.id} className="flex flex-wrap items-center gap-2 py-2">
                <Link href={`/risks/${r.id}`} className="font-semibold text-brand-700 underline">
                  {r.title}
                </Link>
                <RatingBadge score={currentScore(r)} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-slate-700">No risks are linked to it yet.</p>
        )}
      </section>
      {edit && (
        <section aria-labelledby="edit-h" className={`${SECTION} max-w-3xl`}>
          <h2 id="edit-h" className="mb-3 text-lg font-bold">
            Edit this countermeasure
          </h2>
          {/* Re-keyed when the status buttons above change it, so the form never posts an old status back. */}
          <CountermeasureForm
            key={c.status}
            id={c.id}
            version={c.version}
            risks={view.choices}
            initial={countermeasureFormValues({ ...c, riskIds: c.risks.map((r) => r.id) })}
          />
          <div className="mt-6 border-t border-slate-200 pt-4">
            <ArchiveCountermeasure
              key={`a-${c.version}`}
              id={c.id}
              version={c.version}
              name={c.title}
              archived={Boolean(c.archivedAt)}
            />
          </div>
        </section>
      )}
    </>
  )
}
