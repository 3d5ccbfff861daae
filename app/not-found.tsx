import Link from 'next/link'

export default function NotFound() {
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-2xl font-bold">Page not found</h1>
      <p className="mt-2 text-slate-700">
        There is nothing here, or you do not have access to it. Check the address, or go back to your
        dashboard.
      </p>
      <Link href="/" className="mt-4 inline-block font-semibold text-brand-700 underline">
        Go to the dashboard
      </Link>
    </main>
  )
}
