import { describe, expect, it } from 'vitest'
import { rememberSchool, resolveSchoolContext, settleLandingSchool } from '@/lib/auth/school-context'
import { startSession } from '@/lib/auth/sessions'
import { db } from '@/lib/db'
import { DEMO_LOGINS, seed } from '@/prisma/seed'
import { makeMember, makeSchool } from '../support/factories'

async function everything() {
  const [schools, users, memberships] = await Promise.all([
    db.school.findMany({ orderBy: { id: 'asc' } }),
    db.user.findMany({ orderBy: { id: 'asc' }, omit: { passwordHash: false } }),
    db.membership.findMany({ orderBy: { id: 'asc' } }),
  ])
  return { schools, users, memberships }
}

describe('demo seed', () => {
  it('creates one login per role and changes nothing when run again', async () => {
    const first = await seed()
    expect(first.created).toBeGreaterThan(0)
    const roles = await db.membership.findMany({
      where: { user: { email: { in: DEMO_LOGINS.map((l) => l.email) } }, school: { urn: '100001' } },
      select: { role: true },
    })
    expect(roles.map((r) => r.role).sort()).toEqual(['HEAD', 'MANAGER', 'TEAM', 'VIEWER'])
    const snapshot = await everything()
    expect(await seed()).toEqual({ created: 0 })
    expect(await everything()).toEqual(snapshot)
  })
})

/** A live session for the user, as sign-in makes (lib/auth/options.ts jwt callback). */
async function contextAfterSignIn(userId: string) {
  const { id } = await startSession(db, userId)
  await settleLandingSchool(db, userId)
  return resolveSchoolContext(db, { sessionId: id, userId })
}
async function contextNow(userId: string) {
  const { id } = await startSession(db, userId)
  return (await resolveSchoolContext(db, { sessionId: id, userId }))?.context
}

describe('current school', () => {
  it('is the school last chosen, remembered on the server, only while the user belongs to it', async () => {
    const a = await makeSchool('Alpha')
    const b = await makeSchool('Beta')
    const c = await makeSchool('Gamma')
    const { user } = await makeMember(a.id, 'TEAM')
    await db.membership.create({ data: { userId: user.id, schoolId: b.id, role: 'HEAD' } })

    // Nothing chosen yet: the first school by name.
    expect(await contextNow(user.id)).toMatchObject({ schoolId: a.id, role: 'TEAM' })
    await rememberSchool(db, user.id, b.id)
    const inB = await contextNow(user.id)
    expect(inB).toMatchObject({ schoolId: b.id, role: 'HEAD' })
    expect(inB?.schools.map((s) => s.name)).toEqual(['Alpha', 'Beta'])
    // A school they are not in falls back to their first school by name; it never grants access to it.
    await db.user.update({ where: { id: user.id }, data: { lastSchoolId: c.id } })
    expect(await contextNow(user.id)).toMatchObject({ schoolId: a.id, role: 'TEAM' })
    // Removed from the school they chose: the same.
    await rememberSchool(db, user.id, b.id)
    await db.membership.deleteMany({ where: { userId: user.id, schoolId: b.id } })
    expect(await contextNow(user.id)).toMatchObject({ schoolId: a.id, schools: [{ id: a.id }] })
  })

  it('does not move when the person is given a membership in a school whose name sorts first', async () => {
    const m = await makeSchool('Meadow Primary')
    const { user } = await makeMember(m.id, 'TEAM')
    expect((await contextAfterSignIn(user.id))?.context).toMatchObject({ schoolId: m.id })
    const a = await makeSchool('Aardvark Academy')
    await db.membership.create({ data: { userId: user.id, schoolId: a.id, role: 'MANAGER' } })
    // Neither in the session they are in, nor at their next sign-in.
    expect(await contextNow(user.id)).toMatchObject({ schoolId: m.id, role: 'TEAM' })
    expect((await contextAfterSignIn(user.id))?.context).toMatchObject({ schoolId: m.id, role: 'TEAM' })
    // Until they choose it themselves.
    await rememberSchool(db, user.id, a.id)
    expect((await contextAfterSignIn(user.id))?.context).toMatchObject({ schoolId: a.id, role: 'MANAGER' })
  })

  it('has no school for a user with none, and no session for an unknown one', async () => {
    const u = await db.user.create({
      data: { email: 'lonely@test.example', name: 'Lonely', passwordHash: 'x' },
    })
    expect(await contextAfterSignIn(u.id)).toEqual({ userId: u.id, context: null })
    expect(await resolveSchoolContext(db, { sessionId: 'no-such-session', userId: u.id })).toBeNull()
  })
})

describe('what the session query brings along', () => {
  it("carries the school's data version as it is now", async () => {
    const a = await makeSchool()
    const { user } = await makeMember(a.id, 'MANAGER')
    const before = await contextNow(user.id)
    const stored = await db.school.findUniqueOrThrow({ where: { id: a.id }, select: { dataVersion: true } })
    expect(before?.dataVersion).toBe(stored.dataVersion)
    await db.school.update({ where: { id: a.id }, data: { urn: '123456' } })
    expect((await contextNow(user.id))?.dataVersion).toBeGreaterThan(stored.dataVersion)
  })

  it('counts open invitations by the same rule as the list of them', async () => {
    const a = await makeSchool()
    const other = await makeSchool()
    const { user } = await makeMember(a.id, 'TEAM')
    const now = new Date()
    const day = 24 * 60 * 60 * 1000
    const invite = (
      data: Partial<{ expiresAt: Date; acceptedAt: Date; declinedAt: Date; revokedAt: Date }>,
    ) =>
      db.invitation.create({
        data: {
          schoolId: other.id,
          email: user.email,
          name: 'Them',
          role: 'VIEWER',
          expiresAt: new Date(now.getTime() + day),
          ...data,
        },
      })
    expect((await contextNow(user.id))?.openInvitations).toBe(0)
    await invite({})
    await invite({})
    await invite({ expiresAt: new Date(now.getTime() - day) })
    await invite({ acceptedAt: now })
    await invite({ declinedAt: now })
    await invite({ revokedAt: now })
    const { listMyInvitations } = await import('@/lib/invitations/queries')
    expect((await listMyInvitations(user.id)).length).toBe(2)
    expect((await contextNow(user.id))?.openInvitations).toBe(2)
  })
})
