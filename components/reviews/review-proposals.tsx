import type { ReactNode } from 'react'
import { formatDate } from '@/lib/format'
import type { OpenProposal } from '@/lib/reviews/queries'
import { TRIGGER_LABELS } from '@/lib/reviews/triggers'

/** Reviews the triggers propose, each saying what triggered it; `actions` adds the manager's controls. */
export function ReviewProposalList({
  proposals,
  timeZone,
  actions,
}: {
  proposals: readonly OpenProposal[]
  timeZone: string
  actions?: (p: OpenProposal) => ReactNode
}) {
  return (
    <ul className="space-y-3" data-testid="review-proposals">
      {proposals.map((p) => (
        <li key={p.id} className="rounded-md border-l-4 border-amber-600 bg-amber-50 p-3">
          <p className="text-sm font-semibold text-slate-800">
            {TRIGGER_LABELS[p.kind]} · proposed {formatDate(p.createdAt, timeZone)}
          </p>
          <p className="mt-1">{p.reason}</p>
          {actions?.(p)}
        </li>
      ))}
    </ul>
  )
}
