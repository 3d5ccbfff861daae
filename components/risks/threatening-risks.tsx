import Link from 'next/link'
import { RatingBadge } from '@/components/risks/rating-badge'
import { currentScore } from '@/lib/risks/scoring'

type Risk = {
  id: string
  title: string
  likelihood: number
  impact: number
  residualLikelihood: number | null
  residualImpact: number | null
}

/** On a service's or asset's page: the open risks that threaten it, each with its score now. */
export function ThreateningRisks({ risks, what }: { risks: Risk[]; what: 'service' | 'asset' }) {
  return (
    <section aria-labelledby="risks-h" className="my-6 rounded-lg border border-slate-300 bg-white p-4">
      <h2 id="risks-h" className="mb-2 text-lg font-bold">
        Risks that threaten this {what}
      </h2>
      {risks.length ? (
        <ul className="divide-y divide-slate-200">
          {risks.map((r) => (
            <li key={r.id} className="flex flex-wrap items-center gap-2 py-2">
              <Link href={`/risks/${r.id}`} className="font-semibold text-brand-700 underline">
                {r.title}
              </Link>
              <RatingBadge score={currentScore(r)} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-slate-700">
          No open risk in the register names it.{' '}
          <Link href="/risks/proposals" className="text-brand-700 underline">
            See the risks proposed from the catalogue
          </Link>
          .
        </p>
      )}
    </section>
  )
}
