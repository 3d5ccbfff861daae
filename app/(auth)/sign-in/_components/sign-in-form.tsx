'use client'
import { useRouter } from 'next/navigation'
import { signIn } from 'next-auth/react'
import { useState, useSyncExternalStore } from 'react'
import { Button } from '@/components/ui/button'
import { TextField } from '@/components/ui/field'
import { Notice } from '@/components/ui/notice'

// Kept in step with SIGN_IN_MESSAGES in lib/auth/sign-in.ts (that module is server-only).
const MESSAGES: Record<string, string> = {
  INVALID: 'That e-mail address and password do not match an account.',
  LOCKED: 'Too many failed attempts. Wait a few minutes, then try again.',
}

const noSubscription = () => () => {}

/** False in the server's HTML and during hydration, true once React runs the form in the browser. */
function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  )
}

export function SignInForm() {
  const router = useRouter()
  const hydrated = useHydrated()
  const [error, setError] = useState<string | null>(null)
  const [pending, setPending] = useState(false)

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault()
    const form = new FormData(e.currentTarget)
    setPending(true)
    setError(null)
    const res = await signIn('credentials', {
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
      redirect: false,
    })
    setPending(false)
    if (res?.ok && !res.error) {
      router.replace('/')
      router.refresh()
      return
    }
    setError(MESSAGES[res?.error ?? ''] ?? 'Sign-in failed. Please try again.')
  }

  // Signing in needs the script (next-auth's CSRF token). Until it runs, the button stays disabled, so
  // the browser cannot submit the form itself; and method="post" keeps the password out of the address
  // bar, the history and the server logs even so. The e-mail field is uncontrolled, so what was typed
  // before hydration is kept.
  return (
    <form
      method="post"
      onSubmit={onSubmit}
      noValidate
      className="rounded-lg border border-slate-300 bg-white p-5 shadow-sm"
    >
      <noscript>
        <Notice tone="warning" title="JavaScript is switched off">
          Signing in needs JavaScript. Switch it on for this site, then reload the page.
        </Notice>
      </noscript>
      {error && (
        <Notice tone="error" title="You are not signed in">
          {error}
        </Notice>
      )}
      <TextField name="email" label="E-mail address" type="email" autoComplete="username" required />
      <TextField name="password" label="Password" type="password" autoComplete="current-password" required />
      <Button type="submit" disabled={!hydrated || pending} className="w-full">
        {pending ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  )
}
