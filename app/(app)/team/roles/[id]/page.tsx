import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { Notice } from '@/components/ui/notice'
import { PageHeader } from '@/components/ui/page-header'
import { requireSchoolContext } from '@/lib/auth/context'
import { can } from '@/lib/auth/permissions'
import { getRole } from '@/lib/team/queries'
import { ArchiveRole } from '../../_components/archive-role'
import { CoverageBadge } from '../../_components/coverage-badge'
import { RoleForm } from '../../_components/role-form'

export const metadata: Metadata = { title: 'Recovery role' }

export default async function RolePage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireSchoolContext('team.read')
  const { id } = await params
  const edit = can(ctx.role, 'team.edit')
  const role = await getRole(ctx.schoolId, id)
  if (!role) notFound()
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/team/roles" className="text-brand-700 underline">
          Recovery roles and cover
        </Link>
      </p>
      <PageHeader title={role.name} description={role.responsibilities || undefined} />
      {role.archived && (
        <Notice tone="warning" title="This role is retired">
          It no longer appears on the team. Bring it back to use it again.
        </Notice>
      )}
      <section aria-labelledby="holders-h" className="mb-6 rounded-lg border border-slate-300 bg-white p-4">
        <h2 id="holders-h" className="mb-2 text-lg font-bold">
          Who holds it
        </h2>
        {!role.archived && (
          <p className="mb-2">
            <CoverageBadge status={role.status} />
          </p>
        )}
        {role.holders.length ? (
          <ul className="list-disc pl-5">
            {role.holders.map((h) => (
              <li key={h.id}>
                <Link href={`/team/${h.id}`} className="text-brand-700 underline">
                  {h.name}
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p>Nobody holds this role: its steps have nobody to carry them out.</p>
        )}
        {role.former.length > 0 && (
          <p className="mt-2 text-sm text-slate-700">
            Formerly: {role.former.map((f) => `${f.name} (left)`).join(', ')}
          </p>
        )}
      </section>
      {edit && (
        <section
          aria-labelledby="edit-h"
          className="mb-6 max-w-2xl rounded-lg border border-slate-300 bg-white p-4"
        >
          <h2 id="edit-h" className="mb-3 text-lg font-bold">
            Edit this role
          </h2>
          <RoleForm
            id={role.roleId}
            version={role.version}
            builtIn={Boolean(role.builtIn)}
            initial={{ name: role.name, responsibilities: role.responsibilities }}
          />
          {!role.builtIn && (
            <div className="mt-6 border-t border-slate-200 pt-4">
              <ArchiveRole
                key={`archive-${role.version}`}
                id={role.roleId}
                version={role.version}
                name={role.name}
                archived={role.archived}
              />
            </div>
          )}
        </section>
      )}
    </>
  )
}
