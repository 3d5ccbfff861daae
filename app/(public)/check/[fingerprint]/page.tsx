import type { Metadata } from 'next'
import { headers } from 'next/headers'
import { checkFingerprintThrottled } from '@/lib/plan-versions/queries'
import { describeCheck } from '@/lib/plan-versions/standing'
import { CheckForm } from '../_components/check-form'

export const metadata: Metadata = {
  title: 'Is this copy of the plan current?',
  robots: { index: false, follow: false },
}
export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ fingerprint: string }> }

/**
 * What the QR code on a printed plan opens. Says only whether that copy is the current approved version of
 * its school's plan, or which version number superseded it, or that it is not recognised: never the school
 * or anything in the plan. Throttled per client address like sign-in.
 */
export default async function CheckFingerprintPage({ params }: Props) {
  const { fingerprint } = await params
  let typed = ''
  try {
    typed = decodeURIComponent(fingerprint)
  } catch {
    typed = ''
  }
  const answer = await checkFingerprintThrottled(typed, await headers())
  const tone =
    answer.kind === 'CURRENT'
      ? 'border-green-700 bg-green-50 text-green-950'
      : answer.kind === 'SUPERSEDED'
        ? 'border-red-700 bg-red-50 text-red-950'
        : 'border-slate-500 bg-white text-slate-900'
  return (
    <>
      <h1 className="mb-4 text-2xl font-bold">Is this copy of the plan current?</h1>
      <div className={`rounded-md border-l-4 p-4 ${tone}`} role="status">
        <p className="text-xl font-bold" data-testid="check-answer">
          {answer.kind === 'LOCKED'
            ? 'Too many checks from your network. Try again later.'
            : describeCheck(answer)}
        </p>
        {answer.kind === 'SUPERSEDED' && (
          <p className="mt-1">Ask the school for the current version and replace this copy.</p>
        )}
        {answer.kind === 'LOCKED' && (
          <p className="mt-1">
            Wait {Math.max(1, Math.ceil(answer.retryAfterMs / 60_000))} minutes, then try again.
          </p>
        )}
      </div>
      <h2 className="mt-6 text-lg font-bold">Check another copy</h2>
      <CheckForm />
    </>
  )
}
