import type { Metadata } from 'next'
import Link from 'next/link'
import { ReviewDuePanel } from '@/components/reviews/review-due-panel'
import { ReviewProposalList } from '@/components/reviews/review-proposals'
import { PageHeader } from '@/components/ui/page-header'
import { TableScroll } from '@/components/ui/table-scroll'
import { requireSchoolContext } from '@/lib/auth/context'
import { can } from '@/lib/auth/permissions'
import { formatDate, formatDay } from '@/lib/format'
import {
  evaluateReviewTriggers,
  getReviewDue,
  listDecidedProposals,
  listOpenProposals,
  listOpenReviewActions,
  listReviews,
  seesProposals,
} from '@/lib/reviews/queries'
import { KIND_LABELS, PROPOSAL_STATUS_LABELS, STATUS_LABELS } from '@/lib/reviews/schema'
import { TRIGGER_LABELS } from '@/lib/reviews/triggers'
import { ActionDone } from './_components/action-done'
import { DismissProposal, StartProposedReview } from './_components/proposal-forms'
import { StartReview } from './_components/start-review'

export const metadata: Metadata = { title: 'Reviews' }

export default async function ReviewsPage() {
  const ctx = await requireSchoolContext('review.read')
  const edit = can(ctx.role, 'review.edit')
  const [due, reviews, actions] = await Promise.all([
    getReviewDue(ctx.schoolId),
    listReviews(ctx.schoolId),
    listOpenReviewActions(ctx.schoolId),
  ])
  const awaiting = reviews.find((r) => r.status === 'SUBMITTED')
  // The manager and the head teacher see what the triggers propose, evaluated as the page loads.
  const proposals = seesProposals(ctx.role)
    ? await evaluateReviewTriggers(ctx.schoolId, due).then(() =>
        Promise.all([listOpenProposals(ctx.schoolId, due), listDecidedProposals(ctx.schoolId)]),
      )
    : null
  return (
    <>
      <PageHeader
        title="Reviews"
        description="Service continuity is a continuous process: the plan is reviewed on a regular basis, walking the FITS checklists and every change since the last review, and the head teacher signs each review off."
        actions={
          edit ? (
            <Link href="/reviews/settings" className="text-brand-700 underline">
              Schedule and checklist
            </Link>
          ) : undefined
        }
      />
      <ReviewDuePanel due={due} linkToReviews={false} />
      {awaiting && can(ctx.role, 'review.signoff') && (
        <p className="mb-6 rounded-md border-l-4 border-amber-600 bg-amber-50 p-3">
          <Link href={`/reviews/${awaiting.id}`} className="font-semibold text-brand-700 underline">
            Review {awaiting.number}
          </Link>{' '}
          is waiting for your sign-off.
        </p>
      )}
      {edit && !due.current && (
        <div className="mb-8">
          <StartReview />
        </div>
      )}
      {proposals && (
        <section aria-labelledby="proposals-h" className="mb-8">
          <h2 id="proposals-h" className="mb-1 text-lg font-bold">
            Proposed reviews
          </h2>
          <p className="mb-3 max-w-prose text-sm text-slate-700">
            Besides the schedule, a review is proposed when the approved plan has been out of date for a
            while, a vital or high service is added or changed, or a new head teacher or service continuity
            manager takes office.
          </p>
          {proposals[0].length === 0 ? (
            <p>None open.</p>
          ) : (
            <ReviewProposalList
              proposals={proposals[0]}
              timeZone={ctx.timeZone}
              actions={(p) =>
                edit ? (
                  <div className="mt-2 grid gap-3 sm:grid-cols-2">
                    {due.current ? (
                      <p className="text-sm">
                        <Link href={`/reviews/${due.current.id}`} className="text-brand-700 underline">
                          Review {due.current.number}
                        </Link>{' '}
                        is under way and covers this.
                      </p>
                    ) : (
                      <StartProposedReview id={p.id} version={p.version} />
                    )}
                    <DismissProposal id={p.id} version={p.version} />
                  </div>
                ) : due.current ? (
                  <p className="mt-1 text-sm">Review {due.current.number} is under way and covers this.</p>
                ) : null
              }
            />
          )}
          {proposals[1].length > 0 && (
            <details className="mt-4">
              <summary className="cursor-pointer text-brand-700 underline">Decided lately</summary>
              <ul className="mt-2 space-y-2 text-sm">
                {proposals[1].map((p) => (
                  <li key={p.id} className="rounded-md border border-slate-300 bg-white p-3">
                    <p>
                      <span className="font-semibold">{PROPOSAL_STATUS_LABELS[p.status]}</span>
                      {p.decidedAt ? ` ${formatDate(p.decidedAt, ctx.timeZone)}` : ''} ·{' '}
                      {TRIGGER_LABELS[p.kind]}
                    </p>
                    <p>{p.reason}</p>
                    {p.dismissReason && <p className="text-slate-700">Why: “{p.dismissReason}”</p>}
                    {p.review && (
                      <Link href={`/reviews/${p.review.id}`} className="text-brand-700 underline">
                        Review {p.review.number}
                      </Link>
                    )}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </section>
      )}
      <section aria-labelledby="reviews-h" className="mb-8">
        <h2 id="reviews-h" className="mb-3 text-lg font-bold">
          All reviews
        </h2>
        {reviews.length === 0 ? (
          <p>No reviews yet.</p>
        ) : (
          <TableScroll label="Table of all reviews">
            <table className="w-full text-left text-sm">
              <thead>
                <tr className="border-b border-slate-300">
                  <th className="p-2">Review</th>
                  <th className="p-2">Kind</th>
                  <th className="p-2">Due</th>
                  <th className="p-2">Status</th>
                  <th className="p-2">Signed off</th>
                  <th className="p-2">Open actions</th>
                </tr>
              </thead>
              <tbody>
                {reviews.map((r) => (
                  <tr key={r.id} className="border-b border-slate-200">
                    <td className="p-2">
                      <Link href={`/reviews/${r.id}`} className="text-brand-700 underline">
                        Review {r.number}
                      </Link>
                    </td>
                    <td className="p-2">{KIND_LABELS[r.kind]}</td>
                    <td className="p-2">{formatDay(r.dueDate)}</td>
                    <td className="p-2">{STATUS_LABELS[r.status]}</td>
                    <td className="p-2">
                      {r.signedOffAt
                        ? `${formatDate(r.signedOffAt, ctx.timeZone)} by ${r.signedOffName}`
                        : '—'}
                    </td>
                    <td className="p-2">{r._count.actions}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
      <section aria-labelledby="actions-h" className="mb-8">
        <h2 id="actions-h" className="mb-3 text-lg font-bold">
          Open actions from reviews
        </h2>
        {actions.length === 0 ? (
          <p>None: every action from a review is done.</p>
        ) : (
          <ul className="space-y-2">
            {actions.map((a) => (
              <li key={a.id} className="rounded-md border border-slate-300 bg-white p-3">
                <p className="font-semibold">{a.title}</p>
                <p className="text-sm text-slate-700">
                  {a.owner}, due {formatDay(a.dueDate)} (
                  <Link href={`/reviews/${a.review.id}`} className="text-brand-700 underline">
                    Review {a.review.number}
                  </Link>
                  )
                </p>
                {edit && <ActionDone id={a.id} version={a.version} done={false} title={a.title} />}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  )
}
