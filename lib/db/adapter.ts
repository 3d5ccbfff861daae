import fs from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { PrismaPg } from '@prisma/adapter-pg'
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils'
import { PrismaPGlite } from 'pglite-prisma-adapter'
import type { DbTarget } from './target'

// One PGlite per directory per process: PGlite takes no lock, so two instances on one directory corrupt it.
const store = globalThis as unknown as { __pglite?: Map<string, PGlite> }

export function getPglite(dir: string): PGlite {
  store.__pglite ??= new Map()
  let pg = store.__pglite.get(dir)
  if (!pg) {
    const inMemory = dir.startsWith('memory://')
    if (!inMemory) fs.mkdirSync(dir, { recursive: true })
    pg = new PGlite(inMemory ? undefined : dir)
    store.__pglite.set(dir, pg)
  }
  return pg
}

export async function closePglite(dir: string): Promise<void> {
  const pg = store.__pglite?.get(dir)
  if (pg) {
    store.__pglite?.delete(dir)
    await pg.close()
  }
}

/**
 * pglite-prisma-adapter 0.7.2 runs executeScript without awaiting it, so a failing migration would be
 * recorded as applied. This wrapper awaits the script and lets the error reach the schema engine.
 */
function awaitingScripts(
  factory: SqlMigrationAwareDriverAdapterFactory,
  pg: PGlite,
): SqlMigrationAwareDriverAdapterFactory {
  const patch = (adapter: SqlDriverAdapter, client: PGlite): SqlDriverAdapter => {
    const onError = (adapter as unknown as { onError?: (e: unknown) => never }).onError?.bind(adapter)
    adapter.executeScript = async (script: string) => {
      try {
        await client.exec(script)
      } catch (e) {
        if (onError) onError(e)
        throw e
      }
    }
    return adapter
  }
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => patch(await factory.connect(), pg),
    connectToShadowDb: async () => {
      const shadow = await factory.connectToShadowDb()
      const client = (shadow as unknown as { client?: PGlite }).client
      return client ? patch(shadow, client) : shadow
    },
  }
}

/**
 * @prisma/adapter-pg 7.10 runs a migration script by splitting it on every ";" and sending the pieces one
 * by one, which breaks any statement with a semicolon inside it (a trigger function's body) and leaves a
 * half-applied migration when a later piece fails. This wrapper sends the whole script as one simple
 * query, as psql would: PostgreSQL parses it properly and runs it as one implicit transaction.
 */
function wholeScripts(factory: SqlMigrationAwareDriverAdapterFactory): SqlMigrationAwareDriverAdapterFactory {
  type Queryable = { query: (sql: string) => Promise<unknown> }
  const patch = (adapter: SqlDriverAdapter): SqlDriverAdapter => {
    const client = (adapter as unknown as { client?: Queryable }).client
    const onError = (adapter as unknown as { onError?: (e: unknown) => never }).onError?.bind(adapter)
    if (!client) return adapter
    adapter.executeScript = async (script: string) => {
      try {
        await client.query(script)
      } catch (e) {
        if (onError) onError(e)
        throw e
      }
    }
    return adapter
  }
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => patch(await factory.connect()),
    connectToShadowDb: async () => patch(await factory.connectToShadowDb()),
  }
}

export function createAdapterFactory(target: DbTarget): SqlMigrationAwareDriverAdapterFactory {
  if (target.kind === 'postgres') return wholeScripts(new PrismaPg({ connectionString: target.url, max: 10 }))
  // PGlite opens its directory on first connection, not when a module imports the client: `next build`
  // and scripts that merely import lib/db must not open ./.data/pglite beside a running server (PGlite
  // takes no lock, so two processes on one directory corrupt it). The adapter factory's constructor
  // only stores its client, so the probe below opens nothing.
  let real: SqlMigrationAwareDriverAdapterFactory | undefined
  const open = () => {
    if (!real) {
      const pg = getPglite(target.dir)
      real = awaitingScripts(new PrismaPGlite(pg), pg)
    }
    return real
  }
  const probe = new PrismaPGlite(undefined as unknown as PGlite)
  return {
    provider: probe.provider,
    adapterName: probe.adapterName,
    connect: () => open().connect(),
    connectToShadowDb: () => open().connectToShadowDb(),
  }
}
