import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { Notice } from '@/components/ui/notice'
import { PageHeader } from '@/components/ui/page-header'
import { getAsset } from '@/lib/assets/queries'
import { assetTypeLabel } from '@/lib/assets/schema'
import { requireSchoolContext } from '@/lib/auth/context'
import { can } from '@/lib/auth/permissions'
import { servicesAffectedBy, singlePointsOfFailure } from '@/lib/catalogue/graph'
import { standbyDrift } from '@/lib/catalogue/standby'
import { loadGraph } from '@/lib/dependencies/queries'
import { formatDate, formatDay } from '@/lib/format'
import { listAssetOptions } from '@/lib/services/queries'
import { CRITICALITY } from '@/lib/services/schema'
import { ArchiveAsset } from '../_components/archive-asset'
import { AssetForm } from '../_components/asset-form'
import { assetFormValues } from '../_components/asset-values'
import { AddDependencyForm, RemoveDependency } from '../_components/dependency-controls'

export const metadata: Metadata = { title: 'Asset' }

const criticalityLabel = (c: number) => CRITICALITY.find((x) => x.value === c)?.label ?? String(c)

export default async function AssetPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireSchoolContext('catalogue.read')
  const { id } = await params
  const asset = await getAsset(ctx.schoolId, id)
  if (!asset) notFound()
  const edit = can(ctx.role, 'catalogue.edit')
  const [g, options] = await Promise.all([
    loadGraph(ctx.schoolId),
    edit ? listAssetOptions(ctx.schoolId) : [],
  ])
  const archived = Boolean(asset.archivedAt)
  const tz = ctx.timeZone

  const serviceById = new Map(g.services.map((s) => [s.id, s]))
  const assetName = new Map(g.assets.map((a) => [a.id, a.name]))
  const node = g.assets.find((a) => a.id === asset.id)

  const spof = singlePointsOfFailure(g.services, g.assets, g.needs, g.edges).find(
    (s) => s.assetId === asset.id,
  )
  const drift = node
    ? standbyDrift(
        {
          specificationChangedAt: asset.specificationChangedAt,
          standbyVerifiedAt: asset.standbyVerifiedAt,
          hasStandby: node.hasStandby,
        },
        tz,
      )
    : null
  const affected = servicesAffectedBy(asset.id, g.needs, g.edges)
  const dependsOn = g.edges.filter((e) => e.assetId === asset.id)
  const neededByAssets = g.edges.filter((e) => e.dependsOnId === asset.id)
  const neededBy = g.needs.filter((n) => n.assetId === asset.id)
  const dependsOnIds = new Set(dependsOn.map((e) => e.dependsOnId))
  const liveOptions = options.filter((o) => o.id !== asset.id).map((o) => ({ value: o.id, label: o.name }))
  const addOptions = liveOptions.filter((o) => !dependsOnIds.has(o.value))
  // An archived standby stays selectable so that saving other changes does not silently drop it.
  const archivedStandby = asset.standbyAsset?.archivedAt ? asset.standbyAsset : null
  const standbyOptions = archivedStandby
    ? [...liveOptions, { value: archivedStandby.id, label: `${archivedStandby.name} (archived)` }]
    : liveOptions

  const details: [string, string][] = [
    ['Type', assetTypeLabel(asset.type)],
    ['Location', asset.location],
    ['Supplier', asset.supplier],
    ['Contract reference', asset.contractRef],
    ['Specification', asset.specification],
  ]

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/assets" className="text-brand-700 underline">
          Back to assets
        </Link>
      </p>
      <PageHeader
        title={asset.name}
        description={assetTypeLabel(asset.type)}
        actions={
          spof && (
            <span
              data-testid="spof-badge"
              className="inline-flex items-center rounded-full border-2 border-red-700 bg-red-50 px-3 py-1 text-sm font-bold text-red-900"
            >
              Single point of failure
            </span>
          )
        }
      />
      {archived && asset.archivedAt && (
        <Notice tone="warning" title="This asset is archived">
          It was archived on {formatDate(asset.archivedAt, tz)}. It is left out of the dependency picture,
          single points of failure and plans until it is restored.
        </Notice>
      )}
      {spof && (
        <Notice tone="error" title="Single point of failure">
          It has no standby, and{' '}
          {spof.serviceIds.length === 1 ? 'this critical service needs' : 'these critical services need'} it:{' '}
          <span data-testid="spof-services">
            {spof.serviceIds.map((sid) => serviceById.get(sid)?.name ?? 'an unknown service').join(', ')}
          </span>
          .
        </Notice>
      )}

      <div className="grid gap-6 lg:grid-cols-2">
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
                <dd>{formatDate(asset.specificationChangedAt, tz)}</dd>
              </div>
            )}
          </dl>
        </section>

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
                    {archivedStandby && (
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
              <dd>{asset.standbyVerifiedAt ? formatDay(asset.standbyVerifiedAt) : 'Never'}</dd>
            </div>
          </dl>
          {drift && (
            <p data-testid="standby-status" className="mt-2 rounded-md bg-slate-100 p-2 text-sm">
              {drift === 'NO_STANDBY' &&
                'No working standby is recorded: if it fails, nothing is ready to take over.'}
              {drift === 'NEVER_VERIFIED' &&
                'A standby is recorded, but nobody has recorded checking that it would really take over.'}
              {drift === 'MAY_NOT_MATCH' &&
                asset.specificationChangedAt &&
                asset.standbyVerifiedAt &&
                `Standby may no longer match: the specification changed on ${formatDate(asset.specificationChangedAt, tz)} after it was last verified on ${formatDay(asset.standbyVerifiedAt)}.`}
              {drift === 'OK' &&
                asset.standbyVerifiedAt &&
                `Standby checked on ${formatDay(asset.standbyVerifiedAt)}${
                  asset.specificationChangedAt
                    ? `, after the specification last changed on ${formatDate(asset.specificationChangedAt, tz)}`
                    : ''
                }.`}
            </p>
          )}
        </section>
      </div>

      {!archived && (
        <>
          <section aria-labelledby="hit-h" className="mt-6">
            <h2 id="hit-h" className="mb-2 text-lg font-bold">
              Services hit if it fails
            </h2>
            {affected.length ? (
              <ul className="list-disc pl-6" data-testid="affected-services">
                {affected.map((a) => {
                  const s = serviceById.get(a.serviceId)
                  return (
                    <li key={a.serviceId} className="mb-1">
                      <Link href={`/services/${a.serviceId}`} className="text-brand-700 underline">
                        {s?.name ?? 'Unknown service'}
                      </Link>{' '}
                      <span className="text-slate-700">
                        ({s ? `${criticalityLabel(s.criticality)} · ` : ''}
                        {a.direct ? 'needs it directly' : 'through other assets'} ·{' '}
                        {a.required ? 'required' : 'optional'})
                      </span>
                    </li>
                  )
                })}
              </ul>
            ) : (
              <p className="text-slate-700">No live service needs this asset, directly or through others.</p>
            )}
          </section>

          <div className="mt-6 grid gap-6 lg:grid-cols-2">
            <section aria-labelledby="deps-h" className="rounded-lg border border-slate-300 bg-white p-4">
              <h2 id="deps-h" className="mb-2 text-lg font-bold">
                Depends on
              </h2>
              {dependsOn.length ? (
                <ul className="mb-4" data-testid="depends-on">
                  {dependsOn.map((e) => {
                    const name = assetName.get(e.dependsOnId) ?? 'Unknown asset'
                    return (
                      <li
                        key={e.dependsOnId}
                        className="flex flex-wrap items-center justify-between gap-2 border-t border-slate-200 py-2"
                      >
                        <Link href={`/assets/${e.dependsOnId}`} className="text-brand-700 underline">
                          {name}
                        </Link>
                        {edit && (
                          <RemoveDependency
                            assetId={asset.id}
                            dependsOnId={e.dependsOnId}
                            dependsOnName={name}
                          />
                        )}
                      </li>
                    )
                  })}
                </ul>
              ) : (
                <p className="mb-4 text-slate-700">It does not depend on any other asset.</p>
              )}
              {edit && (
                <>
                  <h3 className="mb-2 font-semibold">Add a dependency</h3>
                  <AddDependencyForm assetId={asset.id} options={addOptions} />
                </>
              )}
            </section>

            <section aria-labelledby="needed-h" className="rounded-lg border border-slate-300 bg-white p-4">
              <h2 id="needed-h" className="mb-2 text-lg font-bold">
                Needed by
              </h2>
              <h3 className="mb-1 font-semibold">Services</h3>
              {neededBy.length ? (
                <ul className="mb-4 list-disc pl-6" data-testid="needed-by">
                  {neededBy.map((n) => (
                    <li key={n.serviceId}>
                      <Link href={`/services/${n.serviceId}`} className="text-brand-700 underline">
                        {serviceById.get(n.serviceId)?.name ?? 'Unknown service'}
                      </Link>{' '}
                      <span className="text-slate-700">({n.required ? 'required' : 'optional'})</span>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="mb-4 text-slate-700">No service needs it directly.</p>
              )}
              <h3 className="mb-1 font-semibold">Assets</h3>
              {neededByAssets.length ? (
                <ul className="list-disc pl-6">
                  {neededByAssets.map((e) => (
                    <li key={e.assetId}>
                      <Link href={`/assets/${e.assetId}`} className="text-brand-700 underline">
                        {assetName.get(e.assetId) ?? 'Unknown asset'}
                      </Link>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-slate-700">No other asset depends on it directly.</p>
              )}
            </section>
          </div>
        </>
      )}

      {edit && (
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
                standbyOptions={standbyOptions}
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
      )}
    </>
  )
}
