import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { PlanView } from '@/components/plan/plan-view'
import { Fingerprint } from '@/components/plan-versions/fingerprint'
import { Notice } from '@/components/ui/notice'
import { PageHeader } from '@/components/ui/page-header'
import { requireSchoolContext } from '@/lib/auth/context'
import { can } from '@/lib/auth/permissions'
import { formatDateTime } from '@/lib/format'
import { getOwnAcknowledgement, getPlanVersion, listAcknowledgements } from '@/lib/plan-versions/queries'
import { describeStanding } from '@/lib/plan-versions/standing'
import { AcknowledgeForm, ApproveForm, ReturnForm } from '../_components/version-forms'

type Props = { params: Promise<{ number: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { number } = await params
  return { title: /^\d{1,9}$/.test(number) ? `Plan version ${number}` : 'Plan version' }
}

export default async function PlanVersionPage({ params }: Props) {
  const ctx = await requireSchoolContext('plan.read')
  const { number: raw } = await params
  if (!/^\d{1,9}$/.test(raw)) notFound()
  const v = await getPlanVersion(ctx.schoolId, Number(raw), { approvedOnly: !can(ctx.role, 'plan.draft') })
  if (!v) notFound()
  const isCurrent = v.standing.kind === 'CURRENT'
  const seesAcks = isCurrent && (can(ctx.role, 'plan.publish') || can(ctx.role, 'plan.approve'))
  const [own, acks] = await Promise.all([
    isCurrent && can(ctx.role, 'plan.acknowledge') ? getOwnAcknowledgement(ctx.schoolId, ctx.userId) : null,
    seesAcks ? listAcknowledgements(ctx.schoolId, v.id) : null,
  ])
  const when = (d: Date) => formatDateTime(d, ctx.timeZone)
  const deciding = v.status === 'SUBMITTED' && can(ctx.role, 'plan.approve')
  return (
    <>
      <PageHeader
        title={`Recovery plan, version ${v.number}`}
        description={
          <Link href="/plan/versions" className="text-brand-700 underline">
            All versions
          </Link>
        }
      />
      <section
        aria-labelledby="stamp-h"
        className={`mb-6 rounded-lg border-2 bg-white p-4 ${isCurrent ? 'border-green-700' : 'border-slate-400'}`}
        data-testid="stamp"
      >
        <h2 id="stamp-h" className="sr-only">
          About this version
        </h2>
        <dl className="grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
          <dt className="font-semibold">School</dt>
          <dd>{v.snapshot.school.name}</dd>
          <dt className="font-semibold">Version</dt>
          <dd>{v.number}</dd>
          <dt className="font-semibold">Status</dt>
          <dd data-testid="version-status" className="font-semibold">
            {describeStanding(v.standing)}
          </dd>
          <dt className="font-semibold">Published</dt>
          <dd>
            {when(v.publishedAt)} by {v.publishedByName}
          </dd>
          <dt className="font-semibold">{v.status === 'RETURNED' ? 'Returned' : 'Approved'}</dt>
          <dd>{v.decidedAt && v.decidedByName ? `${when(v.decidedAt)} by ${v.decidedByName}` : 'Not yet'}</dd>
          {v.status === 'RETURNED' && (
            <>
              <dt className="font-semibold">Comments</dt>
              <dd className="whitespace-pre-line break-words" data-testid="return-comment">
                {v.decisionComment}
              </dd>
            </>
          )}
          <dt className="font-semibold">Gaps printed on it</dt>
          <dd>{v.gapCount}</dd>
          <dt className="font-semibold">Fingerprint</dt>
          <dd className="min-w-0">
            <Fingerprint hex={v.fingerprint} />
          </dd>
        </dl>
        {v.status === 'APPROVED' ? (
          <p className="mt-3 text-sm text-slate-700">
            Anyone holding a printed copy can check it is current at <span className="font-mono">/check</span>{' '}
            by typing at least the first 16 characters of its fingerprint (in bold), or by scanning its QR
            code.
          </p>
        ) : (
          <p className="mt-3 text-sm text-slate-700">
            Not approved: a printed copy of this version says so on every page, and the check page does not
            recognise it. Keep the approved version as the copy the team holds.
          </p>
        )}
        <p className="mt-3 flex flex-wrap gap-x-4 gap-y-1">
          <a href={`/plan/versions/${v.number}/pdf`} className="font-semibold text-brand-700 underline">
            Download the plan (PDF)
          </a>
          {(can(ctx.role, 'plan.acknowledge') || can(ctx.role, 'assignments.read-own')) && (
            <a href={`/plan/versions/${v.number}/pack`} className="font-semibold text-brand-700 underline">
              Download your own pack (PDF)
            </a>
          )}
        </p>
      </section>

      {deciding && (
        <section
          aria-labelledby="decide-h"
          className="mb-6 rounded-lg border border-amber-600 bg-amber-50 p-4"
        >
          <h2 id="decide-h" className="mb-2 text-lg font-bold">
            Awaiting your approval
          </h2>
          {v.publishedById === ctx.userId ? (
            <p>You published this version: another head teacher must approve it or return it.</p>
          ) : (
            <div className="grid gap-4 md:grid-cols-2">
              <div>
                <p className="mb-2 text-slate-800">
                  Approving makes it the current plan; the team is asked to acknowledge it.
                </p>
                <ApproveForm id={v.id} version={v.version} number={v.number} />
              </div>
              <ReturnForm id={v.id} version={v.version} number={v.number} />
            </div>
          )}
        </section>
      )}

      {own && (
        <section aria-labelledby="ack-h" className="mb-6 rounded-lg border border-slate-300 bg-white p-4">
          <h2 id="ack-h" className="mb-2 text-lg font-bold">
            Your acknowledgement
          </h2>
          {!own.member ? (
            <p className="text-slate-700">
              Your login is not linked to a member of the recovery team, so there is nothing for you to
              acknowledge.
            </p>
          ) : own.acknowledgedAt ? (
            <p data-testid="acknowledged">
              You acknowledged holding and reading version {v.number} on {when(own.acknowledgedAt)}.
            </p>
          ) : (
            <>
              <p className="mb-2 text-slate-800">
                Keep a copy where you can reach it when the school’s systems are down, read it, then say so.
              </p>
              <AcknowledgeForm planVersionId={v.id} number={v.number} />
            </>
          )}
        </section>
      )}

      {acks && (
        <section aria-labelledby="acks-h" className="mb-6 rounded-lg border border-slate-300 bg-white p-4">
          <h2 id="acks-h" className="mb-2 text-lg font-bold">
            Who has acknowledged version {v.number}
          </h2>
          <p className="mb-2" data-testid="ack-summary">
            {acks.acknowledged} of {acks.rows.length} team members have acknowledged it
            {acks.outstanding > 0 ? `; ${acks.outstanding} have not.` : '.'}
          </p>
          {acks.rows.length > 0 && (
            <ul className="divide-y divide-slate-200">
              {acks.rows.map((r) => (
                <li key={r.memberId} className="py-1" data-testid={`ack-${r.memberId}`}>
                  <span className="font-semibold">{r.name}</span>:{' '}
                  {r.acknowledgedAt
                    ? `acknowledged ${when(r.acknowledgedAt)}`
                    : r.canSignIn
                      ? 'not yet acknowledged'
                      : 'not yet acknowledged (no login: give them a printed copy and record it under copies)'}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      {v.standing.kind === 'SUPERSEDED' && (
        <Notice tone="warning" title={`Version ${v.number} is superseded`}>
          <Link href={`/plan/versions/${v.standing.by}`} className="underline">
            Version {v.standing.by}
          </Link>{' '}
          is the current plan. Replace any printed copies of this one.
        </Notice>
      )}
      <PlanView snapshot={v.snapshot} showContacts={can(ctx.role, 'plan.contacts')} />
    </>
  )
}
