/*
 * The dashboard keeps its panels per School.dataVersion and day (lib/dashboard/queries.ts): a repeat view
 * runs a fixed handful of queries, and any change to the school's records shows on the very next view.
 */
import { describe, expect, it } from 'vitest'
import { getDashboard } from '@/lib/dashboard/queries'
import { countQueries, db } from '@/lib/db'
import { makeMember, makeSchool, makeService } from '../support/factories'

const manager = (schoolId: string) => ({ schoolId, role: 'MANAGER' as const, timeZone: 'Europe/London' })

describe('dashboard', () => {
  it('works its panels out once, then reads only the data version and the count of audit rows', async () => {
    const school = await makeSchool()
    // The first view of a new school creates its built-in recovery roles (a write), so warm it up first.
    await getDashboard(manager(school.id))
    await makeService(school.id, { name: 'Email' })
    const first = await countQueries(() => getDashboard(manager(school.id)))
    const again = await countQueries(() => getDashboard(manager(school.id)))
    expect(first.queries).toBeGreaterThan(again.queries)
    // The school's data version, and the latest changes.
    expect(again.queries).toBe(2)
    expect(again.result.catalogue.services).toBe(1)
  })

  it('with the data version and the number of audit rows the session query brought, a repeat view runs no query', async () => {
    const school = await makeSchool()
    const { user } = await makeMember(school.id, 'MANAGER')
    const view = async () => {
      const { dataVersion, auditRows } = await db.school.findUniqueOrThrow({
        where: { id: school.id },
        select: { dataVersion: true, auditRows: true },
      })
      return countQueries(() =>
        getDashboard({ ...manager(school.id), dataVersion, auditRows, userId: user.id }),
      )
    }
    await view()
    await makeService(school.id, { name: 'Email' })
    const first = await view()
    const again = await view()
    expect(again.queries).toBe(0)
    expect(again.result.catalogue.services).toBe(1)
    expect(again.result.auditCount).toBe(first.result.auditCount)
    // Signing a device out records a change without moving the data version: the number of audit rows
    // follows it all the same.
    await db.auditEvent.create({
      data: { schoolId: school.id, actorId: user.id, entity: 'Session', entityId: user.id, action: 'revoke' },
    })
    const afterSignIn = await view()
    expect(afterSignIn.result.auditCount).toBe(first.result.auditCount + 1)
    expect(afterSignIn.result.recent[0]?.action).toBe('revoke')
  })

  it('shows a change to any domain on the next view', async () => {
    const school = await makeSchool()
    await getDashboard(manager(school.id))
    await makeService(school.id, { name: 'Wi-Fi', criticality: 1 })
    expect((await getDashboard(manager(school.id))).catalogue.services).toBe(1)
    await makeMember(school.id, 'HEAD')
    expect((await getDashboard(manager(school.id))).members.HEAD).toBe(1)
    await db.school.update({
      where: { id: school.id },
      data: { reviewCadenceMonths: 6, reviewSchedule: 'MONTHS' },
    })
    expect((await getDashboard(manager(school.id))).reviewDue?.cadence).toMatch(/6 months/)
  })

  it('works panels out per day: an overdue count changes when the day turns without any write', async () => {
    const school = await makeSchool()
    const today = new Date('2026-11-24T12:00:00Z')
    const a = await getDashboard(manager(school.id), today)
    const later = new Date('2031-11-24T12:00:00Z')
    const b = await getDashboard(manager(school.id), later)
    expect(a.reviewDue?.due).toBeDefined()
    expect(b.reviewDue?.overdue).toBe(true)
    expect(a.reviewDue?.overdue).toBe(false)
  })

  it('leaves out the panels a role may not see', async () => {
    const school = await makeSchool()
    const view = await getDashboard({ schoolId: school.id, role: 'VIEWER', timeZone: 'Europe/London' })
    expect(view.coverage).toBeNull()
    expect(view.members).toEqual({})
    expect(view.recent).toEqual([])
  })
})
