import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { SignOutButton } from '@/components/shell/sign-out-button'
import { getSchoolContext, getSessionUserId } from '@/lib/auth/context'

export const metadata: Metadata = { title: 'No school' }

export default async function NoSchoolPage() {
  if (!(await getSessionUserId())) redirect('/sign-in')
  if (await getSchoolContext()) redirect('/')
  return (
    <div className="rounded-lg bg-brand-700 p-5 text-white">
      <h1 className="text-2xl font-bold">You are not in a school yet</h1>
      <p className="my-3">
        Your login works, but no school has added you. Ask your school&apos;s service continuity manager to
        add you.
      </p>
      <SignOutButton />
    </div>
  )
}
