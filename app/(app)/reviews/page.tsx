import type { Metadata } from 'next'
import Link from 'next/link'
import { ReviewDuePanel } from '@/components/reviews/review-due-panel'
import { PageHeader } from '@/components/ui/page-header'
import { TableScroll } from '@/components/ui/table-scroll'
import { requireSchoolContext } from '@/lib/auth/context'
import { can } from '@/lib/auth/permissions'
import { formatDate, formatDay } from '@/lib/format'
import { getReviewDue, listOpenReviewActions, listReviews } from '@/lib/reviews/queries'
import { KIND_LABELS, STATUS_LABELS } from '@/lib/reviews/schema'
import { ActionDone } from './_components/action-done'
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
      <section aria-labelledby="reviews-h" className="mb-8">
        <h2 id="reviews-h" className="mb-3 text-lg font-bold">
          All reviews
        </h2>
        {reviews.length === 0 ? (
          <p>No reviews yet.</p>
        ) : (
          <TableScroll label="All reviews">
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
