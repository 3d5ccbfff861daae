import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { buttonClass } from '@/components/ui/button'
import { PageHeader } from '@/components/ui/page-header'
import { requireSchoolContext } from '@/lib/auth/context'
import { can } from '@/lib/auth/permissions'
import { type RecordDiff, SECTION_LABELS, type SectionKey } from '@/lib/plan-versions/compare'
import { comparePlanVersions, listPlanVersions } from '@/lib/plan-versions/queries'

export const metadata: Metadata = { title: 'Compare plan versions' }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

const versionParam = (v: string | string[] | undefined) => {
  const s = Array.isArray(v) ? v[0] : v
  return s && /^\d{1,9}$/.test(s) ? Number(s) : null
}

const KIND_WORDS = { added: 'Added', removed: 'Removed', changed: 'Changed' } as const

/** `hideValues`: for roles not allowed personal contact details, say which details changed, not what to. */
function DiffList({ diffs, hideValues = false }: { diffs: RecordDiff[]; hideValues?: boolean }) {
  return (
    <ul className="divide-y divide-slate-200 rounded-lg border border-slate-300 bg-white">
      {diffs.map((d) => (
        <li key={`${d.kind}:${d.key}`} className="break-words px-4 py-2 text-sm" data-testid="diff">
          <span className="font-semibold">{KIND_WORDS[d.kind]}</span> {d.name}
          {d.fields.length > 0 && (
            <ul className="mt-1 list-disc pl-5 text-slate-800">
              {d.fields.map((f) => (
                <li key={f.label}>
                  {hideValues ? (
                    `${f.label} changed`
                  ) : (
                    <>
                      {f.label}: from <span className="font-semibold">{f.before}</span> to{' '}
                      <span className="font-semibold">{f.after}</span>
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  )
}

export default async function ComparePage({ searchParams }: Props) {
  const ctx = await requireSchoolContext('plan.read')
  const approvedOnly = !can(ctx.role, 'plan.draft')
  const sp = await searchParams
  const { versions } = await listPlanVersions(ctx.schoolId, { approvedOnly })
  const to = versionParam(sp.to) ?? versions[0]?.number ?? null
  const from = versionParam(sp.from) ?? versions.find((v) => to !== null && v.number < to)?.number ?? null
  const result =
    from !== null && to !== null ? await comparePlanVersions(ctx.schoolId, from, to, { approvedOnly }) : null
  if ((sp.from || sp.to) && !result) notFound()
  const options = versions.map((v) => ({ value: String(v.number), label: `Version ${v.number}` }))
  return (
    <>
      <PageHeader
        title="Compare plan versions"
        description={
          <Link href="/plan/versions" className="text-brand-700 underline">
            All versions
          </Link>
        }
      />
      {versions.length < 2 ? (
        <p className="rounded-lg border border-slate-300 bg-white p-4 text-slate-700">
          There is nothing to compare until two versions have been published.
        </p>
      ) : (
        <form method="get" action="/plan/compare" className="mb-6 flex flex-wrap items-end gap-3">
          {(['from', 'to'] as const).map((k) => (
            <div key={k}>
              <label htmlFor={`compare-${k}`} className="block font-semibold">
                {k === 'from' ? 'Older version' : 'Newer version'}
              </label>
              <select
                id={`compare-${k}`}
                name={k}
                defaultValue={String(k === 'from' ? from : to)}
                className="mt-1 min-h-10 rounded-md border border-slate-400 bg-white px-3"
              >
                {options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            </div>
          ))}
          <button type="submit" className={buttonClass('secondary')}>
            Compare
          </button>
        </form>
      )}
      {result && (
        <>
          <h2 className="mb-3 text-lg font-bold" data-testid="compare-summary">
            From version {result.from.number} to version {result.to.number}:{' '}
            {result.comparison.total === 0
              ? 'no differences in services, steps, people or contacts.'
              : `${result.comparison.total} difference${result.comparison.total === 1 ? '' : 's'}.`}
          </h2>
          {(Object.keys(SECTION_LABELS) as SectionKey[]).map((k) => (
            <section key={k} aria-labelledby={`cmp-${k}`} className="mb-6">
              <h3 id={`cmp-${k}`} className="mb-2 font-bold">
                {SECTION_LABELS[k]} ({result.comparison[k].length})
              </h3>
              {result.comparison[k].length === 0 ? (
                <p className="text-slate-700">No differences.</p>
              ) : (
                <DiffList
                  diffs={result.comparison[k]}
                  hideValues={k === 'contacts' && !can(ctx.role, 'plan.contacts')}
                />
              )}
            </section>
          ))}
        </>
      )}
    </>
  )
}
