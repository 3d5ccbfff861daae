import type { Metadata } from 'next'
import Link from 'next/link'
import { DependencyGraph } from '@/components/catalogue/dependency-graph'
import { buttonClass } from '@/components/ui/button'
import { PageHeader } from '@/components/ui/page-header'
import { requireSchoolContext } from '@/lib/auth/context'
import { formatDuration } from '@/lib/catalogue/durations'
import { getDependenciesView } from '@/lib/dependencies/queries'
import { CRITICALITY } from '@/lib/services/schema'
import { choiceParam, parseSearchParams, type RawSearchParams } from '@/lib/validation/search-params'
import { z } from '@/lib/validation/zod'

export const metadata: Metadata = { title: 'Dependencies' }

const criticalityLabel = (c: number) => CRITICALITY.find((x) => x.value === c)?.label ?? String(c)

/** `?service=` draws one service and what it needs; `?show=all` also draws assets no service needs. */
const paramsSchema = z.object({
  service: z.string().max(100).optional().catch(undefined),
  show: choiceParam(['needed', 'all'], 'needed'),
})
const plural = (n: number, one: string, many: string) =>
  `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`

export default async function DependenciesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const ctx = await requireSchoolContext('catalogue.read')
  const params = parseSearchParams(paramsSchema, await searchParams)
  const view = await getDependenciesView(ctx.schoolId, {
    focusServiceId: params.service,
    everything: params.show === 'all',
  })
  const { focus, everything, services, spofs, picture, unneeded } = view

  return (
    <>
      <PageHeader
        title="Dependencies"
        description="Which assets each service relies on, directly and through other assets, and which assets would take a critical service down with them."
      />

      <section aria-labelledby="spof-h" className="mb-8 rounded-lg border border-slate-300 bg-white p-4">
        <h2 id="spof-h" className="mb-1 text-lg font-bold">
          Single points of failure
        </h2>
        <p className="mb-3 text-sm text-slate-700">
          Assets with no standby that a vital or high-criticality service needs, directly or through other
          assets.
        </p>
        {spofs.length ? (
          // Plain links styled once on the list: the list can run to hundreds of entries.
          <ul
            className="list-disc pl-6 *:mb-2 [&_a]:font-semibold [&_a]:text-brand-700 [&_a]:underline [&_span]:block [&_span]:text-sm [&_span]:text-slate-800"
            data-testid="spof-list"
          >
            {spofs.map((s) => (
              <li key={s.assetId}>
                <a href={`/assets/${s.assetId}`}>{s.name}</a>
                <span>
                  {`Endangers: ${s.services
                    .map((svc) => `${svc.name} (${criticalityLabel(svc.criticality)})`)
                    .join(', ')}`}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p data-testid="spof-none">None found: every asset that a critical service needs has a standby.</p>
        )}
      </section>

      <section aria-labelledby="graph-h" className="mb-8">
        <h2 id="graph-h" className="mb-1 text-lg font-bold">
          The picture
        </h2>
        <p className="mb-3 text-sm text-slate-700">
          Services (green) on the left, arrows to the assets they need and on to what those depend on. Single
          points of failure have a red dashed border; optional links are dashed. Select a box to open it. The
          list below gives the same facts.
        </p>
        {/* Keyed by what is shown, so that its controls show the choice after a link changes it. */}
        <form key={`${focus}-${everything}`} method="get" className="mb-3 flex flex-wrap items-end gap-3">
          <div className="min-w-0 max-w-full">
            <label htmlFor="service" className="block text-sm font-semibold">
              Show
            </label>
            <select
              id="service"
              name="service"
              defaultValue={focus ?? ''}
              className="max-w-full rounded-md border border-slate-500 bg-white px-2 py-1.5"
            >
              <option value="">Every service</option>
              {services.map((s) => (
                <option key={s.id} value={s.id}>
                  Only {s.name}
                </option>
              ))}
            </select>
          </div>
          {unneeded > 0 && (
            <div className="flex min-h-9 items-center gap-2">
              <input
                id="show-all"
                type="checkbox"
                name="show"
                value="all"
                defaultChecked={params.show === 'all'}
                className="h-5 w-5"
              />
              <label htmlFor="show-all" className="text-sm">
                Also draw the {plural(unneeded, 'asset', 'assets')} no service needs
              </label>
            </div>
          )}
          <button type="submit" className={buttonClass('secondary')}>
            Show
          </button>
        </form>
        {!focus && unneeded > 0 && (
          <p className="mb-3 text-sm" data-testid="graph-hidden">
            {everything ? (
              <>
                Drawing every asset, with the {plural(unneeded, 'asset', 'assets')} no service needs.{' '}
                <Link href="/dependencies" className="font-semibold text-brand-700 underline">
                  Draw only what services need
                </Link>
              </>
            ) : (
              <>
                {plural(unneeded, 'asset that no service needs is', 'assets that no service needs are')} not
                drawn.{' '}
                <Link href="/dependencies?show=all" className="font-semibold text-brand-700 underline">
                  Draw every asset
                </Link>
              </>
            )}
          </p>
        )}
        <DependencyGraph layout={picture} />
      </section>

      <section aria-labelledby="tree-h">
        <h2 id="tree-h" className="mb-1 text-lg font-bold">
          What depends on what
        </h2>
        <p className="mb-3 text-sm text-slate-700">
          Each live service, most critical first, with the assets it needs. An asset reached through others
          shows the chain it is reached by.
        </p>
        {services.length ? (
          <ul
            className="flex flex-col gap-3 *:rounded-lg *:border *:border-slate-300 *:bg-white *:p-3"
            data-testid="dependency-list"
          >
            {services.map((s) => {
              const deps = s.dependencies
              return (
                <li key={s.id}>
                  <a href={`/services/${s.id}`} className="font-semibold text-brand-700 underline">
                    {s.name}
                  </a>{' '}
                  <span className="text-sm text-slate-700">
                    {`(${criticalityLabel(s.criticality)} · recovery time objective (RTO) ${formatDuration(s.rtoMinutes)})`}
                  </span>
                  {deps.length ? (
                    // Styled once here rather than on each of what can be thousands of entries.
                    <ul className="mt-2 list-disc pl-6 text-sm *:[overflow-wrap:anywhere] [&_a]:inline-block [&_a]:min-h-6 [&_a]:py-0.5 [&_a]:text-brand-700 [&_a]:underline [&_span]:text-slate-700 [&_strong]:ml-1 [&_strong]:text-slate-700">
                      {deps.map((d) => (
                        <li key={d.assetId}>
                          <a href={`/assets/${d.assetId}`}>{d.name}</a>
                          {d.via.length > 0 && <span>{` (through ${d.via.join(' → ')})`}</span>}
                          {!d.required && <strong>optional</strong>}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <p className="mt-1 text-sm text-slate-700">No assets recorded for this service yet.</p>
                  )}
                </li>
              )
            })}
          </ul>
        ) : (
          <p>No live services have been recorded yet.</p>
        )}
      </section>
    </>
  )
}
