import Link from 'next/link'
import { SignOutButton } from './sign-out-button'

/** The signed-in person's own things: their account (password) and signing out. */
export function AccountLinks() {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Link
        href="/account"
        className="rounded-md px-2 py-1.5 text-sm font-semibold text-white underline underline-offset-2 hover:bg-brand-800"
      >
        Your account
      </Link>
      <SignOutButton />
    </div>
  )
}
