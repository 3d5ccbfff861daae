/*
 * The review triggers migration gives the starter questions that schools already hold (and the answers
 * copied from them) their stable keys, matched by the starter question's words: migrate a scratch
 * database up to the migration before it, add checklists and a review, then apply the rest.
 */
import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { applyMigrations } from '@/lib/db/migrations'
import { STARTER_CHECKLIST } from '@/lib/reviews/checklist'
import { migrationsBefore, withScratchDatabase } from '../support/migration-scratch'

describe('the review triggers migration', () => {
  it('gives the starter questions already copied to schools, and their answers, their stable keys', async () => {
    const before = migrationsBefore('_review_triggers')
    const assets = STARTER_CHECKLIST.find((i) => i.key === 'keep.assets')!.question
    const rehearse = STARTER_CHECKLIST.find((i) => i.key === 'improve.rehearse')!.question
    await withScratchDatabase('review-keys-migration', async (target, sql) => {
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
