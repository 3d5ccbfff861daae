import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { RestoreTestStatus, ThreeTwoOneStatus } from '@/components/backups/backup-status'
import { Notice } from '@/components/ui/notice'
import { PageHeader } from '@/components/ui/page-header'
import { TableScroll } from '@/components/ui/table-scroll'
import { requireSchoolContext } from '@/lib/auth/context'
import { can } from '@/lib/auth/permissions'
import { getBackupView } from '@/lib/backups/queries'
import { locationLabel, mediumLabel, resultLabel } from '@/lib/backups/schema'
import { formatDuration } from '@/lib/catalogue/durations'
import { formatDay } from '@/lib/format'
import { ArchiveBackup } from '../_components/archive-backup'
import { BackupForm } from '../_components/backup-form'
import { toBackupValues } from '../_components/backup-values'
import { RemoveRestoreTest, RestoreTestForm } from '../_components/restore-test-form'

export const metadata: Metadata = { title: 'Backup' }

export default async function BackupPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireSchoolContext('contingency.read')
  const { id } = await params
  const view = await getBackupView(ctx.schoolId, id)
  if (!view) notFound()
  const edit = can(ctx.role, 'contingency.edit')
  const { backup, protects } = view
  const archived = Boolean(backup.archivedAt)
  const owner = backup.asset
    ? { href: `/assets/${backup.asset.id}`, name: backup.asset.name }
    : { href: `/services/${backup.service!.id}`, name: backup.service!.name }
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/backups" className="text-brand-700 underline">
          Backups
        </Link>
      </p>
      <PageHeader
        title={backup.name}
        description={
          <>
            A backup of{' '}
            <Link href={owner.href} className="text-brand-700 underline">
              {owner.name}
            </Link>
          </>
        }
      />
      {archived && (
        <Notice tone="warning" title="Archived">
          This backup is archived: it no longer counts towards 3-2-1. Its restore tests are kept.
        </Notice>
      )}
      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="copy-h" className="rounded-lg border border-slate-300 bg-white p-4">
          <h2 id="copy-h" className="text-lg font-bold">
            This copy
          </h2>
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
            <dt className="font-semibold">Where</dt>
            <dd>
              {locationLabel(backup.location)}, {backup.offline ? 'offline' : 'online'}
            </dd>
            <dt className="font-semibold">Medium</dt>
            <dd>{mediumLabel(backup.medium)}</dd>
            <dt className="font-semibold">How often</dt>
            <dd>Every {formatDuration(backup.frequencyMinutes)}</dd>
            <dt className="font-semibold">Kept for</dt>
            <dd>{backup.retention || 'Not recorded'}</dd>
          </dl>
          {backup.notes && <p className="mt-2 whitespace-pre-line break-words">{backup.notes}</p>}
        </section>
        <section aria-labelledby="rule-h" className="rounded-lg border border-slate-300 bg-white p-4">
          <h2 id="rule-h" className="mb-2 text-lg font-bold">
            All copies of {owner.name}
          </h2>
          <ThreeTwoOneStatus data={protects} />
          <div className="mt-2">
            <RestoreTestStatus data={protects} months={view.restoreTestMonths} />
          </div>
        </section>
      </div>
      <section aria-labelledby="tests-h" className="my-6 rounded-lg border border-slate-300 bg-white p-4">
        <h2 id="tests-h" className="mb-2 text-lg font-bold">
          Restore tests
        </h2>
        {backup.restoreTests.length === 0 ? (
          <p className="mb-3 text-slate-700">Never restore-tested from this copy.</p>
        ) : (
          <TableScroll label="Table of restore tests">
            {/* Positioned, so the table's visually hidden labels stay inside the scrolling box. */}
            <div className="relative">
              <table className="mb-3 w-full text-left text-sm">
                <caption className="sr-only">Restore tests of {backup.name}</caption>
                <thead>
                  <tr className="border-b border-slate-300">
                    <th scope="col" className="px-2 py-1">
                      Date
                    </th>
                    <th scope="col" className="px-2 py-1">
                      What was restored
                    </th>
                    <th scope="col" className="px-2 py-1">
                      Time taken
                    </th>
                    <th scope="col" className="px-2 py-1">
                      Result
                    </th>
                    {edit && (
                      <th scope="col" className="px-2 py-1">
                        <span className="sr-only">Actions</span>
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody data-testid="restore-tests">
                  {backup.restoreTests.map((t) => (
                    <tr key={t.id} className="border-b border-slate-200 align-top">
                      <td className="whitespace-nowrap px-2 py-1.5">{formatDay(t.testedOn)}</td>
                      <td className="px-2 py-1.5">
                        {t.whatRestored}
                        {t.notes && <span className="block text-slate-700">{t.notes}</span>}
                      </td>
                      <td className="px-2 py-1.5">{formatDuration(t.minutesTaken)}</td>
                      <td className="px-2 py-1.5">{resultLabel(t.result)}</td>
                      {edit && (
                        <td className="px-2 py-1.5">
                          <RemoveRestoreTest id={t.id} label={formatDay(t.testedOn)} />
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </TableScroll>
        )}
        {edit && !archived && (
          <div className="mt-2 max-w-2xl border-t border-slate-200 pt-4">
            <h3 className="mb-2 font-bold">Record a restore test</h3>
            <RestoreTestForm backupId={backup.id} today={new Date().toISOString().slice(0, 10)} />
          </div>
        )}
      </section>
      {edit && (
        <section
          aria-labelledby="edit-h"
          className="mb-6 max-w-2xl rounded-lg border border-slate-300 bg-white p-4"
        >
          <h2 id="edit-h" className="mb-3 text-lg font-bold">
            Edit this backup
          </h2>
          <BackupForm id={backup.id} version={backup.version} initial={toBackupValues(backup)} />
          <div className="mt-6 border-t border-slate-200 pt-4">
            <ArchiveBackup
              key={`${backup.id}-${backup.version}`}
              id={backup.id}
              version={backup.version}
              name={backup.name}
              archived={archived}
            />
          </div>
        </section>
      )}
    </>
  )
}
