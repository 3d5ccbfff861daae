import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { getSessionUserId } from '@/lib/auth/context'
import { SignInForm } from './_components/sign-in-form'

export const metadata: Metadata = { title: 'Sign in' }

export default async function SignInPage() {
  if (await getSessionUserId()) redirect('/')
  return (
    <>
      <h1 className="mb-2 text-2xl font-bold">Sign in</h1>
      <p className="mb-6 text-slate-700">Your school&apos;s recovery plan, recovery team and reviews.</p>
      <SignInForm />
    </>
  )
}
