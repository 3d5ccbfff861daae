import { AppHeader } from '@/components/shell/app-header'
import { NAV_ITEMS } from '@/components/shell/nav-items'
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
      <AppHeader
        schoolName={ctx.schoolName}
        schoolId={ctx.schoolId}
        schools={ctx.schools}
        userName={ctx.userName}
        roleLabel={ROLE_LABELS[ctx.role]}
        items={items}
      />
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
