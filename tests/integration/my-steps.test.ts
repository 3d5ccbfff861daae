import { describe, expect, it } from 'vitest'
import { can } from '@/lib/auth/permissions'
import { getMemberSteps } from '@/lib/contingency/queries'
import { countQueries, db } from '@/lib/db'
import { loadPlanSnapshot } from '@/lib/plan/queries'
import { makeMember, makeSchool } from '../support/factories'
import { makeRole, makeTeamMember } from '../support/team'

async function makeService(schoolId: string, name: string, criticality: number, rtoMinutes: number) {
  return db.service.create({
    data: { schoolId, name, criticality, rtoMinutes, rpoMinutes: 60, maxOutageMinutes: rtoMinutes * 2 },
  })
}

/** A plan for the service whose steps go to the given roles, in order (null: nobody's). */
async function makePlan(schoolId: string, serviceId: string, name: string, roles: (string | null)[]) {
  return db.contingencyPlan.create({
    data: {
      schoolId,
      serviceId,
      name,
      strategy: 'FAST',
      manualWorkaround: `Paper for ${name}`,
      standbySupplier: 'Acme IT',
      standbyContact: 'Service desk 0161 496 0000',
      standbyHowToInvoke: 'Quote the contract number',
      procedure: {
        create: {
          schoolId,
          steps: {
            create: roles.map((recoveryRoleId, k) => ({
              schoolId,
              position: k + 1,
              instruction: `${name} step ${k + 1}`,
              estimatedMinutes: 10 * (k + 1),
              recoveryRoleId,
            })),
          },
        },
      },
    },
  })
}

async function makeRestore(schoolId: string, name: string, roles: string[]) {
  return db.asset.create({
    data: {
      schoolId,
      name,
      type: 'DATA',
      restoreProcedure: {
        create: {
          schoolId,
          steps: {
            create: roles.map((recoveryRoleId, k) => ({
              schoolId,
              position: k + 1,
              instruction: `Restore ${name} step ${k + 1}`,
              estimatedMinutes: 15,
              recoveryRoleId,
            })),
          },
        },
      },
    },
  })
}

async function scene() {
  const school = await makeSchool()
  const tech = await makeRole(school.id, 'Technician')
  const office = await makeRole(school.id, 'Office lead')
  const other = await makeRole(school.id, 'Caretaker')
  const retired = await db.recoveryRole.create({
    data: { schoolId: school.id, name: 'Retired role', archivedAt: new Date() },
  })
  const login = await makeMember(school.id, 'TEAM')
  const me = await makeTeamMember(school.id, {
    name: 'Tess Tech',
    roleIds: [tech.id, office.id, retired.id],
    membershipId: login.membership.id,
  })
  // Recovery order (lib/plan/order.ts): the shorter RTO first; among equals the more critical; then the name.
  const mis = await makeService(school.id, 'MIS', 2, 240)
  const wifi = await makeService(school.id, 'Wi-Fi', 1, 480)
  const email = await makeService(school.id, 'E-mail', 1, 60)
  const phones = await makeService(school.id, 'Phones', 1, 60)
  const printing = await makeService(school.id, 'Printing', 3, 60)
  const gone = await makeService(school.id, 'Archived service', 1, 10)
  await db.service.update({ where: { id: gone.id }, data: { archivedAt: new Date() } })
  await makePlan(school.id, mis.id, 'MIS server', [tech.id, other.id, office.id])
  await makePlan(school.id, wifi.id, 'Wi-Fi outage', [tech.id])
  await makePlan(school.id, email.id, 'E-mail down', [office.id, null])
  await makePlan(school.id, phones.id, 'Phones down', [other.id]) // nothing of mine: not listed
  await makePlan(school.id, printing.id, 'Printing', [retired.id]) // a retired role's step: not mine
  await makePlan(school.id, gone.id, 'Gone', [tech.id]) // archived service: not listed
  const archivedPlan = await makePlan(school.id, mis.id, 'Old MIS plan', [tech.id])
  await db.contingencyPlan.update({ where: { id: archivedPlan.id }, data: { archivedAt: new Date() } })
  await makeRestore(school.id, 'Pupil data', [other.id, tech.id])
  await makeRestore(school.id, 'Finance data', [other.id])
  return { school, login, me, tech, office, other }
}

const instructions = (v: NonNullable<Awaited<ReturnType<typeof getMemberSteps>>>) => [
  ...v.services.flatMap((s) => s.plans.flatMap((p) => p.steps.map((x) => x.instruction))),
  ...v.assets.flatMap((a) => a.steps.map((x) => x.instruction)),
]

describe('my procedures: a member sees the steps of the roles they hold', () => {
  it('lists exactly their roles’ steps, by service in recovery order, with the supplier details', async () => {
    const { school, login, me } = await scene()
    const own = await getMemberSteps(school.id, { userId: login.user.id })
    expect(own?.member.id).toBe(me.id)
    expect(own!.roles.map((r) => r.name)).toEqual(['Office lead', 'Technician'])
    expect(own!.services.map((s) => s.name)).toEqual(['E-mail', 'MIS', 'Wi-Fi'])
    expect(instructions(own!)).toEqual([
      'E-mail down step 1',
      'MIS server step 1',
      'MIS server step 3',
      'Wi-Fi outage step 1',
      'Restore Pupil data step 2',
    ])
    const mis = own!.services[1]!.plans[0]!
    expect(mis.totalSteps).toBe(3)
    expect(mis.steps.map((s) => [s.number, s.role, s.estimatedMinutes])).toEqual([
      [1, 'Technician', 10],
      [3, 'Office lead', 30],
    ])
    expect(mis).toMatchObject({
      manualWorkaround: 'Paper for MIS server',
      standbySupplier: 'Acme IT',
      standbyContact: 'Service desk 0161 496 0000',
      standbyHowToInvoke: 'Quote the contract number',
    })
    expect(own!.stepCount).toBe(5)
    expect(own!.totalMinutes).toBe(10 + 10 + 10 + 30 + 15)
    // The manager's view of the same member shows the same.
    const byId = await getMemberSteps(school.id, { memberId: me.id })
    expect(instructions(byId!)).toEqual(instructions(own!))
  })

  it('follows the recovery engine’s order: services by RTO before criticality, assets in restore order', async () => {
    const { school, login, tech } = await scene()
    // Two assets a service needs, where "Alpha server" depends on "Zulu switch": the engine restores the
    // switch first, though the name would put it last; a slow vital service goes after a quick high one.
    const alpha = await makeRestore(school.id, 'Alpha server', [tech.id])
    const zulu = await makeRestore(school.id, 'Zulu switch', [tech.id])
    await db.assetDependency.create({
      data: { schoolId: school.id, assetId: alpha.id, dependsOnId: zulu.id },
    })
    const slowVital = await makeService(school.id, 'Archive', 1, 4320)
    const quickHigh = await makeService(school.id, 'Bookings', 2, 30)
    await makePlan(school.id, slowVital.id, 'Archive down', [tech.id])
    await makePlan(school.id, quickHigh.id, 'Bookings down', [tech.id])
    await db.serviceAsset.create({
      data: { schoolId: school.id, serviceId: quickHigh.id, assetId: alpha.id },
    })
    const own = await getMemberSteps(school.id, { userId: login.user.id })
    const plan = await loadPlanSnapshot(school.id)
    expect(own!.services.map((s) => s.name)).toEqual(['Bookings', 'E-mail', 'MIS', 'Wi-Fi', 'Archive'])
    expect(own!.services.map((s) => s.id)).toEqual(
      plan.services.filter((s) => own!.services.some((o) => o.id === s.id)).map((s) => s.id),
    )
    expect(own!.assets.map((a) => a.name)).toEqual(['Zulu switch', 'Alpha server', 'Pupil data'])
  })

  it('shows nothing to a member who has left, though they still hold the roles', async () => {
    const { school, login, me } = await scene()
    await db.teamMember.update({ where: { id: me.id }, data: { leftAt: new Date() } })
    const own = await getMemberSteps(school.id, { userId: login.user.id })
    expect(own?.member.leftAt).toBeInstanceOf(Date)
    expect(own!.roles).toEqual([])
    expect(own!.services).toEqual([])
    expect(own!.assets).toEqual([])
    expect(own!.stepCount).toBe(0)
  })

  it('finds no member of another school, by id or by login', async () => {
    const { me, login } = await scene()
    const elsewhere = await makeSchool()
    expect(await getMemberSteps(elsewhere.id, { memberId: me.id })).toBeNull()
    expect(await getMemberSteps(elsewhere.id, { userId: login.user.id })).toBeNull()
    expect(await getMemberSteps(elsewhere.id, { memberId: 'no-such-member' })).toBeNull()
  })

  it('finds no steps for a login that is not on the team, and refuses own steps to HEAD and VIEWER', async () => {
    const { school } = await scene()
    const head = await makeMember(school.id, 'HEAD')
    const viewer = await makeMember(school.id, 'VIEWER')
    expect(await getMemberSteps(school.id, { userId: head.user.id })).toBeNull()
    expect(await getMemberSteps(school.id, { userId: viewer.user.id })).toBeNull()
    // The own page is refused (404) to a login that is not on the team unless it holds
    // `assignments.read-own`; anyone's view asks for `team.edit`.
    expect(can('HEAD', 'assignments.read-own')).toBe(false)
    expect(can('VIEWER', 'assignments.read-own')).toBe(false)
    expect(can('TEAM', 'assignments.read-own')).toBe(true)
    expect((['MANAGER', 'HEAD', 'TEAM', 'VIEWER'] as const).filter((r) => can(r, 'team.edit'))).toEqual([
      'MANAGER',
    ])
    // A head teacher who is on the team finds their own steps.
    const lead = await makeRole(school.id, 'Incident lead')
    await makeTeamMember(school.id, { roleIds: [lead.id], membershipId: head.membership.id })
    const email = await makeService(school.id, 'Telephones', 1, 30)
    await makePlan(school.id, email.id, 'Phone line cut', [lead.id])
    const headView = await getMemberSteps(school.id, { userId: head.user.id })
    expect(instructions(headView!)).toEqual(['Phone line cut step 1'])
  })

  it('runs the same number of queries for a few steps and for many', async () => {
    const small = await scene()
    const large = await scene()
    for (let i = 0; i < 25; i++) {
      const s = await makeService(large.school.id, `Extra ${i}`, 1 + (i % 4), 60 * (i + 1))
      await makePlan(large.school.id, s.id, `Extra plan ${i}`, [
        large.tech.id,
        large.office.id,
        large.other.id,
      ])
      await makeRestore(large.school.id, `Extra data ${i}`, [large.tech.id, large.office.id])
    }
    // Counted with each school's plan already built (lib/plan/queries.ts caches it until something it is
    // built from changes); building it is itself a fixed number of queries (plan-snapshot.test.ts).
    await loadPlanSnapshot(small.school.id)
    await loadPlanSnapshot(large.school.id)
    const a = await countQueries(() => getMemberSteps(small.school.id, { userId: small.login.user.id }))
    const b = await countQueries(() => getMemberSteps(large.school.id, { userId: large.login.user.id }))
    expect(a.queries).toBeGreaterThan(0)
    expect(b.queries).toBe(a.queries)
    const c = await countQueries(() => getMemberSteps(large.school.id, { memberId: large.me.id }))
    expect(c.queries).toBe(a.queries)
    expect(b.result?.stepCount).toBe(5 + 25 * 4)
  })
})
