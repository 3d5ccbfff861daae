import { formatDuration } from '@/lib/catalogue/durations'
import { hasEstimate, type SnapshotService } from '@/lib/plan/snapshot'

/**
 * Each service's estimated recovery against its RTO, as horizontal bars on one time axis (issue 11, item 3).
 * The words beside each bar carry everything the bar shows (estimate, RTO, at risk or on time), so the
 * picture itself is hidden from screen readers and nothing depends on colour. Bars are SVG attributes, not
 * inline styles, so the Content-Security-Policy needs nothing extra; they stretch to any width (360 px up).
 */
export function PlanTimeline({ services }: { services: SnapshotService[] }) {
  if (services.length === 0) return <p>There are no services in the plan yet.</p>
  const axis = Math.max(1, ...services.flatMap((s) => [s.estimate.criticalMinutes, s.rtoMinutes]))
  const x = (minutes: number) => (1000 * minutes) / axis
  return (
    <div>
      <p className="mb-2 text-sm text-slate-700">
        Bars run from the start of recovery; the scale ends at {formatDuration(axis)}. The dark mark on each
        bar is the service’s RTO; a bar that runs past it is drawn in red and the service is marked “At risk”.
      </p>
      <ol className="space-y-3" data-testid="plan-timeline">
        {services.map((s) => {
          const late = s.estimate.atRisk
          return (
            <li key={s.id} className="break-inside-avoid" data-testid="timeline-row">
              <p className="flex flex-wrap justify-between gap-x-3 text-sm">
                <span className="font-semibold break-words">
                  {s.position}. {s.name}
                </span>
                {late ? (
                  <strong className="text-red-800" data-testid="at-risk">
                    At risk: {formatDuration(s.estimate.criticalMinutes)} against{' '}
                    {formatDuration(s.rtoMinutes)}
                  </strong>
                ) : !hasEstimate(s.estimate) ? (
                  <span>No steps written yet: no estimate (RTO {formatDuration(s.rtoMinutes)})</span>
                ) : (
                  <span>
                    On time: {formatDuration(s.estimate.criticalMinutes)} within{' '}
                    {formatDuration(s.rtoMinutes)}
                  </span>
                )}
              </p>
              <svg
                viewBox="0 0 1000 24"
                preserveAspectRatio="none"
                className="plan-bar mt-1 block h-6 w-full"
                aria-hidden="true"
                focusable="false"
              >
                <rect x="0" y="4" width="1000" height="16" className="plan-bar-track" />
                <rect
                  x="0"
                  y="4"
                  width={Math.max(2, x(s.estimate.criticalMinutes))}
                  height="16"
                  className={late ? 'plan-bar-late' : 'plan-bar-ok'}
                />
                <rect
                  x={Math.min(994, x(s.rtoMinutes))}
                  y="0"
                  width="6"
                  height="24"
                  className="plan-bar-rto"
                />
              </svg>
            </li>
          )
        })}
      </ol>
    </div>
  )
}
