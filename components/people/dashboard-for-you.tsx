import { Suspense } from 'react'
import { getSchoolContext } from '@/lib/auth/context'
import { ROLE_LABELS } from '@/lib/auth/permissions'
import { LandingNotice } from './landing-notice'
import { YourInvitations } from './your-invitations'

/** The dashboard's part about the person themselves: why they landed here, and invitations to answer. */
export async function DashboardForYou() {
  const ctx = await getSchoolContext()
  if (!ctx) return null
  return (
    <>
      <Suspense fallback={null}>
        <LandingNotice schoolName={ctx.schoolName} roleLabel={ROLE_LABELS[ctx.role]} />
      </Suspense>
      <YourInvitations userId={ctx.userId} open={ctx.openInvitations} />
    </>
  )
}
