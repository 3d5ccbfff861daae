import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { closePglite } from '@/lib/db/adapter'
import { applyMigrations, MIGRATIONS_DIR, migrationStatus } from '@/lib/db/migrations'
import { type DbTarget, resolveDbTarget } from '@/lib/db/target'

async function withScratchTarget(fn: (t: DbTarget) => Promise<void>) {
  const server = process.env.TEST_SERVER_URL
  if (!server) {
    const dir = `memory://scratch-${Date.now()}`
    try {
      await fn({ kind: 'pglite', dir })
    } finally {
      await closePglite(dir)
    }
    return
  }
  const name = `scratch_${Date.now().toString(36)}`
  const admin = new pg.Client({ connectionString: server })
  await admin.connect()
  await admin.query(`CREATE DATABASE "${name}"`)
  const u = new URL(server)
  u.pathname = `/${name}`
  try {
    await fn({ kind: 'postgres', url: u.toString() })
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
    await admin.end()
  }
}

describe('migrations', () => {
  it('has applied every committed migration to the test database', async () => {
    const s = await migrationStatus(resolveDbTarget())
    expect(s.migrations.length).toBeGreaterThan(0)
    expect(s.pending).toEqual([])
    expect(s.failed).toEqual([])
    const rows = await db.$queryRaw<
      { n: bigint }[]
    >`SELECT count(*) AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL`
    expect(Number(rows[0]!.n)).toBe(s.migrations.length)
  })

  it('fails loudly on a broken migration and records it as failed', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'migs-'))
    fs.cpSync(MIGRATIONS_DIR, dir, { recursive: true })
    fs.mkdirSync(path.join(dir, '29991231000000_broken'))
    fs.writeFileSync(
      path.join(dir, '29991231000000_broken', 'migration.sql'),
      'CREATE TABLE "Half" (id int);\nSELECT * FROM "NoSuchTable";\n',
    )
    await withScratchTarget(async (target) => {
      await expect(applyMigrations(target, { dir })).rejects.toThrow(/NoSuchTable/i)
      const s = await migrationStatus(target, dir)
      expect(s.failed).toEqual(['29991231000000_broken'])
      // A second attempt refuses to go on past the failed migration.
      await expect(applyMigrations(target, { dir })).rejects.toThrow()
    })
    fs.rmSync(dir, { recursive: true, force: true })
  })
})
