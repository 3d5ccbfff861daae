import path from 'node:path'

/**
 * Where the portal's data lives. A PostgreSQL server when DATABASE_URL is set; otherwise embedded
 * PGlite in a directory (PGLITE_DIR, default ./.data/pglite), or in memory when PGLITE_DIR is "memory://".
 */
export type DbTarget = { kind: 'postgres'; url: string } | { kind: 'pglite'; dir: string }

export function resolveDbTarget(env: NodeJS.ProcessEnv = process.env): DbTarget {
  const url = env.DATABASE_URL?.trim()
  if (url) return { kind: 'postgres', url }
  const dir = env.PGLITE_DIR?.trim() || path.join(process.cwd(), '.data', 'pglite')
  return { kind: 'pglite', dir }
}

export function describeDbTarget(target: DbTarget): string {
  if (target.kind === 'pglite') return `embedded PostgreSQL (PGlite) at ${target.dir}`
  const u = new URL(target.url)
  return `PostgreSQL server ${u.hostname}:${u.port || 5432}${u.pathname}`
}
