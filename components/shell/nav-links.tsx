'use client'
import Link, { useLinkStatus } from 'next/link'
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
              <Pending />
            </Link>
          </li>
        )
      })}
    </ul>
  )
}

/**
 * A dot beside the link while its page is on its way. Pages have no streamed loading state (each would
 * cost every request a second flush and its markup; ARCHITECTURE.md, "What a page costs"), so this is
 * what says a click was taken.
 */
function Pending() {
  const { pending } = useLinkStatus()
  return pending ? (
    <span aria-hidden="true" className="ml-2 inline-block h-2 w-2 animate-pulse rounded-full bg-current" />
  ) : null
}
