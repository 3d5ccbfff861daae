import type { Metadata } from 'next'
import Link from 'next/link'
import { RestoreTestStatus, ThreeTwoOneStatus } from '@/components/backups/backup-status'
import { buttonClass } from '@/components/ui/button'
import { FilterBar } from '@/components/ui/filter-bar'
import { PageHeader } from '@/components/ui/page-header'
import { requireSchoolContext } from '@/lib/auth/context'
import { can } from '@/lib/auth/permissions'
import { backupListParamsSchema } from '@/lib/backups/list-params'
import { getBackupOverview } from '@/lib/backups/queries'
import { locationLabel, mediumLabel } from '@/lib/backups/schema'
import { formatDuration } from '@/lib/catalogue/durations'
import { parseSearchParams, type RawSearchParams } from '@/lib/validation/search-params'
import { RestorePeriodForm } from './_components/period-form'

export const metadata: Metadata = { title: 'Backups' }

export default async function BackupsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const ctx = await requireSchoolContext('contingency.read')
  const p = parseSearchParams(backupListParamsSchema, await searchParams)
  const { rows, restoreTestMonths, schoolVersion } = await getBackupOverview(ctx.schoolId, p)
  const edit = can(ctx.role, 'contingency.edit')
  const failing = rows.filter((r) => !r.rule.ok).length
  const untested = rows.filter((r) => r.restore.kind !== 'CURRENT').length
  return (
    <>
      <PageHeader
        title="Backups"
        description="Each data asset's backup copies, checked against the 3-2-1 rule the DfE sets for schools (three copies, on two different media, one off site) and for one offline copy, and whether they have been restored successfully lately."
        actions={
          edit && (
            <Link href="/backups/new" className={buttonClass('primary')}>
              Record a backup
            </Link>
          )
        }
      />
      <FilterBar
        label="Filter backups"
        clearHref="/backups"
        active={Boolean(p.q || p.check !== 'all')}
        fields={[
          { kind: 'search', name: 'q', label: 'Search', value: p.q },
          {
            kind: 'select',
            name: 'check',
            label: 'Show',
            value: p.check === 'all' ? '' : p.check,
            options: [
              { value: '', label: 'All protected data' },
              { value: 'three-two-one', label: 'Breaking 3-2-1' },
              { value: 'restore', label: 'Restore test due' },
            ],
          },
        ]}
      />
      <p className="mb-3 text-sm text-slate-700" aria-live="polite">
        {rows.length} data asset{rows.length === 1 ? '' : 's'} or service{rows.length === 1 ? '' : 's'} to
        protect
        {p.check === 'all' && ` · ${failing} breaking 3-2-1 · ${untested} needing a restore test`}
      </p>
      {rows.length === 0 ? (
        <p className="mb-6 text-slate-700">
          Nothing here yet. Data assets appear here on their own; record a backup of any asset or service.
        </p>
      ) : (
        <ul className="mb-6 space-y-3" data-testid="protected-data">
          {rows.map((r) => (
            <li
              key={`${r.kind}-${r.id}`}
              className="rounded-lg border border-slate-300 bg-white p-4"
              data-testid={`protected-${r.name}`}
            >
              <h2 className="text-lg font-bold">
                <Link
                  href={`/${r.kind === 'asset' ? 'assets' : 'services'}/${r.id}`}
                  className="text-brand-700 underline"
                >
                  {r.name}
                </Link>
                <span className="ml-2 text-sm font-normal text-slate-700">
                  {r.kind === 'asset' ? 'asset' : 'service'}
                </span>
              </h2>
              <div className="mt-2 grid gap-2 md:grid-cols-2">
                <ThreeTwoOneStatus data={r} />
                <RestoreTestStatus data={r} months={restoreTestMonths} />
              </div>
              {r.backups.length > 0 && (
                <ul className="mt-2 divide-y divide-slate-200 text-sm">
                  {r.backups.map((b) => (
                    <li key={b.id} className="py-1.5">
                      <Link href={`/backups/${b.id}`} className="font-semibold text-brand-700 underline">
                        {b.name}
                      </Link>{' '}
                      <span className="text-slate-700">
                        {locationLabel(b.location)}
                        {b.offline ? ', offline' : ''} · {mediumLabel(b.medium)} · every{' '}
                        {formatDuration(b.frequencyMinutes)}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
              {r.kind === 'asset' && (
                <p className="mt-2 text-sm">
                  <Link href={`/backups/restore/${r.id}`} className="text-brand-700 underline">
                    Restore procedure<span className="sr-only"> for {r.name}</span>
                  </Link>
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      <section
        aria-labelledby="period-h"
        className="max-w-2xl rounded-lg border border-slate-300 bg-white p-4"
      >
        <h2 id="period-h" className="mb-2 text-lg font-bold">
          How often data must be restore-tested
        </h2>
        {can(ctx.role, 'school.manage') ? (
          <RestorePeriodForm months={restoreTestMonths} version={schoolVersion} />
        ) : (
          <p>Every {restoreTestMonths} months.</p>
        )}
      </section>
    </>
  )
}
