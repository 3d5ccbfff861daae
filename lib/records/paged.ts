/**
 * One page of a list and its total, in as few queries as the list allows: the page is read with one row
 * more than it shows, so a list that fits on its first page (most schools' lists) needs no count at all;
 * a longer list is counted; a page past the end (a hand-edited or stale URL) shows the last page. Never
 * more than three queries, whatever the number of rows.
 */
export async function paged<T>(opts: {
  page: number | undefined
  pageSize: number
  rows: (skip: number, take: number) => Promise<T[]>
  count: () => Promise<number>
}): Promise<{ rows: T[]; total: number; page: number; pages: number }> {
  const size = opts.pageSize
  const asked = Math.max(1, Math.trunc(opts.page ?? 1) || 1)
  const skip = (asked - 1) * size
  // A page number so large that its offset is not a safe integer is past the end of any list.
  const read = Number.isSafeInteger(skip) ? await opts.rows(skip, size + 1) : []
  if (read.length > 0 && read.length <= size) {
    const total = skip + read.length
    return { rows: read, total, page: asked, pages: Math.max(1, Math.ceil(total / size)) }
  }
  if (read.length === 0 && asked === 1) return { rows: [], total: 0, page: 1, pages: 1 }
  const total = await opts.count()
  const pages = Math.max(1, Math.ceil(total / size))
  if (read.length > size) return { rows: read.slice(0, size), total, page: asked, pages }
  // Past the end: the last page.
  const rows = total ? await opts.rows((pages - 1) * size, size) : []
  return { rows, total, page: pages, pages }
}
