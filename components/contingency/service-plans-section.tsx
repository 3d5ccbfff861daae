import Link from 'next/link'
import { formatPence } from '@/lib/contingency/money'
import type { listServicePlans } from '@/lib/contingency/queries'
import { strategyLabel } from '@/lib/contingency/schema'

/** A service's contingency plans, for its own page; says plainly when it has none. */
export function ServicePlansSection({
  serviceId,
  plans,
  edit,
}: {
  serviceId: string
  plans: Awaited<ReturnType<typeof listServicePlans>>
  edit: boolean
}) {
  const live = plans.filter((p) => !p.archivedAt)
  return (
    <section aria-labelledby="plans-h" className="mb-6 rounded-lg border border-slate-300 bg-white p-4">
      <h2 id="plans-h" className="mb-2 text-lg font-bold">
        Contingency plans
      </h2>
      {live.length === 0 && (
        <p className="mb-2">
          <span className="rounded bg-amber-100 px-2 py-0.5 text-sm font-bold text-amber-950">
            No contingency plan
          </span>
        </p>
      )}
      {plans.length > 0 && (
        <ul className="divide-y divide-slate-200" data-testid="service-plans">
          {plans.map((p) => (
            <li key={p.id} className="py-1.5">
              <Link href={`/contingency/${p.id}`} className="font-semibold text-brand-700 underline">
                {p.name}
              </Link>
              <span className="block text-sm text-slate-700">
                {p.archivedAt ? 'Archived · ' : ''}
                {strategyLabel(p.strategy)} · {formatPence(p.yearlyCostPence)} a year · {p.steps} step
                {p.steps === 1 ? '' : 's'}
              </span>
            </li>
          ))}
        </ul>
      )}
      {edit && (
        <p className="mt-2">
          <Link href={`/contingency/new?serviceId=${serviceId}`} className="text-brand-700 underline">
            Add a contingency plan
          </Link>
        </p>
      )}
    </section>
  )
}
