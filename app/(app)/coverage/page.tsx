import type { Metadata } from 'next'
import Link from 'next/link'
import { PageHeader } from '@/components/ui/page-header'
import { requireSchoolContext } from '@/lib/auth/context'
import { GAP_KINDS, GAP_TITLES, GAP_WHY, type GapKind } from '@/lib/coverage/gaps'
import { getCoverage } from '@/lib/coverage/queries'

export const metadata: Metadata = { title: 'Coverage' }

/*
 * Who may read it: `contingency.read` (the manager and the head teacher). The report draws on the drafted
 * contingency plans and backups (`contingency.read`) and on the team (`team.read`, `team.contacts`), which
 * the same two roles hold; it shows no contact details, only that a member has none off site.
 */
export default async function CoveragePage() {
  const ctx = await requireSchoolContext('contingency.read')
  const { gaps, counts, total } = await getCoverage(ctx.schoolId, ctx.timeZone)
  const kinds = GAP_KINDS.filter((k) => counts[k] > 0)
  return (
    <>
      <PageHeader
        title="Coverage"
        description="The gaps in the school's preparedness: what would leave you stuck on the day, and what to do about each. Fix them from the page each one links to; this report updates as you do."
      />
      <section aria-labelledby="summary-h" className="mb-8">
        <h2 id="summary-h" className="mb-3 text-lg font-bold">
          {total === 0 ? 'No gaps found' : `${total} ${total === 1 ? 'gap' : 'gaps'} to close`}
        </h2>
        <ul className="grid grid-cols-1 gap-2 sm:grid-cols-2">
          {GAP_KINDS.map((k) => (
            <li
              key={k}
              className="flex items-center justify-between gap-3 rounded-md border border-slate-300 bg-white px-3 py-2"
              data-testid={`count-${k}`}
            >
              {counts[k] > 0 ? (
                <a href={`#${k}`} className="text-brand-700 underline">
                  {GAP_TITLES[k]}
                </a>
              ) : (
                <span className="text-slate-700">{GAP_TITLES[k]}</span>
              )}
              <span className={`font-bold ${counts[k] > 0 ? 'text-red-800' : 'text-green-800'}`}>
                {counts[k]}
              </span>
            </li>
          ))}
        </ul>
      </section>
      {kinds.map((k) => (
        <GapSection key={k} kind={k} gaps={gaps.filter((g) => g.kind === k)} />
      ))}
    </>
  )
}

function GapSection({
  kind,
  gaps,
}: {
  kind: GapKind
  gaps: Awaited<ReturnType<typeof getCoverage>>['gaps']
}) {
  return (
    <section id={kind} aria-labelledby={`${kind}-h`} className="mb-8">
      <h2 id={`${kind}-h`} className="text-lg font-bold">
        {GAP_TITLES[kind]} ({gaps.length})
      </h2>
      <p className="mb-3 text-slate-700">{GAP_WHY[kind]}</p>
      <ul className="space-y-2">
        {gaps.map((g, i) => (
          <li
            // biome-ignore lint/suspicious/noArrayIndexKey: a gap has no id of its own; the list is static
            key={i}
            className="break-words rounded-lg border border-slate-300 bg-white p-3"
          >
            <p className="font-semibold">{g.subject}</p>
            {g.context && <p className="text-sm text-slate-700">{g.context}</p>}
            <p className="mt-1">
              {g.action}{' '}
              <Link href={g.href} className="font-semibold text-brand-700 underline">
                {g.fix}
                <span className="sr-only">: {g.subject}</span>
              </Link>
            </p>
          </li>
        ))}
      </ul>
    </section>
  )
}
