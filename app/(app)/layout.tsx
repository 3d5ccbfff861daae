import Link from 'next/link'
import { AccountLinks } from '@/components/shell/account-links'
import { NAV_ITEMS } from '@/components/shell/nav-items'
import { NavLinks } from '@/components/shell/nav-links'
import { SchoolSwitcher } from '@/components/shell/school-switcher'
import { FormStampProvider } from '@/components/ui/form-stamp'
import { requireSchoolContext } from '@/lib/auth/context'
import { can, ROLE_LABELS } from '@/lib/auth/permissions'
import { SCHOOL_STAMP_FIELD } from '@/lib/result'

export const dynamic = 'force-dynamic'

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const ctx = await requireSchoolContext()
  const items = NAV_ITEMS.filter((i) => can(ctx.role, i.permission)).map(({ href, label }) => ({
    href,
    label,
  }))
  return (
    <div className="flex min-h-screen flex-col">
      <header className="bg-brand-700 text-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <div>
            <Link href="/" className="text-lg font-bold text-white">
              {ctx.schoolName}
            </Link>
            <p className="text-sm text-brand-50">ICT service continuity</p>
          </div>
          <div className="flex flex-wrap items-center gap-3">
            {ctx.schools.length > 1 && <SchoolSwitcher schools={ctx.schools} currentId={ctx.schoolId} />}
            <p className="text-sm" data-testid="who">
              {ctx.userName} · <span data-testid="role">{ROLE_LABELS[ctx.role]}</span>
            </p>
            <AccountLinks />
          </div>
        </div>
        <nav aria-label="Main" className="mx-auto max-w-6xl px-4 pb-3">
          <NavLinks items={items} />
        </nav>
      </header>
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">
        <FormStampProvider fields={{ [SCHOOL_STAMP_FIELD]: ctx.schoolId }}>{children}</FormStampProvider>
      </main>
      <footer className="border-t border-slate-300 bg-white">
        <p className="mx-auto max-w-6xl px-4 py-3 text-sm text-slate-600">
          Keep a printed copy of the published plan off site: this portal may be down when you need it most.
        </p>
      </footer>
    </div>
  )
}
