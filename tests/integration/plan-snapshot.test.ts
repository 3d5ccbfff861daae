import { describe, expect, it } from 'vitest'
import { countQueries, db } from '@/lib/db'
import { loadPlanSnapshot } from '@/lib/plan/queries'
import { makeSchool } from '../support/factories'
import { builtInRoles, makeRole, makeTeamMember } from '../support/team'

async function makeService(schoolId: string, name: string, criticality: number, rtoMinutes: number) {
  return db.service.create({
    data: { schoolId, name, criticality, rtoMinutes, rpoMinutes: 60, maxOutageMinutes: rtoMinutes * 2 },
  })
}

async function makeAsset(
  schoolId: string,
  name: string,
  steps: { role: string | null; minutes: number }[] = [],
) {
  return db.asset.create({
    data: {
      schoolId,
      name,
      type: 'HARDWARE',
      supplier: 'Acme IT',
      contractRef: 'AC-7',
      restoreProcedure: steps.length
        ? {
            create: {
              schoolId,
              steps: {
                create: steps.map((s, k) => ({
                  schoolId,
                  position: k + 1,
                  instruction: `Restore ${name} step ${k + 1}`,
                  estimatedMinutes: s.minutes,
                  recoveryRoleId: s.role,
                })),
              },
            },
          }
        : undefined,
    },
  })
}

async function makePlan(schoolId: string, serviceId: string, name: string, roles: (string | null)[]) {
  return db.contingencyPlan.create({
    data: {
      schoolId,
      serviceId,
      name,
      strategy: 'MANUAL_WORKAROUND',
      manualWorkaround: `Paper for ${name}`,
      standbySupplier: 'Standby Co',
      standbyContact: '0161 496 0000',
      procedure: {
        create: {
          schoolId,
          steps: {
            create: roles.map((recoveryRoleId, k) => ({
              schoolId,
              position: k + 1,
              instruction: `${name} step ${k + 1}`,
              estimatedMinutes: 30,
              recoveryRoleId,
            })),
          },
        },
      },
    },
  })
}

/** A school with a bit of everything, including what the plan must leave out. */
async function scene(label = 'Oak') {
  const school = await makeSchool(`${label} Primary`)
  const { manager, deputy } = await builtInRoles(school.id)
  const tech = await makeRole(school.id, 'Technician')
  const retired = await db.recoveryRole.create({
    data: { schoolId: school.id, name: 'Retired role', archivedAt: new Date() },
  })
  await makeTeamMember(school.id, { name: `${label} Manager`, roleIds: [manager.id, tech.id] })
  const leaver = await makeTeamMember(school.id, { name: `${label} Leaver`, roleIds: [deputy.id] })
  await db.teamMember.update({ where: { id: leaver.id }, data: { leftAt: new Date() } })

  const mis = await makeService(school.id, `${label} MIS`, 1, 240)
  const email = await makeService(school.id, `${label} Email`, 2, 1440)
  const payroll = await makeService(school.id, `${label} Payroll`, 1, 480)
  const gone = await makeService(school.id, `${label} Gone`, 1, 10)
  await db.service.update({ where: { id: gone.id }, data: { archivedAt: new Date() } })

  const lan = await makeAsset(school.id, `${label} LAN`, [{ role: tech.id, minutes: 60 }])
  const server = await makeAsset(school.id, `${label} MIS server`, [
    { role: tech.id, minutes: 180 },
    { role: retired.id, minutes: 30 },
  ])
  const oldAsset = await makeAsset(school.id, `${label} Old asset`)
  await db.asset.update({ where: { id: oldAsset.id }, data: { archivedAt: new Date() } })
  await db.serviceAsset.createMany({
    data: [
      { schoolId: school.id, serviceId: mis.id, assetId: server.id },
      { schoolId: school.id, serviceId: email.id, assetId: lan.id },
      { schoolId: school.id, serviceId: mis.id, assetId: oldAsset.id },
    ],
  })
  await db.assetDependency.create({ data: { schoolId: school.id, assetId: server.id, dependsOnId: lan.id } })
  await makePlan(school.id, mis.id, `${label} MIS plan`, [manager.id])
  await makePlan(school.id, email.id, `${label} Email plan`, [deputy.id])
  const archivedPlan = await makePlan(school.id, payroll.id, `${label} Old payroll plan`, [tech.id])
  await db.contingencyPlan.update({ where: { id: archivedPlan.id }, data: { archivedAt: new Date() } })
  const backup = await db.backup.create({
    data: {
      schoolId: school.id,
      assetId: server.id,
      name: `${label} MIS nightly`,
      location: 'CLOUD',
      medium: 'CLOUD_STORAGE',
      frequencyMinutes: 1440,
    },
  })
  await db.restoreTest.createMany({
    data: [
      {
        schoolId: school.id,
        backupId: backup.id,
        testedOn: new Date('2026-03-01T12:00:00Z'),
        whatRestored: 'All',
        minutesTaken: 30,
        result: 'SUCCESS',
      },
      {
        schoolId: school.id,
        backupId: backup.id,
        testedOn: new Date('2026-06-01T12:00:00Z'),
        whatRestored: 'All',
        minutesTaken: 30,
        result: 'FAILED',
      },
    ],
  })
  return { school, mis, email, payroll, lan, server, tech, manager, deputy }
}

describe('loadPlanSnapshot', () => {
  it('builds the live plan from the school’s live records only', async () => {
    const { school } = await scene()
    await scene('Elm') // another school, with the same shape: none of it may appear
    const plan = await loadPlanSnapshot(school.id, { now: new Date('2026-11-24T09:00:00Z') })
    expect(plan.version).toBe(0)
    expect(plan.takenAt).toBe('2026-11-24T09:00:00.000Z')
    expect(plan.school).toEqual({ id: school.id, name: 'Oak Primary', timeZone: 'Europe/London' })
    expect(plan.services.map((s) => s.name)).toEqual(['Oak MIS', 'Oak Payroll', 'Oak Email'])
    expect(plan.assets.map((a) => a.name)).toEqual(['Oak LAN', 'Oak MIS server'])
    const mis = plan.services[0]!
    expect(mis.why).toBe(
      'Recovered 1st: RTO 4 hours, vital; needs Oak MIS server, restored 2nd, and 1 asset they depend on.',
    )
    // 60 + 180 + 30 minutes of restores, then 30 of the plan: late against 4 hours.
    expect(mis.estimate).toMatchObject({ criticalMinutes: 300, atRisk: true, teamMinutes: null })
    expect(mis.plans.map((p) => [p.name, p.strategy, p.manualWorkaround])).toEqual([
      ['Oak MIS plan', 'Manual workaround', 'Paper for Oak MIS plan'],
    ])
    expect(mis.suppliers).toEqual([
      { name: 'Acme IT', contact: 'Contract AC-7', reason: 'Oak LAN and Oak MIS server' },
      { name: 'Standby Co', contact: '0161 496 0000', reason: 'the standby in Oak MIS plan' },
    ])
    expect(mis.backups.map((b) => [b.name, b.lastRestoreTestAt])).toEqual([['Oak MIS nightly', '2026-03-01']])
    // The retired role's step has no role; the leaver holds nothing.
    expect(plan.assets[1]!.steps.map((s) => s.role?.name ?? null)).toEqual(['Technician', null])
    expect(plan.members.map((m) => [m.name, m.roles.map((r) => r.name)])).toEqual([
      ['Oak Manager', ['Service continuity manager', 'Technician']],
    ])
    const emailPlan = plan.services[2]!.plans[0]!
    expect(emailPlan.steps[0]!.holderIds).toEqual([])
    expect(plan.gaps.map((g) => g.kind)).toEqual([
      'NO_DEPUTY',
      'VITAL_WITHOUT_PLAN',
      'AT_RISK',
      'UNCOVERED_STEP',
      'UNCOVERED_STEP',
    ])
    expect(plan.gaps[1]!.text).toBe('Oak Payroll is vital but has no contingency plan.')
    expect(JSON.stringify(plan)).not.toContain('Elm')
    expect(JSON.stringify(plan)).not.toMatch(/Gone|Old asset|Old payroll|Leaver|Retired/)
  })

  it('serves a cached body with the caller’s own stamp, and rebuilds after any change', async () => {
    const { school, email } = await scene()
    const first = await loadPlanSnapshot(school.id, { now: new Date('2026-11-24T09:00:00Z') })
    const { result: again, queries } = await countQueries(() =>
      loadPlanSnapshot(school.id, { version: 4, now: new Date('2026-11-25T09:00:00Z') }),
    )
    expect(queries).toBe(1)
    expect(again.version).toBe(4)
    expect(again.takenAt).toBe('2026-11-25T09:00:00.000Z')
    expect(again.services).toEqual(first.services)
    expect(first.version).toBe(0)

    await db.service.update({ where: { id: email.id }, data: { rtoMinutes: 30 } })
    const changed = await loadPlanSnapshot(school.id)
    expect(changed.services[0]!.name).toBe('Oak Email')
    await db.school.update({
      where: { id: school.id },
      data: { name: 'Oak Academy', version: { increment: 1 } },
    })
    expect((await loadPlanSnapshot(school.id)).school.name).toBe('Oak Academy')
  })

  it('runs the same number of queries for a small school and a large one', async () => {
    const small = await scene('Small')
    const large = await scene('Large')
    const services = await db.service.createManyAndReturn({
      data: Array.from({ length: 60 }, (_, i) => ({
        schoolId: large.school.id,
        name: `Extra ${i}`,
        criticality: (i % 4) + 1,
        rtoMinutes: 60 * (i + 1),
        rpoMinutes: 60,
        maxOutageMinutes: 6000,
      })),
    })
    const assets = await db.asset.createManyAndReturn({
      data: Array.from({ length: 120 }, (_, i) => ({
        schoolId: large.school.id,
        name: `Extra asset ${i}`,
        type: 'HARDWARE' as const,
      })),
    })
    await db.serviceAsset.createMany({
      data: services.flatMap((s, i) => [
        { schoolId: large.school.id, serviceId: s.id, assetId: assets[2 * i]!.id },
        { schoolId: large.school.id, serviceId: s.id, assetId: assets[2 * i + 1]!.id },
      ]),
    })
    await db.assetDependency.createMany({
      data: assets
        .slice(1)
        .map((a, i) => ({ schoolId: large.school.id, assetId: a.id, dependsOnId: assets[i]!.id })),
    })
    for (const s of services.slice(0, 20))
      await makePlan(large.school.id, s.id, `Plan ${s.name}`, [large.tech.id, null])
    for (let i = 0; i < 10; i++) await makeTeamMember(large.school.id, { roleIds: [large.tech.id] })

    const a = await countQueries(() => loadPlanSnapshot(small.school.id))
    const b = await countQueries(() => loadPlanSnapshot(large.school.id))
    expect(b.result.services.length).toBeGreaterThan(a.result.services.length * 10)
    expect(b.queries).toBe(a.queries)
    expect(a.queries).toBeLessThanOrEqual(13)
  })
})
