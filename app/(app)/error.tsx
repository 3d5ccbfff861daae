'use client'
import { Button } from '@/components/ui/button'

export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string }
  reset: () => void
}) {
  return (
    <div role="alert" data-notice="error" className="rounded-md border-l-4 border-red-700 bg-red-50 p-4">
      <h1 className="text-xl font-bold">Something went wrong</h1>
      <p className="mt-2">
        The page could not be shown. Nothing you saved before this was lost.
        {error.digest && <> If it happens again, quote reference {error.digest}.</>}
      </p>
      <Button className="mt-3" onClick={reset}>
        Try again
      </Button>
    </div>
  )
}
