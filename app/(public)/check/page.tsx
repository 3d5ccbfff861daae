import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { parseCheckInput } from '@/lib/plan-versions/standing'
import { CheckForm } from './_components/check-form'

export const metadata: Metadata = {
  title: 'Is this copy of the plan current?',
  robots: { index: false, follow: false },
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

/** Anyone holding a printed copy types its fingerprint here (no sign-in); the answer is on /check/<fingerprint>. */
export default async function CheckPage({ searchParams }: Props) {
  const raw = (await searchParams).f
  const typed = (Array.isArray(raw) ? raw[0] : raw) ?? ''
  const hex = typed ? parseCheckInput(typed) : null
  if (hex) redirect(`/check/${hex}`)
  return (
    <>
      <h1 className="mb-2 text-2xl font-bold">Is this copy of the plan current?</h1>
      <p className="text-slate-700">
        Scan the QR code on the cover of a printed recovery plan, or type its fingerprint below.
      </p>
      {typed && (
        <p className="mt-4 text-xl font-bold" data-testid="check-answer" role="status">
          Not recognised.
        </p>
      )}
      <CheckForm
        value={typed.slice(0, 200)}
        error={
          typed
            ? 'That is not a fingerprint: type at least its first 16 characters (0 to 9 and a to f).'
            : undefined
        }
      />
    </>
  )
}
