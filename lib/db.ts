import { createAdapterFactory } from './db/adapter'
import { resolveDbTarget } from './db/target'
import { PrismaClient } from './generated/prisma/client'

function createClient() {
  const client = new PrismaClient({
    adapter: createAdapterFactory(resolveDbTarget()),
    // The password hash never leaves the data layer unless a query asks for it by name.
    omit: { user: { passwordHash: true } },
    // Emitted, not printed: lets tests and benchmarks count the queries a page runs. Not in production,
    // where building each query's event (its SQL, parameters and timing) costs CPU on every query and
    // nothing counts them (npm run bench:load measures them from outside).
    log: COUNT_QUERIES ? [{ emit: 'event', level: 'query' }] : [],
  })
  if (COUNT_QUERIES)
    client.$on('query', () => {
      for (const counter of counters) counter.n++
    })
  return client
}

const counters = new Set<{ n: number }>()
const COUNT_QUERIES = process.env.NODE_ENV !== 'production'

/**
 * Runs fn and returns how many SQL statements the client sent meanwhile (for tests and benchmarks).
 * Always 0 in production (NODE_ENV=production), where the client does not emit query events.
 */
export async function countQueries<T>(fn: () => Promise<T>): Promise<{ result: T; queries: number }> {
  const counter = { n: 0 }
  counters.add(counter)
  try {
    const result = await fn()
    return { result, queries: counter.n }
  } finally {
    counters.delete(counter)
  }
}

export type Db = ReturnType<typeof createClient>
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0]

// One client per process (Next's dev server reloads modules; the client must survive that).
const store = globalThis as unknown as { __db?: Db }

/** The one Prisma client: a PostgreSQL server when DATABASE_URL is set, embedded PGlite otherwise. */
export const db: Db = store.__db ?? createClient()
store.__db = db
