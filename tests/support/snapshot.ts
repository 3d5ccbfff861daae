import { db } from '@/lib/db'

/**
 * Every row of every table in the database, each table in a stable order: compare one taken before a
 * refused request with one taken after to prove that nothing at all changed, including tables that
 * later domains add (no list to keep up to date).
 */
export async function databaseSnapshot(): Promise<Record<string, unknown[]>> {
  const tables = await db.$queryRaw<{ name: string }[]>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`
  const snapshot: Record<string, unknown[]> = {}
  for (const { name } of tables) {
    const quoted = `"${name.replaceAll('"', '""')}"`
    // A row cast to text orders every table the same way, whatever its key.
    snapshot[name] = await db.$queryRawUnsafe(`SELECT * FROM ${quoted} AS t ORDER BY t::text`)
  }
  return snapshot
}
