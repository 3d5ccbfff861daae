/*
 * Each integration test file gets its own fresh database with every migration applied: a new database
 * on the PostgreSQL server when DATABASE_URL is set, otherwise a new in-memory PGlite.
 */
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { afterAll, beforeAll } from 'vitest'
import { closePglite } from '@/lib/db/adapter'
import { applyMigrations } from '@/lib/db/migrations'
import { resolveDbTarget } from '@/lib/db/target'

const serverUrl = process.env.TEST_SERVER_URL ?? process.env.DATABASE_URL
const dbName = `it_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: serverUrl })
  await c.connect()
  try {
    return await fn(c)
  } finally {
    await c.end()
  }
}

if (serverUrl) {
  process.env.TEST_SERVER_URL = serverUrl
  const u = new URL(serverUrl)
  u.pathname = `/${dbName}`
  process.env.DATABASE_URL = u.toString()
} else {
  process.env.PGLITE_DIR = `memory://${dbName}`
}

beforeAll(async () => {
  if (serverUrl) await admin((c) => c.query(`CREATE DATABASE "${dbName}"`))
  await applyMigrations(resolveDbTarget())
})

afterAll(async () => {
  const { db } = await import('@/lib/db')
  await db.$disconnect()
  const target = resolveDbTarget()
  if (target.kind === 'pglite') await closePglite(target.dir)
  if (serverUrl) await admin((c) => c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`))
})
