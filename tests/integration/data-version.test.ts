/*
 * School.dataVersion (bumped by triggers, migration data_version) keeps the dashboard's cached figures
 * honest: every table that holds a school's records must move it, so a table added later without its
 * triggers fails here rather than leaving a stale figure on the dashboard.
 */
import { describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { makeMember, makeSchool, makeService } from '../support/factories'
import { getSchoolDataVersion } from '../support/versions'

/** Tables with a school's rows that do not move the data version, and why. */
const NOT_VERSIONED = new Set([
  // Written by every sign-in and sign-out; the dashboard reads its recent rows fresh.
  'AuditEvent',
])

describe('school data version', () => {
  it('has insert, update and delete triggers on every table that holds a school’s records', async () => {
    const tables = await db.$queryRaw<{ name: string }[]>`
      SELECT c.table_name AS name FROM information_schema.columns c
      JOIN information_schema.tables t ON t.table_name = c.table_name AND t.table_schema = c.table_schema
      WHERE c.table_schema = current_schema() AND c.column_name = 'schoolId' AND t.table_type = 'BASE TABLE'
      ORDER BY 1`
    const triggers = await db.$queryRaw<{ name: string }[]>`
      SELECT tgname AS name FROM pg_trigger WHERE NOT tgisinternal AND tgname LIKE '%\\_data\\_%'`
    const have = new Set(triggers.map((t) => t.name))
    expect(tables.length).toBeGreaterThan(20)
    const missing = tables
      .map((t) => t.name)
      .filter((t) => !NOT_VERSIONED.has(t))
      .flatMap((t) => ['insert', 'update', 'delete'].map((op) => `${t}_data_${op}`))
      .filter((name) => !have.has(name))
    expect(missing).toEqual([])
  })

  it('moves once per statement for the school written to, and not for audit rows', async () => {
    const school = await makeSchool()
    const other = await makeSchool()
    const before = await getSchoolDataVersion(school.id)
    const otherBefore = await getSchoolDataVersion(other.id)
    const service = await makeService(school.id)
    expect((await getSchoolDataVersion(school.id)).dataVersion).toBe(before.dataVersion + 1)
    // A statement that touches no row moves nothing; one that does moves it once.
    await db.risk.deleteMany({ where: { schoolId: school.id } })
    expect((await getSchoolDataVersion(school.id)).dataVersion).toBe(before.dataVersion + 1)
    await db.riskCategory.createMany({
      data: [
        { schoolId: school.id, name: 'Technical' },
        { schoolId: school.id, name: 'Environmental' },
      ],
    })
    expect((await getSchoolDataVersion(school.id)).dataVersion).toBe(before.dataVersion + 2)
    await db.auditEvent.create({
      data: { schoolId: school.id, entity: 'Service', entityId: service.id, action: 'update' },
    })
    expect((await getSchoolDataVersion(school.id)).dataVersion).toBe(before.dataVersion + 2)
    expect(await getSchoolDataVersion(other.id)).toEqual(otherBefore)
  })

  it('moves for every school of a person whose name or e-mail changes, and for nothing else they do', async () => {
    const a = await makeSchool()
    const b = await makeSchool()
    const other = await makeSchool()
    const { user } = await makeMember(a.id, 'TEAM')
    await db.membership.create({ data: { userId: user.id, schoolId: b.id, role: 'VIEWER' } })
    const [va, vb, vo] = await Promise.all([a, b, other].map((s) => getSchoolDataVersion(s.id)))
    await db.user.update({ where: { id: user.id }, data: { name: 'A new name' } })
    expect((await getSchoolDataVersion(a.id)).dataVersion).toBe(va!.dataVersion + 1)
    expect((await getSchoolDataVersion(b.id)).dataVersion).toBe(vb!.dataVersion + 1)
    await db.user.update({ where: { id: user.id }, data: { email: `new-${user.email}` } })
    expect((await getSchoolDataVersion(a.id)).dataVersion).toBe(va!.dataVersion + 2)
    // Choosing a school, or the same name again, changes nothing anyone else sees.
    await db.user.update({ where: { id: user.id }, data: { lastSchoolId: b.id, name: 'A new name' } })
    expect((await getSchoolDataVersion(a.id)).dataVersion).toBe(va!.dataVersion + 2)
    expect(await getSchoolDataVersion(other.id)).toEqual(vo)
  })

  it('moves when the school’s own settings change, and not for its counters alone', async () => {
    const school = await makeSchool()
    const { dataVersion: v } = await getSchoolDataVersion(school.id)
    await db.school.update({ where: { id: school.id }, data: { riskAppetite: 12 } })
    expect((await getSchoolDataVersion(school.id)).dataVersion).toBe(v + 1)
    await db.school.update({ where: { id: school.id }, data: { riskAppetite: 12 } })
    expect((await getSchoolDataVersion(school.id)).dataVersion).toBe(v + 1)
    await db.school.update({ where: { id: school.id }, data: { catalogueVersion: { increment: 1 } } })
    expect((await getSchoolDataVersion(school.id)).dataVersion).toBe(v + 1)
  })
})
