import type { ProtectedData } from '@/lib/backups/queries'
import { formatDay } from '@/lib/format'

const badge = (ok: boolean) =>
  `inline-block rounded px-2 py-0.5 text-sm font-bold ${ok ? 'bg-green-100 text-green-950' : 'bg-red-100 text-red-950'}`

/** The 3-2-1 (and offline copy) result for one data asset or service, with what is missing in words. */
export function ThreeTwoOneStatus({ data }: { data: Pick<ProtectedData, 'rule'> }) {
  const { rule } = data
  return (
    <div data-testid="three-two-one">
      <span className={badge(rule.ok)}>{rule.ok ? 'Meets 3-2-1' : 'Breaks 3-2-1'}</span>
      <span className="ml-2 text-sm text-slate-700">
        {rule.copies} cop{rule.copies === 1 ? 'y' : 'ies'}, {rule.media} medi{rule.media === 1 ? 'um' : 'a'},{' '}
        {rule.offSite} off site, {rule.offline} offline
      </span>
      {rule.problems.length > 0 && (
        <ul className="mt-1 list-disc pl-5 text-sm text-red-900">
          {rule.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
    </div>
  )
}

/** Whether the data has been restored successfully within the school's period. */
export function RestoreTestStatus({
  data,
  months,
}: {
  data: Pick<ProtectedData, 'restore'>
  months: number
}) {
  const r = data.restore
  return (
    <div data-testid="restore-status">
      {r.kind === 'NEVER' ? (
        <span className={badge(false)}>Never restore-tested</span>
      ) : r.kind === 'STALE' ? (
        <>
          <span className={badge(false)}>Restore test overdue</span>
          <span className="ml-2 text-sm text-slate-700">
            last success {formatDay(r.lastSuccess)}, more than {months} month{months === 1 ? '' : 's'} ago
          </span>
        </>
      ) : (
        <>
          <span className={badge(true)}>Restore-tested</span>
          <span className="ml-2 text-sm text-slate-700">
            {formatDay(r.lastSuccess)}; next due by {formatDay(r.dueBy)}
          </span>
        </>
      )}
    </div>
  )
}
