import type { Metadata } from 'next'
import Link from 'next/link'
import { PageHeader } from '@/components/ui/page-header'
import { requireSchoolContext } from '@/lib/auth/context'
import { listLoginOptions, listRoleOptions } from '@/lib/team/queries'
import { MemberForm } from '../_components/member-form'

export const metadata: Metadata = { title: 'Add a team member' }

export default async function NewMemberPage() {
  const ctx = await requireSchoolContext('team.edit')
  const [roles, logins] = await Promise.all([
    listRoleOptions(ctx.schoolId),
    listLoginOptions(ctx.schoolId, null),
  ])
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/team" className="text-brand-700 underline">
          Recovery team
        </Link>
      </p>
      <PageHeader
        title="Add a team member"
        description="Someone who carries out part of the plan: a technician, a teacher, an administrator, a supplier's engineer, a volunteer."
      />
      <div className="max-w-2xl rounded-lg border border-slate-300 bg-white p-4">
        <MemberForm initial={{ systemAccess: 'yes' }} roles={roles} logins={logins} />
      </div>
    </>
  )
}
