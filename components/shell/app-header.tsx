'use client'

import Link from 'next/link'
import type { Role } from '@/lib/generated/prisma/enums'
import { AccountLinks } from './account-links'
import { NavLinks } from './nav-links'
import { SchoolSwitcher } from './school-switcher'

/**
 * The banner on every signed-in page: the school, the switcher when the person belongs to more than one,
 * who is signed in and as what, their account links and the main navigation. A client component fed
 * plain data, so every page's React payload carries these few values instead of the banner's markup
 * (ARCHITECTURE.md, "What a page costs").
 */
export function AppHeader({
  schoolName,
  schoolId,
  schools,
  userName,
  roleLabel,
  items,
}: {
  schoolName: string
  schoolId: string
  schools: { id: string; name: string; role: Role }[]
  userName: string
  roleLabel: string
  items: { href: string; label: string }[]
}) {
  return (
    <header className="bg-brand-700 text-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <div>
          <Link href="/" className="text-lg font-bold text-white">
            {schoolName}
          </Link>
          <p className="text-sm text-brand-50">ICT service continuity</p>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          {schools.length > 1 && <SchoolSwitcher schools={schools} currentId={schoolId} />}
          <p className="text-sm" data-testid="who">
            {userName} · <span data-testid="role">{roleLabel}</span>
          </p>
          <AccountLinks />
        </div>
      </div>
      <nav aria-label="Main" className="mx-auto max-w-6xl px-4 pb-3">
        <NavLinks items={items} />
      </nav>
    </header>
  )
}
