import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { Notice } from '@/components/ui/notice'
import { PageHeader } from '@/components/ui/page-header'
import { requireSchoolContext } from '@/lib/auth/context'
import { can } from '@/lib/auth/permissions'
import { formatDuration } from '@/lib/catalogue/durations'
import { serviceDependencies, singlePointsOfFailure } from '@/lib/catalogue/graph'
import { loadGraph } from '@/lib/dependencies/queries'
import { getService, listServiceLinks } from '@/lib/services/queries'
import { CRITICALITY, type Impact } from '@/lib/services/schema'
import { ArchiveService } from '../_components/archive-service'
import { ServiceForm } from '../_components/service-form'
import { AddLinkForm, UnlinkButton } from '../_components/service-links'
import { toFormValues } from '../_components/service-values'

export const metadata: Metadata = { title: 'Service' }

export default async function ServicePage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireSchoolContext('catalogue.read')
  const { id } = await params
  const service = await getService(ctx.schoolId, id)
  if (!service) notFound()
  const archived = Boolean(service.archivedAt)
  const [graph, ownLinks] = await Promise.all([
    loadGraph(ctx.schoolId),
    // The graph holds live services only; an archived one still shows the links it keeps.
    archived ? listServiceLinks(ctx.schoolId, service.id) : [],
  ])
  const names = new Map(graph.assets.map((a) => [a.id, a.name]))
  // The graph already holds every live asset by name: the picker's options, without a query of their own.
  const options = graph.assets.map(({ id, name, type }) => ({ id, name, type }))
  const deps = serviceDependencies(service.id, [...graph.needs, ...ownLinks], graph.edges)
  const spofs = new Set(
    singlePointsOfFailure(graph.services, graph.assets, graph.needs, graph.edges)
      .filter((p) => p.serviceIds.includes(service.id))
      .map((p) => p.assetId),
  )
  const edit = can(ctx.role, 'catalogue.edit')
  const linked = new Set(deps.filter((d) => d.direct).map((d) => d.assetId))
  const impacts = (Array.isArray(service.impacts) ? service.impacts : []) as Impact[]
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/services" className="text-brand-700 underline">
          Services
        </Link>
      </p>
      <PageHeader title={service.name} description={service.description || undefined} />
      {archived && (
        <Notice tone="warning" title="Archived">
          This service is archived and left out of the plan.
        </Notice>
      )}
      {spofs.size > 0 && (
        <Notice tone="warning" title={`${spofs.size} single point${spofs.size === 1 ? '' : 's'} of failure`}>
          This service needs {[...spofs].map((a) => names.get(a)).join(', ')}, with no standby.
        </Notice>
      )}
      <section aria-labelledby="bia-h" className="mb-6 rounded-lg border border-slate-300 bg-white p-4">
        <h2 id="bia-h" className="mb-2 text-lg font-bold">
          Business impact
        </h2>
        <dl className="grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
          <dt className="font-semibold">Criticality</dt>
          <dd>
            {service.criticality}. {CRITICALITY[service.criticality - 1]?.label}:{' '}
            {CRITICALITY[service.criticality - 1]?.description}
          </dd>
          <dt className="font-semibold">Recovery time objective (RTO)</dt>
          <dd>{formatDuration(service.rtoMinutes)}</dd>
          <dt className="font-semibold">Recovery point objective (RPO)</dt>
          <dd>{formatDuration(service.rpoMinutes)}</dd>
          <dt className="font-semibold">Maximum tolerable outage</dt>
          <dd>{formatDuration(service.maxOutageMinutes)}</dd>
          <dt className="font-semibold">Owner</dt>
          <dd>{service.owner || '—'}</dd>
          <dt className="font-semibold">Who depends on it</dt>
          <dd>{service.usersAffected || '—'}</dd>
          <dt className="font-semibold">Minimum service level</dt>
          <dd>{service.minServiceLevel || '—'}</dd>
        </dl>
        {impacts.some((i) => i.level !== 'NONE' || i.note) && (
          <ul className="mt-3 list-disc pl-5">
            {impacts.map((i) => (
              <li key={i.afterMinutes}>
                After {formatDuration(i.afterMinutes)}: {i.level.toLowerCase()}
                {i.note && ` (${i.note})`}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="deps-h" className="mb-6 rounded-lg border border-slate-300 bg-white p-4">
        <h2 id="deps-h" className="mb-2 text-lg font-bold">
          What it depends on
        </h2>
        {deps.length === 0 ? (
          <p className="text-slate-700">No assets linked yet.</p>
        ) : (
          <ul className="divide-y divide-slate-200" data-testid="service-deps">
            {deps.map((d) => (
              <li key={d.assetId} className="flex flex-wrap items-center gap-x-3 py-1.5">
                <Link href={`/assets/${d.assetId}`} className="font-semibold text-brand-700 underline">
                  {names.get(d.assetId)}
                </Link>
                <span className="text-sm text-slate-700">
                  {d.direct ? 'directly' : `through ${d.via.map((v) => names.get(v)).join(' → ')}`}
                  {d.required ? '' : ', optional'}
                </span>
                {spofs.has(d.assetId) && (
                  <span className="rounded bg-red-100 px-2 py-0.5 text-xs font-bold text-red-900">
                    Single point of failure
                  </span>
                )}
                {edit && d.direct && (
                  <UnlinkButton
                    serviceId={service.id}
                    assetId={d.assetId}
                    name={names.get(d.assetId) ?? ''}
                  />
                )}
              </li>
            ))}
          </ul>
        )}
        {edit && !archived && (
          <AddLinkForm serviceId={service.id} options={options.filter((o) => !linked.has(o.id))} />
        )}
      </section>
      {edit && (
        <section
          aria-labelledby="edit-h"
          className="mb-6 max-w-2xl rounded-lg border border-slate-300 bg-white p-4"
        >
          <h2 id="edit-h" className="mb-3 text-lg font-bold">
            Edit this service
          </h2>
          <ServiceForm id={service.id} version={service.version} initial={toFormValues(service)} />
          <div className="mt-6 border-t border-slate-200 pt-4">
            <ArchiveService
              key={`${service.id}-${service.version}`}
              name={service.name}
              id={service.id}
              version={service.version}
              archived={archived}
            />
          </div>
        </section>
      )}
    </>
  )
}
