import type { AssetView } from '@/lib/assets/queries'
import { ArchiveAsset } from '../../_components/archive-asset'
import { AssetForm } from '../../_components/asset-form'
import { assetFormValues } from '../../_components/asset-values'

/** For someone who can edit: the asset form (while it is live) and archive or restore. */
export function ChangeSection({ view }: { view: AssetView }) {
  const { asset, archived } = view
  return (
    <>
      {!archived && (
        <section
          aria-labelledby="edit-h"
          className="mt-6 max-w-xl rounded-lg border border-slate-300 bg-white p-4"
        >
          <h2 id="edit-h" className="mb-3 text-lg font-bold">
            Change this asset
          </h2>
          <AssetForm
            key={asset.id}
            id={asset.id}
            version={asset.version}
            initial={assetFormValues(asset)}
            standbyOptions={view.options.standby}
          />
        </section>
      )}
      <section aria-labelledby="archive-h" className="mt-6 max-w-xl">
        <h2 id="archive-h" className="mb-2 text-lg font-bold">
          {archived ? 'Restore' : 'Archive'}
        </h2>
        {!archived && (
          <p className="mb-3 text-sm text-slate-700">
            Archiving takes it out of the register, the dependency picture and plans. It can be restored
            later.
          </p>
        )}
        <ArchiveAsset
          key={`${asset.id}-${asset.version}`}
          id={asset.id}
          version={asset.version}
          name={asset.name}
          archived={archived}
        />
      </section>
    </>
  )
}
