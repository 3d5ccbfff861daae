import { createAdapterFactory } from './db/adapter'
import { resolveDbTarget } from './db/target'
import { PrismaClient } from './generated/prisma/client'

function createClient() {
  return new PrismaClient({
    adapter: createAdapterFactory(resolveDbTarget()),
    // The password hash never leaves the data layer unless a query asks for it by name.
    omit: { user: { passwordHash: true } },
  })
}

export type Db = ReturnType<typeof createClient>
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0]

// One client per process (Next's dev server reloads modules; the client must survive that).
const store = globalThis as unknown as { __db?: Db }

/** The one Prisma client: a PostgreSQL server when DATABASE_URL is set, embedded PGlite otherwise. */
export const db: Db = store.__db ?? createClient()
store.__db = db
