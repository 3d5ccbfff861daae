'use client'

import Link from 'next/link'
import { GAP_KINDS, GAP_TITLES, type GapKind } from '@/lib/coverage/gaps'

/** The dashboard's coverage panel: how many gaps of each kind, linking to the report. */
export function CoveragePanel({ counts, total }: { counts: Record<GapKind, number>; total: number }) {
  const open = GAP_KINDS.filter((k) => counts[k] > 0)
  return (
    <section
      aria-labelledby="coverage-panel-h"
      className="mb-8 rounded-lg border border-slate-300 bg-white p-4"
    >
      <h2 id="coverage-panel-h" className="mb-2 text-lg font-bold">
        Coverage
      </h2>
      {total === 0 ? (
        <p className="text-slate-700">No gaps found in plans, roles, contacts, backups or training.</p>
      ) : (
        <ul className="mb-2 grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-2">
          {open.map((k) => (
            <li key={k} className="flex justify-between gap-3">
              <Link href={`/coverage#${k}`} className="text-brand-700 underline">
                {GAP_TITLES[k]}
              </Link>
              <span className="font-bold text-red-800">{counts[k]}</span>
            </li>
          ))}
        </ul>
      )}
      <Link href="/coverage" className="font-semibold text-brand-700 underline">
        {total === 0 ? 'Coverage report' : `All ${total} ${total === 1 ? 'gap' : 'gaps'} and what to do`}
      </Link>
    </section>
  )
}
