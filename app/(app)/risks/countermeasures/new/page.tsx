import type { Metadata } from 'next'
import Link from 'next/link'
import { PageHeader } from '@/components/ui/page-header'
import { requireSchoolContext } from '@/lib/auth/context'
import { SUGGESTED_COUNTERMEASURES } from '@/lib/risks/defaults'
import { listRiskChoices } from '@/lib/risks/queries'
import { checkName } from '@/lib/risks/schema'
import { CountermeasureForm } from '../_components/countermeasure-form'

export const metadata: Metadata = { title: 'Add a countermeasure' }

/** `?suggest=<n>` fills the form from a typical measure; `?risk=<id>` ticks the risk it came from. */
export default async function NewCountermeasurePage({
  searchParams,
}: {
  searchParams: Promise<{ suggest?: string; risk?: string }>
}) {
  const ctx = await requireSchoolContext('risks.edit')
  const sp = await searchParams
  const risks = await listRiskChoices(ctx.schoolId)
  const suggestion = SUGGESTED_COUNTERMEASURES[Number(sp.suggest)]
  const risk = risks.find((r) => r.id === sp.risk)
  const initial: Record<string, string> = {
    kind: suggestion?.kind ?? 'PREVENT',
    process: suggestion?.process ?? 'AVAILABILITY',
    status: 'PLANNED',
    ...(suggestion ? { title: suggestion.title } : {}),
    ...(risk ? { [checkName('risk', risk.id)]: 'yes' } : {}),
  }
  const keep = risk ? `&risk=${risk.id}` : ''
  return (
    <>
      <PageHeader
        title="Add a countermeasure"
        description={
          risk ? `A measure that lowers the risk "${risk.title}" (and any others you tick).` : undefined
        }
      />
      <nav
        aria-labelledby="suggest-h"
        className="mb-4 max-w-3xl rounded-lg border border-slate-300 bg-white p-4"
      >
        <h2 id="suggest-h" className="font-semibold">
          Start from a typical measure
        </h2>
        <ul className="mt-2 flex flex-wrap gap-2">
          {SUGGESTED_COUNTERMEASURES.map((s, n) => (
            <li key={s.title}>
              <Link
                href={`/risks/countermeasures/new?suggest=${n}${keep}`}
                aria-current={suggestion === s ? 'true' : undefined}
                className="inline-block rounded-md border border-slate-400 px-2 py-1 text-sm text-brand-700 underline aria-[current=true]:bg-brand-50"
              >
                {s.title}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="max-w-3xl rounded-lg border border-slate-300 bg-white p-4">
        <CountermeasureForm key={`${sp.suggest ?? ''}-${sp.risk ?? ''}`} initial={initial} risks={risks} />
      </div>
    </>
  )
}
