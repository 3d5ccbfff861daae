/*
 * The recovery team migration gives the schools that already exist their two built-in roles, once:
 * migrate a scratch database up to the migration before it, add schools (one already holding a built-in
 * role), then apply the rest.
 */
import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { applyMigrations } from '@/lib/db/migrations'
import { migrationsBefore, withScratchDatabase } from '../support/migration-scratch'

describe('the recovery team migration', () => {
  it('gives every existing school the two built-in roles, once', async () => {
    const before = migrationsBefore('_recovery_team')
    await withScratchDatabase('team-migration', async (target, sql) => {
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
