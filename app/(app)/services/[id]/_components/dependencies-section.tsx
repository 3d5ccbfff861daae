'use client'

import Link from 'next/link'
import type { ServiceView } from '@/lib/services/queries'
import {
  AddLinkForm,
  LinkChangesForm,
  LinkRequiredButton,
  UnlinkButton,
} from '../../_components/service-links'

/**
 * The assets it needs, directly or through others, with the link controls for someone who can edit. A
 * client component fed the view's rows, so the page's React payload carries each link once rather than its
 * markup (ARCHITECTURE.md, "What a page costs").
 */
export function DependenciesSection({
  serviceId,
  deps,
  linkOptions,
  archived,
  edit,
}: {
  serviceId: string
  deps: ServiceView['deps']
  linkOptions: ServiceView['linkOptions']
  archived: boolean
  edit: boolean
}) {
  const list = (
    <ul className="divide-y divide-slate-200" data-testid="service-deps">
      {deps.map((d) => (
        <li key={d.id} className="flex flex-wrap items-center gap-x-3 py-1.5">
          <Link href={`/assets/${d.id}`} className="font-semibold text-brand-700 underline">
            {d.name}
          </Link>
          <span className="text-sm text-slate-700">
            {d.direct ? 'directly' : `through ${d.via.join(' → ')}`}
            {d.required ? '' : ', optional'}
          </span>
          {d.spof && (
            <span className="rounded bg-red-100 px-2 py-0.5 text-xs font-bold text-red-900">
              Single point of failure
            </span>
          )}
          {edit && d.direct && d.linkVersion !== undefined && (
            <LinkRequiredButton assetId={d.id} name={d.name} required={d.required} version={d.linkVersion} />
          )}
          {edit && d.direct && <UnlinkButton assetId={d.id} name={d.name} />}
        </li>
      ))}
    </ul>
  )
  return (
    <section aria-labelledby="deps-h" className="mb-6 rounded-lg border border-slate-300 bg-white p-4">
      <h2 id="deps-h" className="mb-2 text-lg font-bold">
        What it depends on
      </h2>
      {deps.length === 0 ? (
        <p className="text-slate-700">No assets linked yet.</p>
      ) : edit ? (
        <LinkChangesForm serviceId={serviceId}>{list}</LinkChangesForm>
      ) : (
        list
      )}
      {edit && !archived && <AddLinkForm serviceId={serviceId} options={linkOptions} />}
    </section>
  )
}
