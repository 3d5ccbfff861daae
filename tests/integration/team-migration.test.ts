/*
 * The recovery team migration gives the schools that already exist their two built-in roles, once:
 * migrate a scratch database up to the migration before it, add schools (one already holding a built-in
 * role), then apply the rest.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { closePglite, getPglite } from '@/lib/db/adapter'
import { applyMigrations, MIGRATIONS_DIR } from '@/lib/db/migrations'
import type { DbTarget } from '@/lib/db/target'

type Sql = (text: string) => Promise<Record<string, unknown>[]>

async function withScratch(fn: (t: DbTarget, sql: Sql) => Promise<void>) {
  const server = process.env.TEST_SERVER_URL
  if (!server) {
    const dir = `memory://team-migration-${Date.now()}`
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
  const name = `scratch_team_${Date.now().toString(36)}`
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

describe('the recovery team migration', () => {
  it('gives every existing school the two built-in roles, once', async () => {
    const all = fs
      .readdirSync(MIGRATIONS_DIR)
      .filter((d) => /^\d+_/.test(d))
      .sort()
    const team = all.find((d) => d.endsWith('_recovery_team'))!
    const before = fs.mkdtempSync(path.join(os.tmpdir(), 'migs-team-'))
    fs.copyFileSync(
      path.join(MIGRATIONS_DIR, 'migration_lock.toml'),
      path.join(before, 'migration_lock.toml'),
    )
    for (const d of all.filter((d) => d < team))
      fs.cpSync(path.join(MIGRATIONS_DIR, d), path.join(before, d), { recursive: true })
    await withScratch(async (target, sql) => {
      await applyMigrations(target, { dir: before })
      await sql(
        `INSERT INTO "School" (id, name, "updatedAt") VALUES ('s1', 'One', now()), ('s2', 'Two', now())`,
      )
      await sql(
        `INSERT INTO "RecoveryRole" (id, "schoolId", name, "builtIn", "updatedAt") VALUES ('r1', 's2', 'Our manager', 'CONTINUITY_MANAGER', now())`,
      )
      await applyMigrations(target)
      const rows = await sql(
        `SELECT "schoolId", name, "builtIn"::text AS "builtIn" FROM "RecoveryRole" ORDER BY "schoolId", "builtIn"`,
      )
      expect(rows).toEqual([
        { schoolId: 's1', name: 'Service continuity manager', builtIn: 'CONTINUITY_MANAGER' },
        { schoolId: 's1', name: 'Deputy service continuity manager', builtIn: 'DEPUTY_CONTINUITY_MANAGER' },
        { schoolId: 's2', name: 'Our manager', builtIn: 'CONTINUITY_MANAGER' },
        { schoolId: 's2', name: 'Deputy service continuity manager', builtIn: 'DEPUTY_CONTINUITY_MANAGER' },
      ])
    })
    fs.rmSync(before, { recursive: true, force: true })
  })
})
