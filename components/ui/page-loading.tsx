/**
 * What a page shows while its data loads: its title at once, and a quiet placeholder that screen readers
 * hear as "Loading". Used only by routes that cannot answer not-found (a streamed page has already sent
 * its 200 status, so a route that may 404 must not stream).
 */
export function PageLoading({ title }: { title: string }) {
  return (
    <div aria-busy="true">
      <h1 className="mb-4 text-2xl font-bold">{title}</h1>
      <p role="status" className="mb-4 text-slate-700">
        Loading…
      </p>
      <div className="space-y-3" aria-hidden="true">
        <div className="h-10 animate-pulse rounded-lg bg-slate-200" />
        <div className="h-24 animate-pulse rounded-lg bg-slate-200" />
        <div className="h-24 animate-pulse rounded-lg bg-slate-200" />
      </div>
    </div>
  )
}
