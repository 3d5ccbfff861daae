import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { MemberStepsView } from '@/components/contingency/member-steps'
import { Notice } from '@/components/ui/notice'
import { PageHeader } from '@/components/ui/page-header'
import { requireSchoolContext } from '@/lib/auth/context'
import { can } from '@/lib/auth/permissions'
import { getMemberSteps } from '@/lib/contingency/queries'

export const metadata: Metadata = { title: 'My recovery steps' }

/**
 * The signed-in team member's own steps, found from their login (never from an id in the address).
 * Team members and the manager (`assignments.read-own`) always have the page; anyone else (a head
 * teacher or governor) only when their login is linked to a member of the recovery team.
 */
export default async function MyStepsPage() {
  const ctx = await requireSchoolContext('school.read')
  const view = await getMemberSteps(ctx.schoolId, { userId: ctx.userId })
  if (!view && !can(ctx.role, 'assignments.read-own')) notFound()
  return (
    <>
      <PageHeader
        title="My recovery steps"
        description="What you do when a service fails: only the steps of the roles you hold, most urgent service first."
      />
      {view ? (
        <MemberStepsView view={view} own />
      ) : (
        <Notice tone="info" title="You are not on the recovery team yet">
          Your login is not linked to a member of the recovery team, so no step is yours. If it should be, ask
          your service continuity manager to add you and link your login.
        </Notice>
      )}
      <p className="mt-6">
        <Link href="/team/me" className="inline-flex min-h-12 items-center text-lg text-brand-700 underline">
          My team details and contact numbers
        </Link>
      </p>
    </>
  )
}
