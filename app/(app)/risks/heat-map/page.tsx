import type { Metadata } from 'next'
import { HeatMatrix, HeatTable } from '@/components/risks/heat-map'
import { PageHeader } from '@/components/ui/page-header'
import { requireSchoolContext } from '@/lib/auth/context'
import { getHeatMap } from '@/lib/risks/queries'
import { RiskTabs } from '../_components/risk-tabs'

export const metadata: Metadata = { title: 'Risk heat map' }

export default async function HeatMapPage() {
  const ctx = await requireSchoolContext('risks.read')
  const map = await getHeatMap(ctx.schoolId)
  return (
    <>
      <PageHeader
        title="Risk heat map"
        description={`The school's ${map.total} open risk${map.total === 1 ? '' : 's'} by likelihood and impact, before and after their countermeasures. Choose a cell to see its risks.`}
      />
      <RiskTabs current="heat-map" />
      <div className="grid gap-6 rounded-lg border border-slate-300 bg-white p-4 lg:grid-cols-2">
        <HeatMatrix grid={map.inherent} basis="inherent" appetite={map.appetite} />
        <HeatMatrix grid={map.residual} basis="residual" appetite={map.appetite} />
      </div>
      <div className="mt-3 text-sm text-slate-800">
        <p>
          Score = likelihood × impact. Low 1–4, medium 5–9, high 10–16, very high 20–25. Cells with a dashed
          outline are above the school's risk appetite (a score over {map.appetite}).
        </p>
        <p>
          {map.reassessed} of {map.total} risks have a residual assessment; the others sit in the same cell on
          both maps until someone records what their countermeasures achieve.
        </p>
      </div>
      <details className="mt-4 rounded-lg border border-slate-300 bg-white p-4">
        <summary className="cursor-pointer font-semibold text-brand-700">The same as a table</summary>
        <div className="mt-3 overflow-x-auto">
          <HeatTable inherent={map.inherent} residual={map.residual} appetite={map.appetite} />
        </div>
      </details>
    </>
  )
}
