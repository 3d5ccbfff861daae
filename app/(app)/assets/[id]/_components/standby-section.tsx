import Link from 'next/link'
import type { AssetView } from '@/lib/assets/queries'
import { formatDate, formatDay } from '@/lib/format'

/** What takes over if it fails, when that was last checked, and whether the check still holds. */
export function StandbySection({ view, timeZone }: { view: AssetView; timeZone: string }) {
  const { asset, drift } = view
  const changed = asset.specificationChangedAt
  const verified = asset.standbyVerifiedAt
  return (
    <section aria-labelledby="standby-h" className="rounded-lg border border-slate-300 bg-white p-4">
      <h2 id="standby-h" className="mb-2 text-lg font-bold">
        Standby
      </h2>
      <dl>
        <div className="mb-2">
          <dt className="font-semibold">Standby asset</dt>
          <dd>
            {asset.standbyAsset ? (
              <>
                <Link href={`/assets/${asset.standbyAsset.id}`} className="text-brand-700 underline">
                  {asset.standbyAsset.name}
                </Link>
                {view.archivedStandby && (
                  <strong className="block text-red-900">
                    Archived: it can no longer take over. Choose another standby or restore it.
                  </strong>
                )}
              </>
            ) : (
              'None'
            )}
          </dd>
        </div>
        <div className="mb-2">
          <dt className="font-semibold">Standby arrangement</dt>
          <dd className="whitespace-pre-wrap [overflow-wrap:anywhere]">
            {asset.standbyArrangement || 'None recorded'}
          </dd>
        </div>
        <div className="mb-2">
          <dt className="font-semibold">Last verified</dt>
          <dd>{verified ? formatDay(verified) : 'Never'}</dd>
        </div>
      </dl>
      {drift && (
        <p data-testid="standby-status" className="mt-2 rounded-md bg-slate-100 p-2 text-sm">
          {drift === 'NO_STANDBY' &&
            'No working standby is recorded: if it fails, nothing is ready to take over.'}
          {drift === 'NEVER_VERIFIED' &&
            'A standby is recorded, but nobody has recorded checking that it would really take over.'}
          {drift === 'MAY_NOT_MATCH' &&
            changed &&
            verified &&
            `Standby may no longer match: the specification changed on ${formatDate(changed, timeZone)} after it was last verified on ${formatDay(verified)}.`}
          {drift === 'OK' &&
            verified &&
            `Standby checked on ${formatDay(verified)}${
              changed ? `, after the specification last changed on ${formatDate(changed, timeZone)}` : ''
            }.`}
        </p>
      )}
    </section>
  )
}
