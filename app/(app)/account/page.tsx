import type { Metadata } from 'next'
import { PageHeader } from '@/components/ui/page-header'
import { getAccount } from '@/lib/auth/account-queries'
import { requireSchoolContext } from '@/lib/auth/context'
import { ChangePasswordForm } from './_components/change-password-form'

export const metadata: Metadata = { title: 'Your account' }

export default async function AccountPage() {
  const ctx = await requireSchoolContext()
  const account = await getAccount(ctx.userId)
  return (
    <>
      <PageHeader title="Your account" description="Your login, in every school you belong to." />
      <dl className="mb-8 grid max-w-xl grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
        <dt className="font-semibold text-slate-900">Name</dt>
        <dd className="break-words text-slate-800">{account.name}</dd>
        <dt className="font-semibold text-slate-900">E-mail address</dt>
        <dd className="break-words text-slate-800">{account.email}</dd>
      </dl>
      <section aria-labelledby="password-h" className="max-w-xl">
        <h2 id="password-h" className="mb-2 text-xl font-bold text-slate-900">
          Change your password
        </h2>
        <p className="mb-4 text-slate-700">
          Changing it signs you out everywhere else: on other computers, phones and browsers. You stay signed
          in here.
        </p>
        <ChangePasswordForm />
      </section>
    </>
  )
}
