import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { YourInvitations } from '@/components/people/your-invitations'
import { SignOutButton } from '@/components/shell/sign-out-button'
import { Notice } from '@/components/ui/notice'
import { getSchoolContext, getSessionUserId } from '@/lib/auth/context'
import { landingNoticeText } from '@/lib/people/notices'

export const metadata: Metadata = { title: 'No school' }

export default async function NoSchoolPage({
  searchParams,
}: {
  searchParams: Promise<{ notice?: unknown }>
}) {
  const userId = await getSessionUserId()
  if (!userId) redirect('/sign-in')
  if (await getSchoolContext()) redirect('/')
  const { notice } = await searchParams
  const landed = landingNoticeText(typeof notice === 'string' ? notice : null, {})
  return (
    <>
      {landed && <Notice tone="success">{landed}</Notice>}
      <div className="mb-6 rounded-lg bg-brand-700 p-5 text-white">
        <h1 className="text-2xl font-bold">You are not in a school yet</h1>
        <p className="my-3">
          Your login works, but you are not a member of any school. When a school&apos;s service continuity
          manager invites you, the invitation appears here for you to accept. Ask them to invite you with the
          e-mail address you sign in with.
        </p>
        <SignOutButton />
      </div>
      <YourInvitations userId={userId} />
    </>
  )
}
