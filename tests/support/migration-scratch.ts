/*
 * For tests of a data migration: a scratch database (an in-memory PGlite, or a fresh database on the
 * PostgreSQL server when TEST_SERVER_URL is set) and a copy of the migrations before a given one, so a test
 * can migrate up to just before it, add the rows that existed then, and apply the rest.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { closePglite, getPglite } from '@/lib/db/adapter'
import { MIGRATIONS_DIR } from '@/lib/db/migrations'
import type { DbTarget } from '@/lib/db/target'

export type Sql = (text: string) => Promise<Record<string, unknown>[]>

/** Runs `fn` against a new, empty database named after `label`, and removes it afterwards. */
export async function withScratchDatabase(label: string, fn: (t: DbTarget, sql: Sql) => Promise<void>) {
  const server = process.env.TEST_SERVER_URL
  if (!server) {
    const dir = `memory://${label}-${Date.now()}`
    try {
      await fn(
        { kind: 'pglite', dir },
        async (text) => (await getPglite(dir).query(text)).rows as Record<string, unknown>[],
      )
    } finally {
      await closePglite(dir)
    }
    return
  }
  const name = `scratch_${label.replace(/\W/g, '_')}_${Date.now().toString(36)}`
  const admin = new pg.Client({ connectionString: server })
  await admin.connect()
  await admin.query(`CREATE DATABASE "${name}"`)
  const u = new URL(server)
  u.pathname = `/${name}`
  const c = new pg.Client({ connectionString: u.toString() })
  await c.connect()
  try {
    await fn({ kind: 'postgres', url: u.toString() }, async (text) => (await c.query(text)).rows)
  } finally {
    await c.end().catch(() => undefined)
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
    await admin.end()
  }
}

/** A folder holding every migration before the one whose name ends with `suffix` (and the lock file). */
export function migrationsBefore(suffix: string): string {
  const all = fs
    .readdirSync(MIGRATIONS_DIR)
    .filter((d) => /^\d+_/.test(d))
    .sort()
  const mine = all.find((d) => d.endsWith(suffix))
  if (!mine) throw new Error(`No migration ends with ${suffix}`)
  const before = fs.mkdtempSync(path.join(os.tmpdir(), 'migs-before-'))
  fs.copyFileSync(path.join(MIGRATIONS_DIR, 'migration_lock.toml'), path.join(before, 'migration_lock.toml'))
  for (const d of all.filter((d) => d < mine))
    fs.cpSync(path.join(MIGRATIONS_DIR, d), path.join(before, d), { recursive: true })
  return before
}
