'use client'

import { formatDuration } from '@/lib/catalogue/durations'
import type { ServiceView } from '@/lib/services/queries'
import { CRITICALITY } from '@/lib/services/schema'

/**
 * The business impact analysis: how critical it is, how soon it must be back, and what an outage costs. A
 * client component fed the service's fields (ARCHITECTURE.md, "What a page costs").
 */
export function ImpactSection({
  service,
  impacts,
}: {
  service: ServiceView['service']
  impacts: ServiceView['impacts']
}) {
  const criticality = CRITICALITY[service.criticality - 1]
  return (
    <section aria-labelledby="bia-h" className="mb-6 rounded-lg border border-slate-300 bg-white p-4">
      <h2 id="bia-h" className="mb-2 text-lg font-bold">
        Business impact
      </h2>
      <dl className="grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">Criticality</dt>
        <dd>
          {service.criticality}. {criticality?.label}: {criticality?.description}
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
  )
}
