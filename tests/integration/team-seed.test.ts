import { describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { listRoleCoverage, listTeam } from '@/lib/team/queries'
import { seed } from '@/prisma/seed'

describe('demo recovery team', () => {
  it('gives every school the built-in roles and the demo school a believable team, once', async () => {
    await seed()
    const oakfield = await db.school.findUniqueOrThrow({ where: { urn: '100001' } })
    const riverside = await db.school.findUniqueOrThrow({ where: { urn: '100002' } })
    expect(await db.recoveryRole.count({ where: { schoolId: riverside.id, builtIn: { not: null } } })).toBe(2)

    // The demo logins are linked to their members, so each can open their own details.
    const linked = await db.teamMember.findMany({
      where: { schoolId: oakfield.id, membershipId: { not: null } },
      select: { name: true, membership: { select: { user: { select: { email: true } } } } },
      orderBy: { name: 'asc' },
    })
    expect(linked.map((m) => [m.name, m.membership?.user.email])).toEqual([
      ['Helen Carter', 'head@oakfield.example'],
      ['Priya Shah', 'manager@oakfield.example'],
      ['Tom Evans', 'team@oakfield.example'],
    ])

    // What the pages show: a deputy appointed, a role left uncovered by someone who left, training gaps.
    const coverage = await listRoleCoverage(oakfield.id)
    const status = Object.fromEntries(coverage.map((c) => [c.name, c.status]))
    expect(status['Deputy service continuity manager']).toBe('SINGLE')
    expect(status['Communications lead']).toBe('COVERED')
    expect(status['Backup operator']).toBe('UNCOVERED')
    const team = await listTeam(oakfield.id, {}, { contacts: true })
    expect(team.total).toBe(6)
    expect(team.rows.find((r) => r.name === 'Aisha Rahman')?.training.status).toBe('MISSING')
    expect(team.rows.find((r) => r.name === 'Tom Evans')?.training.status).toBe('DUE')
    expect(team.rows.find((r) => r.name === 'Jo Baker')).toMatchObject({ hasLogin: false })

    const counts = async () => [
      await db.teamMember.count(),
      await db.recoveryRole.count(),
      await db.trainingRecord.count(),
    ]
    const before = await counts()
    expect(await seed()).toEqual({ created: 0 })
    expect(await counts()).toEqual(before)
  })
})
