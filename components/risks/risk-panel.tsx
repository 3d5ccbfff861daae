'use client'

import Link from 'next/link'
import { StatGrid } from '@/components/ui/stat-grid'

type Summary = {
  appetite: number
  open: number
  aboveAppetite: number
  reviewDue: number
  overdueCountermeasures: number
  exposedServices: { id: string; name: string }[]
}

/** The dashboard's risk panel: what needs action now, each figure a link to the list behind it. */
export function RiskPanel({ summary: s }: { summary: Summary }) {
  return (
    <section aria-labelledby="risks-panel-h" className="mb-8">
      <h2 id="risks-panel-h" className="mb-3 text-lg font-bold">
        Risks
      </h2>
      <StatGrid
        items={[
          {
            label: `Above appetite (score over ${s.appetite})`,
            value: s.aboveAppetite,
            href: '/risks?above=1',
          },
          {
            label: s.reviewDue === 1 ? 'Risk due for review' : 'Risks due for review',
            value: s.reviewDue,
            href: '/risks?overdue=1',
          },
          {
            label: s.overdueCountermeasures === 1 ? 'Countermeasure overdue' : 'Countermeasures overdue',
            value: s.overdueCountermeasures,
            href: '/risks/countermeasures?check=overdue',
          },
          { label: s.open === 1 ? 'Open risk' : 'Open risks', value: s.open, href: '/risks' },
        ]}
      />
      {s.exposedServices.length > 0 && (
        <p
          className="mt-3 rounded-md border-l-4 border-red-700 bg-red-50 p-3 text-sm text-red-950"
          data-testid="exposed-services"
        >
          <strong>Vital or high services with a high risk and no countermeasure in place: </strong>
          {s.exposedServices.map((x, n) => (
            <span key={x.id}>
              {n > 0 && ', '}
              <Link href={`/risks?service=${x.id}`} className="underline">
                {x.name}
              </Link>
            </span>
          ))}
          .
        </p>
      )}
    </section>
  )
}
