import type { Metadata } from 'next'
import Link from 'next/link'
import { PageHeader } from '@/components/ui/page-header'
import { requireSchoolContext } from '@/lib/auth/context'
import { can } from '@/lib/auth/permissions'
import { listRoleCoverage, type RoleCoverageRow } from '@/lib/team/queries'
import { SUGGESTED_ROLES } from '@/lib/team/schema'
import { CoverageBadge } from '../_components/coverage-badge'
import { RoleForm } from '../_components/role-form'

export const metadata: Metadata = { title: 'Recovery roles' }

function RoleCard({ role }: { role: RoleCoverageRow }) {
  return (
    <li className="rounded-lg border border-slate-300 bg-white p-4">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h3 className="text-base font-bold">
          <Link href={`/team/roles/${role.roleId}`} className="text-brand-700 underline">
            {role.name}
          </Link>
          {role.builtIn && (
            <span className="ml-2 text-sm font-normal text-slate-700">(every school has it)</span>
          )}
        </h3>
        {!role.archived && <CoverageBadge status={role.status} />}
      </div>
      {role.responsibilities && <p className="mt-1 text-sm text-slate-700">{role.responsibilities}</p>}
      <p className="mt-2">
        <span className="font-semibold">Held by: </span>
        {role.holders.length ? (
          role.holders.map((h, i) => (
            <span key={h.id}>
              {i > 0 && ', '}
              <Link href={`/team/${h.id}`} className="text-brand-700 underline">
                {h.name}
              </Link>
            </span>
          ))
        ) : (
          <strong className="text-red-800">nobody</strong>
        )}
      </p>
      {role.former.length > 0 && (
        <p className="text-sm text-slate-700">
          Formerly: {role.former.map((f) => `${f.name} (left)`).join(', ')}
        </p>
      )}
    </li>
  )
}

export default async function RolesPage() {
  const ctx = await requireSchoolContext('team.read')
  const edit = can(ctx.role, 'team.edit')
  const coverage = await listRoleCoverage(ctx.schoolId)
  const live = coverage.filter((c) => !c.archived)
  const retired = coverage.filter((c) => c.archived)
  const uncovered = live.filter((c) => c.status === 'UNCOVERED').length
  const single = live.filter((c) => c.status === 'SINGLE').length
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/team" className="text-brand-700 underline">
          Recovery team
        </Link>
      </p>
      <PageHeader
        title="Recovery roles and cover"
        description="Who does what in a disaster. Every role needs someone; a role only one person holds fails when they are away."
      />
      <p className="mb-4" aria-live="polite">
        {live.length} roles: <strong>{uncovered} uncovered</strong>, <strong>{single} with one holder</strong>
        .
      </p>
      <ul className="mb-8 grid gap-3 md:grid-cols-2">
        {live.map((r) => (
          <RoleCard key={r.roleId} role={r} />
        ))}
      </ul>
      {edit && (
        <section
          aria-labelledby="add-role-h"
          className="mb-8 max-w-2xl rounded-lg border border-slate-300 bg-white p-4"
        >
          <h2 id="add-role-h" className="mb-1 text-lg font-bold">
            Add a role
          </h2>
          <p className="mb-3 text-sm text-slate-700">
            Roles schools often add: {SUGGESTED_ROLES.join(', ')}.
          </p>
          <RoleForm initial={{}} />
        </section>
      )}
      {retired.length > 0 && (
        <section aria-labelledby="retired-h">
          <h2 id="retired-h" className="mb-3 text-lg font-bold">
            Retired roles
          </h2>
          <ul className="grid gap-3 md:grid-cols-2">
            {retired.map((r) => (
              <RoleCard key={r.roleId} role={r} />
            ))}
          </ul>
        </section>
      )}
    </>
  )
}
