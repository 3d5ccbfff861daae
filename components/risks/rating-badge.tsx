import { RATING_LABELS, type Rating, ratingOf } from '@/lib/risks/scoring'

/** Colours for each rating: every pair passes WCAG AA contrast for normal text, and the word is always shown. */
export const RATING_STYLES: Record<Rating, string> = {
  LOW: 'bg-green-100 text-green-950',
  MEDIUM: 'bg-yellow-100 text-yellow-950',
  HIGH: 'bg-orange-200 text-orange-950',
  VERY_HIGH: 'bg-red-800 text-white',
}

/** A score with its rating in words: "12 · High". */
export function RatingBadge({ score, label }: { score: number; label?: string }) {
  const rating = ratingOf(score)
  return (
    <span
      className={`inline-block rounded px-2 py-0.5 text-sm font-semibold whitespace-nowrap ${RATING_STYLES[rating]}`}
    >
      {label ? `${label} ` : ''}
      {score} · {RATING_LABELS[rating]}
    </span>
  )
}

/** A small flag beside a row: "Above appetite", "Review overdue". */
export function Flag({ children, tone = 'warning' }: { children: string; tone?: 'warning' | 'info' }) {
  return (
    <span
      className={`inline-block rounded border px-1.5 py-0.5 text-xs font-semibold whitespace-nowrap ${
        tone === 'warning'
          ? 'border-red-800 bg-red-50 text-red-900'
          : 'border-slate-500 bg-slate-50 text-slate-800'
      }`}
    >
      {children}
    </span>
  )
}
