/*
 * Migration commands that need no PostgreSQL server and no native Prisma engine:
 *   npm run db:migrate -- create <name>   write the next migration from schema.prisma
 *   npm run db:migrate -- deploy          apply pending migrations to the configured database
 *   npm run db:migrate -- status          list applied, pending and failed migrations
 * The database is DATABASE_URL when set, else embedded PGlite in ./.data/pglite (PGLITE_DIR).
 */
import { applyMigrations, createMigration, migrationStatus } from '../lib/db/migrations'
import { describeDbTarget, resolveDbTarget } from '../lib/db/target'

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2)
  const target = resolveDbTarget()
  switch (command) {
    case 'create': {
      const name = rest.join(' ').trim()
      if (!name) {
        console.error('Usage: npm run db:migrate -- create <name>')
        return 2
      }
      const folder = await createMigration(name)
      console.log(
        folder ? `Wrote ${folder}/migration.sql` : 'schema.prisma matches the migrations: nothing to write.',
      )
      return 0
    }
    case 'deploy': {
      const applied = await applyMigrations(target)
      console.log(
        applied.length
          ? `Applied ${applied.length} migration(s) to ${describeDbTarget(target)}:\n  ${applied.join('\n  ')}`
          : `No pending migrations for ${describeDbTarget(target)}.`,
      )
      return 0
    }
    case 'status': {
      const s = await migrationStatus(target)
      console.log(`${describeDbTarget(target)}: ${s.migrations.length} migration(s) in prisma/migrations`)
      for (const m of s.migrations) {
        const state = s.failed.includes(m) ? 'FAILED' : s.pending.includes(m) ? 'pending' : 'applied'
        console.log(
          `  ${state.padEnd(8)} ${m}${s.edited.includes(m) ? ' (edited after it was applied)' : ''}`,
        )
      }
      if (s.problem) console.log(s.problem)
      return s.failed.length || s.problem ? 1 : 0
    }
    default:
      console.error('Usage: npm run db:migrate -- <create NAME | deploy | status>')
      return 2
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`Migration failed: ${e instanceof Error ? e.message : String(e)}`)
    process.exit(1)
  },
)
