import Link from 'next/link'
import type { AssetView } from '@/lib/assets/queries'
import { AddDependencyForm, RemoveDependency } from '../../_components/dependency-controls'

/** The assets it depends on, with the controls to add and remove them for someone who can edit. */
export function DependenciesSection({ view, edit }: { view: AssetView; edit: boolean }) {
  const { asset, dependsOn } = view
  return (
    <section aria-labelledby="deps-h" className="rounded-lg border border-slate-300 bg-white p-4">
      <h2 id="deps-h" className="mb-2 text-lg font-bold">
        Depends on
      </h2>
      {dependsOn.length ? (
        <ul className="mb-4" data-testid="depends-on">
          {dependsOn.map((d) => (
            <li
              key={d.id}
              className="flex flex-wrap items-center justify-between gap-2 border-t border-slate-200 py-2"
            >
              <Link href={`/assets/${d.id}`} className="text-brand-700 underline">
                {d.name}
              </Link>
              {edit && <RemoveDependency assetId={asset.id} dependsOnId={d.id} dependsOnName={d.name} />}
            </li>
          ))}
        </ul>
      ) : (
        <p className="mb-4 text-slate-700">It does not depend on any other asset.</p>
      )}
      {edit && (
        <>
          <h3 className="mb-2 font-semibold">Add a dependency</h3>
          <AddDependencyForm assetId={asset.id} options={view.options.dependency} />
        </>
      )}
    </section>
  )
}

/** The services and assets that need it directly. */
export function NeededBySection({ view }: { view: AssetView }) {
  const { neededByServices, neededByAssets } = view
  return (
    <section aria-labelledby="needed-h" className="rounded-lg border border-slate-300 bg-white p-4">
      <h2 id="needed-h" className="mb-2 text-lg font-bold">
        Needed by
      </h2>
      <h3 className="mb-1 font-semibold">Services</h3>
      {neededByServices.length ? (
        <ul className="mb-4 list-disc pl-6" data-testid="needed-by">
          {neededByServices.map((s) => (
            <li key={s.id}>
              <Link href={`/services/${s.id}`} className="text-brand-700 underline">
                {s.name}
              </Link>{' '}
              <span className="text-slate-700">({s.required ? 'required' : 'optional'})</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mb-4 text-slate-700">No service needs it directly.</p>
      )}
      <h3 className="mb-1 font-semibold">Assets</h3>
      {neededByAssets.length ? (
        <ul className="list-disc pl-6">
          {neededByAssets.map((a) => (
            <li key={a.id}>
              <Link href={`/assets/${a.id}`} className="text-brand-700 underline">
                {a.name}
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-slate-700">No other asset depends on it directly.</p>
      )}
    </section>
  )
}
