export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-10">
      <p className="mb-2 text-sm font-semibold uppercase tracking-wide text-brand-700">
        ICT service continuity
      </p>
      {children}
    </main>
  )
}
