import { describe, expect, it } from 'vitest'
import { countQueries, db } from '@/lib/db'
import { getMemberView, getOwnProfile, listRoleCoverage, listTeam } from '@/lib/team/queries'
import { makeMember, makeSchool } from '../support/factories'
import { builtInRoles } from '../support/team'

/** A school with `n` members, each holding two of six roles and with two training records. */
async function fillTeam(schoolId: string, n: number) {
  const { manager, deputy } = await builtInRoles(schoolId)
  const roles = [manager.id, deputy.id]
  for (let i = 0; i < 4; i++)
    roles.push((await db.recoveryRole.create({ data: { schoolId, name: `Role ${i}` } })).id)
  const login = await makeMember(schoolId, 'TEAM')
  for (let i = 0; i < n; i++) {
    const m = await db.teamMember.create({
      data: {
        schoolId,
        name: `Member ${String(i).padStart(4, '0')}`,
        membershipId: i === 0 ? login.membership.id : null,
        leftAt: i % 7 === 3 ? new Date() : null,
        roles: {
          create: [roles[i % 6]!, roles[(i + 1) % 6]!].map((roleId) => ({ schoolId, roleId })),
        },
      },
    })
    await db.trainingRecord.createMany({
      data: [
        {
          schoolId,
          teamMemberId: m.id,
          kind: 'NCSC_CYBER',
          heldOn: new Date('2026-01-10T12:00:00Z'),
          title: 'NCSC',
        },
        {
          schoolId,
          teamMemberId: m.id,
          kind: 'REHEARSAL',
          heldOn: new Date('2026-03-10T12:00:00Z'),
          title: 'Tabletop',
        },
      ],
    })
  }
  const first = await db.teamMember.findFirstOrThrow({ where: { schoolId, name: 'Member 0000' } })
  return { memberId: first.id, userId: login.user.id, roleId: roles[2]! }
}

describe('team pages: query counts do not grow with the rows', () => {
  it('runs the same number of queries for a small and a large team', async () => {
    const small = await makeSchool()
    const large = await makeSchool()
    const s = await fillTeam(small.id, 5)
    const l = await fillTeam(large.id, 80)
    const pages: Record<string, (schoolId: string, f: typeof s) => Promise<unknown>> = {
      'team list (manager)': (id) => listTeam(id, { status: 'current' }, { contacts: true }),
      'team list filtered': (id, f) => listTeam(id, { role: f.roleId, untrained: true }, { contacts: false }),
      'roles and coverage': (id) => listRoleCoverage(id),
      'member page (manager)': (id, f) => getMemberView(id, f.memberId, { contacts: true, edit: true }),
      'member page (head)': (id, f) => getMemberView(id, f.memberId, { contacts: true, edit: false }),
      'own profile': (id, f) => getOwnProfile(id, f.userId),
    }
    for (const [name, run] of Object.entries(pages)) {
      const a = await countQueries(() => run(small.id, s))
      const b = await countQueries(() => run(large.id, l))
      expect(a.queries, name).toBeGreaterThan(0)
      expect(b.queries, name).toBe(a.queries)
    }
  })
})
