import 'server-only'
import { getSchoolContext } from './context'
import { can, type Permission } from './permissions'
import type { SchoolContext } from './school-context'

/**
 * The route-handler twin of schoolAction: session -> membership of the current school -> permission.
 * Signed out answers 401; a role without the permission answers 404, revealing nothing.
 */
export function schoolRoute(
  permission: Permission,
  handler: (req: Request, ctx: SchoolContext) => Promise<Response>,
) {
  return async (req: Request): Promise<Response> => {
    const ctx = await getSchoolContext()
    if (!ctx) return new Response('Please sign in.', { status: 401 })
    if (!can(ctx.role, permission)) return new Response('Not found.', { status: 404 })
    return handler(req, ctx)
  }
}

/** A CSV download with a file name that says which school and day it came from. */
export function csvResponse(csv: string, name: string, ctx: SchoolContext): Response {
  const school = ctx.schoolName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
  const day = new Date().toISOString().slice(0, 10)
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${school}-${name}-${day}.csv"`,
      'Cache-Control': 'no-store',
    },
  })
}
