import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { MemberStepsView } from '@/components/contingency/member-steps'
import { PageHeader } from '@/components/ui/page-header'
import { requireSchoolContext } from '@/lib/auth/context'
import { getMemberSteps } from '@/lib/contingency/queries'

export const metadata: Metadata = { title: 'Recovery steps of a team member' }

/**
 * The manager's view of any member's steps, exactly as the member sees them. Only the manager (who
 * assigns the steps: `team.edit`) may open another member's view; anyone else is told there is no such
 * page, as for a member of another school.
 */
export default async function MemberStepsPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireSchoolContext('team.edit')
  const { id } = await params
  const view = await getMemberSteps(ctx.schoolId, { memberId: id })
  if (!view) notFound()
  return (
    <>
      <p className="mb-2 text-sm">
        <Link
          href={`/team/${view.member.id}`}
          className="inline-flex min-h-12 items-center text-brand-700 underline"
        >
          {view.member.name}
        </Link>
      </p>
      <PageHeader
        title={`Recovery steps: ${view.member.name}`}
        description="What this member sees on their own page: the steps of the roles they hold, most urgent service first."
      />
      <MemberStepsView view={view} own={false} />
    </>
  )
}
