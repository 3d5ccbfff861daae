import Link from 'next/link'

const TABS = [
  { key: 'register', href: '/risks', label: 'Register' },
  { key: 'heat-map', href: '/risks/heat-map', label: 'Heat map' },
  { key: 'proposals', href: '/risks/proposals', label: 'Proposed from the catalogue' },
  { key: 'countermeasures', href: '/risks/countermeasures', label: 'Countermeasures' },
  { key: 'settings', href: '/risks/settings', label: 'Categories, threats and appetite' },
] as const

/** The risk section's own pages, above each of them. */
export function RiskTabs({ current }: { current: (typeof TABS)[number]['key'] }) {
  return (
    <nav aria-label="Risks" className="mb-4 print:hidden">
      <ul className="flex flex-wrap gap-2 border-b border-slate-300 pb-2">
        {TABS.map((t) => (
          <li key={t.key}>
            <Link
              href={t.href}
              aria-current={t.key === current ? 'page' : undefined}
              className={`block rounded-md px-3 py-1.5 text-sm font-semibold ${
                t.key === current ? 'bg-brand-700 text-white' : 'text-brand-700 underline hover:bg-slate-100'
              }`}
            >
              {t.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}
