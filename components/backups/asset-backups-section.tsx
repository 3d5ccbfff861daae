import Link from 'next/link'
import type { getSubjectBackups } from '@/lib/backups/queries'
import { locationLabel, mediumLabel } from '@/lib/backups/schema'
import { RestoreTestStatus, ThreeTwoOneStatus } from './backup-status'

/** An asset's backups, checked against 3-2-1 and its restore tests, with a link to its restore procedure. */
export function AssetBackupsSection({
  assetId,
  backups,
  restoreSteps,
  edit,
  isData,
}: {
  assetId: string
  /** Data assets are always checked; other assets only once they have backups. */
  isData: boolean
  backups: Awaited<ReturnType<typeof getSubjectBackups>>
  restoreSteps: number
  edit: boolean
}) {
  return (
    <section aria-labelledby="backups-h" className="mt-6 rounded-lg border border-slate-300 bg-white p-4">
      <h2 id="backups-h" className="mb-2 text-lg font-bold">
        Backups and restore
      </h2>
      {isData || backups.backups.length > 0 ? (
        <div className="grid gap-2 md:grid-cols-2">
          <ThreeTwoOneStatus data={backups} />
          <RestoreTestStatus data={backups} months={backups.restoreTestMonths} />
        </div>
      ) : (
        <p className="text-slate-700">
          No backups recorded. Data assets, and anything with backups, are checked against 3-2-1.
        </p>
      )}
      {backups.backups.length > 0 && (
        <ul className="mt-2 divide-y divide-slate-200 text-sm">
          {backups.backups.map((b) => (
            <li key={b.id} className="py-1.5">
              <Link href={`/backups/${b.id}`} className="font-semibold text-brand-700 underline">
                {b.name}
              </Link>{' '}
              <span className="text-slate-700">
                {locationLabel(b.location)}
                {b.offline ? ', offline' : ''} · {mediumLabel(b.medium)}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p className="mt-2 flex flex-wrap gap-x-4 gap-y-1">
        <Link href={`/backups/restore/${assetId}`} className="text-brand-700 underline">
          Restore procedure ({restoreSteps} step{restoreSteps === 1 ? '' : 's'})
        </Link>
        {edit && (
          <Link href={`/backups/new?subject=asset:${assetId}`} className="text-brand-700 underline">
            Record a backup of this asset
          </Link>
        )}
      </p>
    </section>
  )
}
