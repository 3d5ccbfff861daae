'use client'

import Link from 'next/link'

/** The review panel's content in words (`ReviewDuePanel` works them out on the server). */
export type ReviewDueWords = {
  overdue: boolean
  /** "20 Dec 2026" */
  dueOn: string
  term: string | null
  /** "due in 26 days", "3 days overdue" */
  dueIn: string
  cadence: string
  lastSignedOff: string
  current: { id: string; number: number; status: string } | null
  proposals: { id: string; reason: string }[]
}

/**
 * The next review's due date, plainly overdue when it is, and the review under way. A client component
 * fed words (ARCHITECTURE.md, "What a page costs").
 */
export function ReviewDueView({ due, linkToReviews }: { due: ReviewDueWords; linkToReviews: boolean }) {
  return (
    <section
      aria-labelledby="review-due-h"
      className={`mb-8 rounded-lg border p-4 ${due.overdue ? 'border-red-700 bg-red-50' : 'border-slate-300 bg-white'}`}
    >
      <h2 id="review-due-h" className="text-lg font-bold">
        Plan review
      </h2>
      <p className={`mt-1 text-lg ${due.overdue ? 'font-bold text-red-900' : ''}`} data-testid="review-due">
        {due.overdue ? 'Overdue: ' : 'Next review '}
        {due.overdue ? 'the review was due' : 'due'} {due.dueOn}
        {due.term ? ` (end of the ${due.term} term)` : ''}, {due.dueIn}.
      </p>
      <p className="mt-1 text-sm text-slate-700">
        Schedule: {due.cadence}. {due.lastSignedOff}
      </p>
      {due.current && (
        <p className="mt-1 text-sm">
          <Link href={`/reviews/${due.current.id}`} className="text-brand-700 underline">
            Review {due.current.number}
          </Link>{' '}
          is under way: {due.current.status}.
        </p>
      )}
      {linkToReviews && due.proposals.length > 0 && (
        <div className="mt-3">
          <h3 className="font-semibold">
            {due.proposals.length === 1
              ? 'A review is proposed'
              : `${due.proposals.length} reviews are proposed`}
          </h3>
          <ul className="mt-1 list-disc space-y-1 pl-5 text-sm" data-testid="dashboard-proposals">
            {due.proposals.slice(0, 3).map((p) => (
              <li key={p.id}>{p.reason}</li>
            ))}
          </ul>
          {due.proposals.length > 3 && (
            <p className="text-sm">and {due.proposals.length - 3} more on the reviews page.</p>
          )}
        </div>
      )}
      {linkToReviews && (
        <p className="mt-2 text-sm">
          <Link href="/reviews" className="text-brand-700 underline">
            All reviews
          </Link>
        </p>
      )}
    </section>
  )
}
