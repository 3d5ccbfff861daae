/*
 * The review triggers migration gives the starter questions that schools already hold (and the answers
 * copied from them) their stable keys, matched by the starter question's words: migrate a scratch
 * database up to the migration before it, add checklists and a review, then apply the rest.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { closePglite, getPglite } from '@/lib/db/adapter'
import { applyMigrations, MIGRATIONS_DIR } from '@/lib/db/migrations'
import type { DbTarget } from '@/lib/db/target'
import { STARTER_CHECKLIST } from '@/lib/reviews/checklist'

type Sql = (text: string) => Promise<Record<string, unknown>[]>

async function withScratch(fn: (t: DbTarget, sql: Sql) => Promise<void>) {
  const server = process.env.TEST_SERVER_URL
  if (!server) {
    const dir = `memory://review-keys-migration-${Date.now()}`
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
  const name = `scratch_review_keys_${Date.now().toString(36)}`
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

describe('the review triggers migration', () => {
  it('gives the starter questions already copied to schools, and their answers, their stable keys', async () => {
    const all = fs
      .readdirSync(MIGRATIONS_DIR)
      .filter((d) => /^\d+_/.test(d))
      .sort()
    const mine = all.find((d) => d.endsWith('_review_triggers'))!
    const before = fs.mkdtempSync(path.join(os.tmpdir(), 'migs-review-keys-'))
    fs.copyFileSync(
      path.join(MIGRATIONS_DIR, 'migration_lock.toml'),
      path.join(before, 'migration_lock.toml'),
    )
    for (const d of all.filter((d) => d < mine))
      fs.cpSync(path.join(MIGRATIONS_DIR, d), path.join(before, d), { recursive: true })
    const assets = STARTER_CHECKLIST.find((i) => i.key === 'keep.assets')!.question
    const rehearse = STARTER_CHECKLIST.find((i) => i.key === 'improve.rehearse')!.question
    await withScratch(async (target, sql) => {
      await applyMigrations(target, { dir: before })
      await sql(
        `INSERT INTO "School" (id, name, "updatedAt") VALUES ('s1', 'One', now()), ('s2', 'Two', now())`,
      )
      const q = (s: string) => `'${s.replace(/'/g, "''")}'`
      await sql(
        `INSERT INTO "ReviewChecklistItem" (id, "schoolId", section, question, source, "createdAt", "updatedAt") VALUES
          ('i1', 's1', 'KEEP_UP_TO_DATE', ${q(assets)}, 'seed 000', now() - interval '1 day', now()),
          ('i2', 's1', 'IMPROVE_PLAN', ${q(rehearse)}, 'seed 000', now() - interval '1 day', now()),
          ('i3', 's1', 'IMPROVE_PLAN', 'Is the safe copy current?', '', now(), now()),
          ('i4', 's1', 'KEEP_UP_TO_DATE', ${q(assets)}, 'seed 000', now(), now()),
          ('i5', 's2', 'KEEP_UP_TO_DATE', ${q(assets)}, 'seed 000', now(), now()),
          ('i6', 's2', 'IMPROVE_PLAN', ${q(rehearse)}, '', now(), now())`,
      )
      await sql(
        `INSERT INTO "Review" (id, "schoolId", number, "dueDate", "updatedAt") VALUES ('r1', 's1', 1, '2026-12-20', now())`,
      )
      await sql(
        `INSERT INTO "ReviewAnswer" (id, "schoolId", "reviewId", "itemId", section, question, position) VALUES
          ('a1', 's1', 'r1', 'i1', 'KEEP_UP_TO_DATE', ${q(assets)}, 0),
          ('a2', 's1', 'r1', 'i3', 'IMPROVE_PLAN', 'Is the safe copy current?', 1),
          ('a3', 's1', 'r1', NULL, 'IMPROVE_PLAN', ${q(rehearse)}, 2)`,
      )
      await applyMigrations(target)
      expect(await sql(`SELECT id, key FROM "ReviewChecklistItem" ORDER BY id`)).toEqual([
        { id: 'i1', key: 'keep.assets' },
        { id: 'i2', key: 'improve.rehearse' },
        { id: 'i3', key: null },
        { id: 'i4', key: null }, // the same starter question again in one school: only the first
        { id: 'i5', key: 'keep.assets' },
        { id: 'i6', key: null }, // the school's own question in the starter's words
      ])
      expect(await sql(`SELECT id, key, hint FROM "ReviewAnswer" ORDER BY id`)).toEqual([
        { id: 'a1', key: 'keep.assets', hint: null },
        { id: 'a2', key: null, hint: null },
        { id: 'a3', key: null, hint: null },
      ])
      expect(await sql(`SELECT "planStaleDays" FROM "School" ORDER BY id`)).toEqual([
        { planStaleDays: 14 },
        { planStaleDays: 14 },
      ])
    })
    fs.rmSync(before, { recursive: true, force: true })
  })
})
