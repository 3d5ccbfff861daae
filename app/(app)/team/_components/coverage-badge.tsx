import type { CoverageStatus } from '@/lib/team/coverage'
import type { TrainingStatus } from '@/lib/team/training'
import { TRAINING_STATUS_LABELS } from '@/lib/team/training'

const COVERAGE: Record<CoverageStatus, { label: string; className: string }> = {
  UNCOVERED: { label: 'Uncovered: nobody holds it', className: 'border-red-700 bg-red-50 text-red-900' },
  SINGLE: {
    label: 'One holder: a single point of failure',
    className: 'border-amber-600 bg-amber-50 text-amber-950',
  },
  COVERED: { label: 'Covered', className: 'border-green-700 bg-green-50 text-green-900' },
}

/** Whether a role has holders, in words (never colour alone). */
export function CoverageBadge({ status }: { status: CoverageStatus }) {
  const c = COVERAGE[status]
  return (
    <span className={`inline-block rounded border px-2 py-0.5 text-sm font-semibold ${c.className}`}>
      {c.label}
    </span>
  )
}

const TRAINING_CLASS: Record<TrainingStatus, string> = {
  NOT_NEEDED: 'text-slate-700',
  MISSING: 'font-semibold text-red-800',
  DUE: 'font-semibold text-amber-900',
  CURRENT: 'text-green-900',
}

export function TrainingBadge({ status }: { status: TrainingStatus }) {
  return <span className={TRAINING_CLASS[status]}>{TRAINING_STATUS_LABELS[status]}</span>
}
