import type { AssetView } from '@/lib/assets/queries'
import { assetTypeLabel } from '@/lib/assets/schema'
import { formatDate } from '@/lib/format'

/** What the asset is: type, where, who supplies it, the contract, its specification. */
export function DetailsSection({ asset, timeZone }: { asset: AssetView['asset']; timeZone: string }) {
  const details: [string, string][] = [
    ['Type', assetTypeLabel(asset.type)],
    ['Location', asset.location],
    ['Supplier', asset.supplier],
    ['Contract reference', asset.contractRef],
    ['Specification', asset.specification],
  ]
  return (
    <section aria-labelledby="details-h" className="rounded-lg border border-slate-300 bg-white p-4">
      <h2 id="details-h" className="mb-2 text-lg font-bold">
        Details
      </h2>
      <dl>
        {details.map(([label, value]) => (
          <div key={label} className="mb-2">
            <dt className="font-semibold">{label}</dt>
            <dd className="whitespace-pre-wrap text-slate-800 [overflow-wrap:anywhere]">
              {value || 'Not recorded'}
            </dd>
          </div>
        ))}
        {asset.specificationChangedAt && (
          <div className="mb-2">
            <dt className="font-semibold">Specification last changed</dt>
            <dd>{formatDate(asset.specificationChangedAt, timeZone)}</dd>
          </div>
        )}
      </dl>
    </section>
  )
}
