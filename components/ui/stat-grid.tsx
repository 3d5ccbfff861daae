'use client'

import Link from 'next/link'

/** One figure of a StatGrid: the number, what it counts and, when there is one, the list behind it. */
export type StatItem = { label: string; value: number | string; href?: string }

/**
 * The dashboard's figures, four to a row (two on a phone), each a link to the list it counts. A client
 * component fed plain items, so its markup costs the page only its HTML (ARCHITECTURE.md, "What a page
 * costs").
 */
export function StatGrid({ items }: { items: StatItem[] }) {
  return (
    <ul className="grid grid-cols-2 gap-3 md:grid-cols-4">
      {items.map((s) => {
        const body = (
          <>
            <span className="block text-3xl font-bold text-slate-900">{s.value}</span>
            <span className="block text-sm text-slate-700">{s.label}</span>
          </>
        )
        return (
          <li key={s.label} className="rounded-lg border border-slate-300 bg-white p-4">
            {s.href ? (
              <Link href={s.href} className="block hover:underline">
                {body}
              </Link>
            ) : (
              body
            )}
          </li>
        )
      })}
    </ul>
  )
}
