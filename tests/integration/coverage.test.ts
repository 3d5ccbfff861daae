/*
 * The coverage report over a real database: each kind of gap counted exactly on a school built for it,
 * nothing from another school, closing a gap (a role given to a member) takes it off, the query count
 * does not grow with the school, and the demo seed shows the report working.
 */
import { describe, expect, it } from 'vitest'
import { getCoverage } from '@/lib/coverage/queries'
import { countQueries, db } from '@/lib/db'
import { seed } from '@/prisma/seed'
import { makeAsset, makeSchool, makeService } from '../support/factories'
import { builtInRoles, makeRole, makeTeamMember } from '../support/team'

const TODAY = new Date('2026-11-24T12:00:00Z')

async function planWithSteps(schoolId: string, serviceId: string, name: string, roleIds: (string | null)[]) {
  return db.contingencyPlan.create({
    data: {
      schoolId,
      serviceId,
      name,
      strategy: 'FAST',
      procedure: {
        create: {
          schoolId,
          steps: {
            create: roleIds.map((recoveryRoleId, i) => ({
              schoolId,
              position: i + 1,
              instruction: `${name} step ${i + 1}`,
              estimatedMinutes: 10,
              recoveryRoleId,
            })),
          },
        },
      },
    },
  })
}

/**
 * A school with a known set of gaps: one service with no plan, one plan with no steps, two steps nobody
 * can carry out (no role; a role nobody holds), no deputy, two single-holder roles (manager, technician),
 * one member with no off-site contact, one with system access and no NCSC record, one data asset with
 * two copies (breaks 3-2-1) restore-tested too long ago, and one with no backups at all.
 */
async function gappySchool(tag: string) {
  const school = await makeSchool()
  const { manager } = await builtInRoles(school.id)
  const technician = await makeRole(school.id, `Technician ${tag}`)
  const caretaker = await makeRole(school.id, `Caretaker ${tag}`)
  const office = await makeRole(school.id, `Office ${tag}`)
  const ann = await makeTeamMember(school.id, {
    name: `Ann ${tag}`,
    roleIds: [manager.id, technician.id, office.id],
  })
  const bob = await makeTeamMember(school.id, { name: `Bob ${tag}`, roleIds: [office.id], mobile: '' })
  await makeTeamMember(school.id, { name: `Left ${tag}`, roleIds: [caretaker.id], mobile: '' }).then((m) =>
    db.teamMember.update({ where: { id: m.id }, data: { leftAt: TODAY } }),
  )
  await db.trainingRecord.create({
    data: { schoolId: school.id, teamMemberId: ann.id, kind: 'NCSC_CYBER', heldOn: TODAY, title: 'NCSC' },
  })
  const mis = await makeService(school.id, { name: `MIS ${tag}` })
  await makeService(school.id, { name: `Telephony ${tag}` })
  await planWithSteps(school.id, mis.id, `Paper ${tag}`, [technician.id, null, caretaker.id])
  await planWithSteps(school.id, mis.id, `Empty ${tag}`, [])
  const data = await makeAsset(school.id, { name: `MIS data ${tag}`, type: 'DATA' })
  await makeAsset(school.id, { name: `Finance data ${tag}`, type: 'DATA' })
  for (const location of ['ON_SITE', 'CLOUD'] as const)
    await db.backup.create({
      data: {
        schoolId: school.id,
        assetId: data.id,
        name: `Copy ${location}`,
        location,
        medium: location === 'CLOUD' ? 'CLOUD_STORAGE' : 'DISK',
        frequencyMinutes: 1440,
        restoreTests: {
          create: [
            {
              schoolId: school.id,
              testedOn: new Date('2026-01-10T12:00:00Z'),
              whatRestored: 'All',
              minutesTaken: 20,
              result: 'SUCCESS',
            },
          ],
        },
      },
    })
  return { school, bob, caretaker }
}

describe('getCoverage', () => {
  it('counts each kind of gap on a seeded school, and nothing from another school', async () => {
    const a = await gappySchool('A')
    const b = await gappySchool('B')
    const report = await getCoverage(a.school.id, 'Europe/London', TODAY)
    expect(report.counts).toEqual({
      NO_MANAGER: 0,
      NO_DEPUTY: 1,
      SERVICE_NO_PLAN: 1,
      PLAN_NO_STEPS: 1,
      STEP_NOBODY: 2,
      SINGLE_HOLDER: 2,
      NO_OFFSITE_CONTACT: 1,
      BACKUP_321: 2,
      RESTORE_UNTESTED: 1,
      NO_CYBER_TRAINING: 1,
    })
    expect(report.total).toBe(12)
    const subjects = report.gaps.map((g) => `${g.kind}:${g.subject}`)
    expect(subjects).toContain('SERVICE_NO_PLAN:Telephony A')
    expect(subjects).toContain('PLAN_NO_STEPS:Empty A')
    expect(subjects).toContain('STEP_NOBODY:Paper A step 2')
    expect(subjects).toContain('STEP_NOBODY:Paper A step 3')
    expect(subjects).toContain('NO_OFFSITE_CONTACT:Bob A')
    expect(subjects).toContain('NO_CYBER_TRAINING:Bob A')
    expect(subjects).toContain('RESTORE_UNTESTED:MIS data A')
    // The member who left counts nowhere; nothing of school B shows in A's report.
    expect(subjects.some((s) => s.includes('Left A'))).toBe(false)
    expect(report.gaps.some((g) => / B\b/.test(`${g.subject} ${g.context ?? ''} ${g.action}`))).toBe(false)
    const other = await getCoverage(b.school.id, 'Europe/London', TODAY)
    expect(other.total).toBe(12)
    expect(other.gaps.every((g) => !g.subject.endsWith(' A'))).toBe(true)
  })

  it('a gap closes when it is fixed: the caretaker role given to a member, a deputy appointed', async () => {
    const a = await gappySchool('C')
    const { deputy } = await builtInRoles(a.school.id)
    await db.teamMemberRole.createMany({
      data: [
        { schoolId: a.school.id, teamMemberId: a.bob.id, roleId: a.caretaker.id },
        { schoolId: a.school.id, teamMemberId: a.bob.id, roleId: deputy.id },
      ],
    })
    const report = await getCoverage(a.school.id, 'Europe/London', TODAY)
    expect(report.counts.NO_DEPUTY).toBe(0)
    expect(report.counts.STEP_NOBODY).toBe(1)
    // Bob now holds caretaker and deputy alone as well: two more single-holder roles.
    expect(report.counts.SINGLE_HOLDER).toBe(4)
  })

  it('runs the same number of queries for a small and a large school', async () => {
    const small = await gappySchool('S')
    const large = await gappySchool('L')
    const roles = await Promise.all([0, 1, 2, 3, 4].map((i) => makeRole(large.school.id, `Extra ${i}`)))
    for (let i = 0; i < 40; i++) {
      const s = await makeService(large.school.id, { name: `Service ${i}` })
      if (i % 2) await planWithSteps(large.school.id, s.id, `Plan ${i}`, [roles[i % 5]!.id, null])
      await makeTeamMember(large.school.id, {
        name: `Member ${i}`,
        roleIds: [roles[i % 5]!.id],
        mobile: i % 3 ? '' : '07700',
      })
      await makeAsset(large.school.id, { name: `Data ${i}`, type: 'DATA' })
    }
    await getCoverage(small.school.id) // creates nothing later: built-in roles exist already
    const a = await countQueries(() => getCoverage(small.school.id, 'Europe/London', TODAY))
    const b = await countQueries(() => getCoverage(large.school.id, 'Europe/London', TODAY))
    expect(a.queries).toBeGreaterThan(0)
    expect(b.queries).toBe(a.queries)
    expect(b.result.total).toBeGreaterThan(100)
  })

  it('the demo school shows gaps to close', async () => {
    await seed()
    const oakfield = await db.school.findUniqueOrThrow({ where: { urn: '100001' } })
    const report = await getCoverage(oakfield.id)
    // The demo has services still to plan, data breaking 3-2-1 and roles one person holds.
    expect(report.counts.SERVICE_NO_PLAN).toBeGreaterThan(0)
    expect(report.counts.BACKUP_321).toBeGreaterThan(0)
    expect(report.counts.SINGLE_HOLDER).toBeGreaterThan(0)
    expect(report.counts.NO_MANAGER).toBe(0)
  })
})
