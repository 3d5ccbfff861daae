/**
 * Pages anyone may open without signing in (the check page a printed plan's QR code opens). Like the
 * sign-in pages, they sit outside the signed-in layout, so nothing here reads a session; the proxy still
 * sets the security headers on them.
 */
export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-xl flex-col justify-center px-4 py-10">
      <p className="mb-2 text-sm font-semibold uppercase tracking-wide text-brand-700">
        ICT service continuity
      </p>
      {children}
    </main>
  )
}
