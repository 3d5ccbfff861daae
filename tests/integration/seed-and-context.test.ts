import { describe, expect, it } from 'vitest'
import { resolveSchoolContext } from '@/lib/auth/school-context'
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

describe('current school', () => {
  it('uses the preferred school only when the user belongs to it', async () => {
    const a = await makeSchool('Alpha')
    const b = await makeSchool('Beta')
    const c = await makeSchool('Gamma')
    const { user } = await makeMember(a.id, 'TEAM')
    await db.membership.create({ data: { userId: user.id, schoolId: b.id, role: 'HEAD' } })

    const inB = await resolveSchoolContext(db, user.id, b.id)
    expect(inB).toMatchObject({ schoolId: b.id, role: 'HEAD' })
    expect(inB?.schools.map((s) => s.name)).toEqual(['Alpha', 'Beta'])
    // A school they are not in falls back to their first school by name; it never grants access to it.
    expect(await resolveSchoolContext(db, user.id, c.id)).toMatchObject({ schoolId: a.id, role: 'TEAM' })
    expect(await resolveSchoolContext(db, user.id, null)).toMatchObject({ schoolId: a.id })
  })

  it('is null for a user with no school and for an unknown user', async () => {
    const u = await db.user.create({
      data: { email: 'lonely@test.example', name: 'Lonely', passwordHash: 'x' },
    })
    expect(await resolveSchoolContext(db, u.id, null)).toBeNull()
    expect(await resolveSchoolContext(db, 'no-such-user', null)).toBeNull()
  })
})
