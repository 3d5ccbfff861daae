'use client'
import { useRouter } from 'next/navigation'
import { signIn } from 'next-auth/react'
import { useState } from 'react'
import { Button } from '@/components/ui/button'
import { TextField } from '@/components/ui/field'
import { Notice } from '@/components/ui/notice'

// Kept in step with SIGN_IN_MESSAGES in lib/auth/sign-in.ts (that module is server-only).
const MESSAGES: Record<string, string> = {
  INVALID: 'That e-mail address and password do not match an account.',
  LOCKED: 'Too many failed attempts. Wait a few minutes, then try again.',
}

export function SignInForm() {
  const router = useRouter()
  const [email, setEmail] = useState('')
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

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="rounded-lg border border-slate-300 bg-white p-5 shadow-sm"
    >
      {error && (
        <Notice tone="error" title="You are not signed in">
          {error}
        </Notice>
      )}
      <TextField
        name="email"
        label="E-mail address"
        type="email"
        autoComplete="username"
        required
        value={email}
        onChange={(e) => setEmail(e.target.value)}
      />
      <TextField name="password" label="Password" type="password" autoComplete="current-password" required />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  )
}
