import Link from 'next/link'

export default function NotFound() {
  return (
    <div>
      <h1 className="text-2xl font-bold">Not found</h1>
      <p className="mt-2 text-slate-700">
        There is nothing here, or you do not have access to it in this school.
      </p>
      <Link href="/" className="mt-4 inline-block font-semibold text-brand-700 underline">
        Go to the dashboard
      </Link>
    </div>
  )
}
