import { formatDay } from '@/lib/format'
import type { ReviewDue } from '@/lib/reviews/queries'
import { describeDue } from '@/lib/reviews/schedule'
import { STATUS_LABELS } from '@/lib/reviews/schema'
import { ReviewDueView } from './review-due-view'

/** A date-only "YYYY-MM-DD" as the day it names, UK style. */
export const showDay = (day: string) => formatDay(new Date(`${day}T12:00:00Z`))

/** The next review's due date, plainly overdue when it is, and the review under way: worked out in words here. */
export function ReviewDuePanel({ due, linkToReviews = true }: { due: ReviewDue; linkToReviews?: boolean }) {
  const last = due.lastSignedOff
  return (
    <ReviewDueView
      linkToReviews={linkToReviews}
      due={{
        overdue: due.overdue,
        dueOn: showDay(due.due),
        term: due.term ?? null,
        dueIn: describeDue(due),
        cadence: due.cadence,
        lastSignedOff: last
          ? `Last signed off: Review ${last.number}${last.signedOffName ? ` by ${last.signedOffName}` : ''}.`
          : 'No review signed off yet.',
        current: due.current && {
          id: due.current.id,
          number: due.current.number,
          status: STATUS_LABELS[due.current.status as keyof typeof STATUS_LABELS].toLowerCase(),
        },
        proposals: (due.proposals ?? []).map((p) => ({ id: p.id, reason: p.reason })),
      }}
    />
  )
}
