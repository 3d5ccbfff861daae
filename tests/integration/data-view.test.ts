/*
 * Page views kept per School.dataVersion (lib/records/data-view.ts): a repeat view with the version the
 * session query read runs no query, and any change to the school's records, or a person's name, shows on
 * the next view.
 */
import { describe, expect, it } from 'vitest'
import { getAssetListPage } from '@/lib/assets/queries'
import { getActivityPage } from '@/lib/audit/queries'
import { countQueries, db } from '@/lib/db'
import { getPeoplePage } from '@/lib/people/queries'
import { dataView } from '@/lib/records/data-view'
import { getServiceListPage, getServicePage } from '@/lib/services/queries'
import { contextFor, makeAsset, makeMember, makeSchool, makeService } from '../support/factories'
import { getSchoolDataVersion } from '../support/versions'

/** The context as a request builds it: the data version comes with the session. */
/** A context as the session query builds it: with the school's data version and number of audit rows. */
async function requestContext(userId: string, schoolId: string) {
  const { auditRows } = await db.school.findUniqueOrThrow({
    where: { id: schoolId },
    select: { auditRows: true },
  })
  return { ...(await contextFor(userId, schoolId)), ...(await getSchoolDataVersion(schoolId)), auditRows }
}

describe('data views', () => {
  it('work a view out once per data version, per school and key', async () => {
    const a = await makeSchool()
    const b = await makeSchool()
    let runs = 0
    const compute = async () => ++runs
    const ctxA = { schoolId: a.id, timeZone: 'Europe/London', dataVersion: 3 }
    expect(await dataView(ctxA, 'test', 'k', compute)).toBe(1)
    expect(await dataView(ctxA, 'test', 'k', compute)).toBe(1)
    expect(await dataView(ctxA, 'test', 'other key', compute)).toBe(2)
    expect(await dataView({ ...ctxA, schoolId: b.id }, 'test', 'k', compute)).toBe(3)
    expect(await dataView({ ...ctxA, dataVersion: 4 }, 'test', 'k', compute)).toBe(4)
    // The next day works it out again, for figures counted by the day.
    expect(await dataView(ctxA, 'test', 'k', compute, new Date(Date.now() + 86_400_000))).toBe(5)
    // Without a data version there is nothing to keep it by.
    expect(await dataView({ schoolId: a.id, timeZone: 'Europe/London' }, 'test', 'k', compute)).toBe(6)
    expect(await dataView({ schoolId: a.id, timeZone: 'Europe/London' }, 'test', 'k', compute)).toBe(7)
  })

  it('serve the service page again with no query, and show a change or a new link at once', async () => {
    const school = await makeSchool()
    const { user } = await makeMember(school.id, 'MANAGER')
    const service = await makeService(school.id, { name: 'Email' })
    const first = await countQueries(async () =>
      getServicePage(await requestContext(user.id, school.id), service.id),
    )
    expect(first.result?.view.service.name).toBe('Email')
    const ctx = await requestContext(user.id, school.id)
    const again = await countQueries(() => getServicePage(ctx, service.id))
    expect(again.queries).toBe(0)
    expect(again.result).toEqual(first.result)

    await db.service.update({ where: { id: service.id }, data: { name: 'E-mail' } })
    expect(
      (await getServicePage(await requestContext(user.id, school.id), service.id))?.view.service.name,
    ).toBe('E-mail')
    const asset = await makeAsset(school.id, { name: 'Mail server' })
    await db.serviceAsset.create({ data: { schoolId: school.id, serviceId: service.id, assetId: asset.id } })
    const linked = await getServicePage(await requestContext(user.id, school.id), service.id)
    expect(linked?.view.deps.map((d) => d.name)).toEqual(['Mail server'])
  })

  it('keep what a role may see apart: a viewer never gets the manager’s view, nor another school’s', async () => {
    const school = await makeSchool()
    const other = await makeSchool()
    const { user: manager } = await makeMember(school.id, 'MANAGER')
    const { user: viewer } = await makeMember(school.id, 'VIEWER')
    const service = await makeService(school.id)
    await makeAsset(school.id, { name: 'Spare switch' })
    const managerView = await getServicePage(await requestContext(manager.id, school.id), service.id)
    const viewerView = await getServicePage(await requestContext(viewer.id, school.id), service.id)
    // The manager's page carries the asset picker; the viewer's never does, even from the cache.
    expect(managerView?.view.linkOptions.length).toBe(1)
    expect(viewerView?.view.linkOptions).toEqual([])
    const { user: outsider } = await makeMember(other.id, 'MANAGER')
    expect(await getServicePage(await requestContext(outsider.id, other.id), service.id)).toBeNull()
  })

  it('serve the assets list again with no query, per set of filters', async () => {
    const school = await makeSchool()
    const { user } = await makeMember(school.id, 'VIEWER')
    await makeAsset(school.id, { name: 'Router' })
    const params = {
      q: undefined,
      type: undefined,
      check: undefined,
      sort: 'name' as const,
      archived: false,
      page: 1,
    }
    const ctx = await requestContext(user.id, school.id)
    await getAssetListPage(ctx, params)
    const again = await countQueries(() => getAssetListPage(ctx, params))
    expect(again.queries).toBe(0)
    expect(again.result.rows.map((r) => r.name)).toEqual(['Router'])
    const filtered = await countQueries(() => getAssetListPage(ctx, { ...params, q: 'switch' }))
    expect(filtered.queries).toBeGreaterThan(0)
    expect(filtered.result.rows).toEqual([])
    await makeAsset(school.id, { name: 'Switch' })
    const next = await getAssetListPage(await requestContext(user.id, school.id), params)
    expect(next.rows.map((r) => r.name)).toEqual(['Router', 'Switch'])
  })

  it('serve the activity log again with no query, and show a new change at once though it moves no version', async () => {
    const school = await makeSchool()
    const { user } = await makeMember(school.id, 'MANAGER')
    await makeService(school.id, { name: 'Printing' })
    await db.auditEvent.create({
      data: { schoolId: school.id, actorId: user.id, entity: 'Session', entityId: user.id, action: 'revoke' },
    })
    const ctx = await requestContext(user.id, school.id)
    const first = await getActivityPage(ctx, { page: 1 })
    const again = await countQueries(() => getActivityPage(ctx, { page: 1 }))
    expect(again.queries).toBe(0)
    expect(again.result).toEqual(first)
    await db.auditEvent.create({
      data: {
        schoolId: school.id,
        actorId: user.id,
        entity: 'Session',
        entityId: user.id,
        action: 'revoke-all',
      },
    })
    const after = await getActivityPage(await requestContext(user.id, school.id), { page: 1 })
    expect(after.total).toBe(first.total + 1)
    expect(after.entries[0]?.action).toBe('revoke-all')
  })

  it("keep School.auditRows equal to the count of each school's audit rows, for single and bulk inserts", async () => {
    const a = await makeSchool()
    const b = await makeSchool()
    const { user } = await makeMember(a.id, 'MANAGER')
    const counted = async (schoolId: string) => {
      const [{ n }] = await db.$queryRaw<[{ n: number }]>`
        SELECT count(*)::int AS n FROM "AuditEvent" WHERE "schoolId" = ${schoolId}`
      const { auditRows } = await db.school.findUniqueOrThrow({
        where: { id: schoolId },
        select: { auditRows: true },
      })
      return { n, auditRows }
    }
    await makeService(a.id, { name: 'Printing' })
    const row = (schoolId: string, action: string) => ({
      schoolId,
      actorId: user.id,
      entity: 'Session',
      entityId: user.id,
      action,
    })
    await db.auditEvent.create({ data: row(a.id, 'revoke') })
    // One statement for two schools: each school's number rises by its own rows.
    await db.auditEvent.createMany({
      data: [row(a.id, 'revoke'), row(a.id, 'revoke-all'), row(b.id, 'revoke'), row(a.id, 'revoke')],
    })
    const inA = await counted(a.id)
    expect(inA.auditRows).toBe(inA.n)
    expect(inA.n).toBeGreaterThanOrEqual(4)
    expect(await counted(b.id)).toEqual({ n: 1, auditRows: 1 })
    // A transaction that rolls back leaves the number as it was.
    await db
      .$transaction(async (tx) => {
        await tx.auditEvent.create({ data: row(b.id, 'revoke') })
        throw new Error('roll back')
      })
      .catch(() => {})
    expect(await counted(b.id)).toEqual({ n: 1, auditRows: 1 })
  })

  it('serve the people page again with no query, with a new name at once and each invitation as it stands now', async () => {
    const school = await makeSchool()
    const { user: manager } = await makeMember(school.id, 'MANAGER')
    const { user: head } = await makeMember(school.id, 'HEAD')
    const now = new Date()
    await db.invitation.create({
      data: {
        schoolId: school.id,
        email: 'new@test.example',
        name: 'New person',
        role: 'VIEWER',
        invitedById: manager.id,
        expiresAt: new Date(now.getTime() + 60_000),
      },
    })
    const ctx = await requestContext(manager.id, school.id)
    const first = await getPeoplePage(ctx, now)
    expect(first.invitations.map((i) => i.status)).toEqual(['pending'])
    // A minute later the same kept rows say it has lapsed, without reading them again.
    const later = await countQueries(() => getPeoplePage(ctx, new Date(now.getTime() + 120_000)))
    expect(later.queries).toBe(0)
    expect(later.result.invitations.map((i) => i.status)).toEqual(['expired'])
    await db.user.update({ where: { id: head.id }, data: { name: 'Renamed Head' } })
    const renamed = await getPeoplePage(await requestContext(manager.id, school.id), now)
    expect(renamed.members.map((m) => m.user.name)).toContain('Renamed Head')
  })

  it('serve the services list again with no query, per set of filters', async () => {
    const school = await makeSchool()
    const { user } = await makeMember(school.id, 'TEAM')
    await makeService(school.id, { name: 'Wi-Fi' })
    const params = { q: undefined, criticality: undefined, sort: 'name' as const, archived: false, page: 1 }
    const ctx = await requestContext(user.id, school.id)
    await getServiceListPage(ctx, params)
    const again = await countQueries(() => getServiceListPage(ctx, params))
    expect(again.queries).toBe(0)
    expect(again.result.rows.map((r) => r.name)).toEqual(['Wi-Fi'])
  })
})
