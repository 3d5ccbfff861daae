'use client'
import Link from 'next/link'
import { usePathname } from 'next/navigation'

export function NavLinks({ items }: { items: { href: string; label: string }[] }) {
  const path = usePathname()
  return (
    <ul className="flex flex-row flex-wrap gap-1 md:gap-2">
      {items.map((item) => {
        const current =
          item.href === '/' ? path === '/' : path === item.href || path.startsWith(`${item.href}/`)
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={current ? 'page' : undefined}
              className={`block rounded-md px-3 py-2 text-sm font-semibold ${
                current ? 'bg-white text-brand-800' : 'text-white hover:bg-brand-800'
              }`}
            >
              {item.label}
            </Link>
          </li>
        )
      })}
    </ul>
  )
}
