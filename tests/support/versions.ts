import { db } from '@/lib/db'

/** The school's data version (moved by triggers on every write to its records), or -1 for no such school. */
export async function getSchoolDataVersion(schoolId: string) {
  const rows = await db.$queryRaw<{ dataVersion: number }[]>`
    SELECT "dataVersion" FROM "School" WHERE "id" = ${schoolId}`
  return { dataVersion: rows[0]?.dataVersion ?? -1 }
}
