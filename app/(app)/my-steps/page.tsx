import type { Metadata } from 'next'
import Link from 'next/link'
import { MemberStepsView } from '@/components/contingency/member-steps'
import { Notice } from '@/components/ui/notice'
import { PageHeader } from '@/components/ui/page-header'
import { requireSchoolContext } from '@/lib/auth/context'
import { getMemberSteps } from '@/lib/contingency/queries'

export const metadata: Metadata = { title: 'My recovery steps' }

/** The signed-in team member's own steps, found from their login (never from an id in the address). */
export default async function MyStepsPage() {
  const ctx = await requireSchoolContext('assignments.read-own')
  const view = await getMemberSteps(ctx.schoolId, { userId: ctx.userId })
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
