import Link from 'next/link'

/** Previous/next links that keep the current filters in the query string. */
export function Pagination({
  page,
  pages,
  basePath,
  params,
}: {
  page: number
  pages: number
  basePath: string
  params: Record<string, string | undefined>
}) {
  if (pages <= 1) return null
  const href = (p: number) => {
    const q = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => Boolean(e[1])))
    q.set('page', String(p))
    return `${basePath}?${q.toString()}`
  }
  return (
    <nav aria-label="Pages" className="mt-3 flex items-center gap-4 text-sm">
      {page > 1 && (
        <Link className="font-semibold text-brand-700 underline" href={href(page - 1)}>
          Previous page
        </Link>
      )}
      <span>
        Page {page} of {pages}
      </span>
      {page < pages && (
        <Link className="font-semibold text-brand-700 underline" href={href(page + 1)}>
          Next page
        </Link>
      )}
    </nav>
  )
}
