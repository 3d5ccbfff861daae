/*
 * School.planSourceVersion (bumped by triggers, migration plan_versions) is how a published plan knows it
 * has gone stale: every write to a table the plan is built from must move it, once per statement, for the
 * school written to and no other; writes elsewhere (risks, reviews) must not.
 */
import { describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { makeAsset, makeSchool, makeService } from '../support/factories'
import { makeRole, makeTeamMember } from '../support/team'

async function sourceVersion(schoolId: string) {
  const row = await db.school.findUnique({ where: { id: schoolId }, select: { planSourceVersion: true } })
  return row?.planSourceVersion ?? -1
}

describe('plan source version', () => {
  it('moves on writes to every table the plan is built from, for that school only', async () => {
    const school = await makeSchool()
    const other = await makeSchool()
    const otherBefore = await sourceVersion(other.id)
    let v = await sourceVersion(school.id)
    const moved = async (what: string) => {
      const now = await sourceVersion(school.id)
      expect(now, what).toBe(v + 1)
      v = now
    }
    const s = await makeService(school.id)
    await moved('service insert')
    const a = await makeAsset(school.id)
    await moved('asset insert')
    await db.serviceAsset.create({ data: { schoolId: school.id, serviceId: s.id, assetId: a.id } })
    await moved('link insert')
    const role = await makeRole(school.id)
    await moved('role insert')
    const plan = await db.contingencyPlan.create({
      data: { schoolId: school.id, serviceId: s.id, name: 'Server failure', strategy: 'MANUAL_WORKAROUND' },
    })
    await moved('plan insert')
    const procedure = await db.procedure.create({ data: { schoolId: school.id, planId: plan.id } })
    await moved('procedure insert')
    const step = await db.procedureStep.create({
      data: {
        schoolId: school.id,
        procedureId: procedure.id,
        position: 1,
        instruction: 'Call the supplier',
        estimatedMinutes: 15,
        recoveryRoleId: role.id,
      },
    })
    await moved('step insert')
    await db.procedureStep.update({ where: { id: step.id }, data: { estimatedMinutes: 20 } })
    await moved('step update')
    const member = await makeTeamMember(school.id)
    // A member created with no roles writes one statement (the nested create has nothing to insert).
    await moved('member insert')
    await db.teamMemberRole.create({
      data: { schoolId: school.id, teamMemberId: member.id, roleId: role.id },
    })
    await moved('role holder insert')
    await db.teamMember.update({ where: { id: member.id }, data: { mobile: '07700 900999' } })
    await moved('member update')
    const backup = await db.backup.create({
      data: {
        schoolId: school.id,
        assetId: a.id,
        name: 'Nightly',
        location: 'CLOUD',
        medium: 'CLOUD_STORAGE',
        frequencyMinutes: 1440,
      },
    })
    await moved('backup insert')
    await db.restoreTest.create({
      data: {
        schoolId: school.id,
        backupId: backup.id,
        testedOn: new Date(),
        whatRestored: 'One file',
        minutesTaken: 10,
        result: 'SUCCESS',
      },
    })
    await moved('restore test insert')
    await db.procedureStep.delete({ where: { id: step.id } })
    await moved('step delete')

    // Not part of the plan: the risk register does not make a plan stale.
    const category = await db.riskCategory.create({ data: { schoolId: school.id, name: 'Technical' } })
    expect(await sourceVersion(school.id)).toBe(v)
    await db.riskCategory.delete({ where: { id: category.id } })
    expect(await sourceVersion(school.id)).toBe(v)
    expect(await sourceVersion(other.id)).toBe(otherBefore)
  })

  it('moves once for a bulk statement', async () => {
    const school = await makeSchool()
    const before = await sourceVersion(school.id)
    await db.asset.createMany({
      data: Array.from({ length: 40 }, (_, i) => ({
        schoolId: school.id,
        name: `Bulk ${i}`,
        type: 'DATA' as const,
      })),
    })
    expect(await sourceVersion(school.id)).toBe(before + 1)
  })
})
