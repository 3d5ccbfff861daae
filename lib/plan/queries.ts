import 'server-only'
import { db } from '@/lib/db'
import { versionCache } from '@/lib/records/version-cache'
import { type BuildRows, buildPlanBody, type PlanBody, withStamp } from './build'
import type { PlanSnapshot } from './snapshot'

/**
 * The built plan body per school, kept while `School.planSourceVersion` (moved by triggers on every write to
 * a table the plan is built from) and `School.version` (its name and time zone) stay the same. The stamp
 * (version number, moment) is set per call, so a hit still answers with the caller's own.
 */
const bodies = versionCache<PlanBody>(20)

/**
 * The plan as it stands now, as a {@link PlanSnapshot} (version 0 unless told: the live, unpublished plan).
 * One query for the school's two version numbers; on a miss, one `findMany` per table, all at once, so the
 * count never grows with the school (tests/integration/plan-snapshot.test.ts).
 */
export async function loadPlanSnapshot(
  schoolId: string,
  opts?: { version?: number; now?: Date },
): Promise<PlanSnapshot> {
  const school = await db.school.findUniqueOrThrow({
    where: { id: schoolId },
    select: { id: true, name: true, timeZone: true, version: true, planSourceVersion: true },
  })
  const body = await bodies.getAsync(`${schoolId}:${school.version}`, school.planSourceVersion, async () =>
    buildPlanBody(await loadPlanRows({ id: school.id, name: school.name, timeZone: school.timeZone })),
  )
  return withStamp(body, { version: opts?.version ?? 0, takenAt: opts?.now ?? new Date() })
}

/**
 * Every row the plan is built from: live records only, and members who have left hold nothing. One
 * `findMany` per table, at once. Exported for the benchmark, which times reading apart from building.
 */
export async function loadPlanRows(school: BuildRows['school']): Promise<BuildRows> {
  const schoolId = school.id
  const [services, assets, needs, edges, plans, procedures, steps, roles, members, holdings, backups, tests] =
    await Promise.all([
      db.service.findMany({
        where: { schoolId, archivedAt: null },
        select: {
          id: true,
          name: true,
          criticality: true,
          rtoMinutes: true,
          rpoMinutes: true,
          minServiceLevel: true,
        },
      }),
      db.asset.findMany({
        where: { schoolId, archivedAt: null },
        select: { id: true, name: true, type: true, location: true, supplier: true, contractRef: true },
      }),
      db.serviceAsset.findMany({
        where: { schoolId },
        select: { serviceId: true, assetId: true, required: true },
      }),
      db.assetDependency.findMany({ where: { schoolId }, select: { assetId: true, dependsOnId: true } }),
      db.contingencyPlan.findMany({
        where: { schoolId, archivedAt: null },
        select: {
          id: true,
          serviceId: true,
          name: true,
          strategy: true,
          description: true,
          manualWorkaround: true,
          invocationCriteria: true,
          standbySupplier: true,
          standbyContract: true,
          standbyContact: true,
          standbyHowToInvoke: true,
        },
      }),
      db.procedure.findMany({ where: { schoolId }, select: { id: true, planId: true, assetId: true } }),
      db.procedureStep.findMany({
        where: { schoolId },
        select: {
          id: true,
          procedureId: true,
          position: true,
          instruction: true,
          estimatedMinutes: true,
          recoveryRoleId: true,
          afterStepId: true,
        },
      }),
      db.recoveryRole.findMany({
        where: { schoolId, archivedAt: null },
        select: { id: true, name: true, builtIn: true },
      }),
      db.teamMember.findMany({
        where: { schoolId, leftAt: null },
        select: {
          id: true,
          name: true,
          jobTitle: true,
          mobile: true,
          otherPhone: true,
          personalEmail: true,
          outOfHoursNotes: true,
          fallbackContact: true,
        },
      }),
      db.teamMemberRole.findMany({ where: { schoolId }, select: { teamMemberId: true, roleId: true } }),
      db.backup.findMany({
        where: { schoolId, archivedAt: null },
        select: {
          id: true,
          name: true,
          assetId: true,
          serviceId: true,
          location: true,
          medium: true,
          offline: true,
          frequencyMinutes: true,
        },
      }),
      db.restoreTest.groupBy({
        by: ['backupId'],
        where: { schoolId, result: 'SUCCESS' },
        _max: { testedOn: true },
      }),
    ])

  const procedureOf = new Map(procedures.map((p) => [p.id, p]))
  const rolesOf = new Map<string, string[]>()
  for (const h of holdings) {
    const list = rolesOf.get(h.teamMemberId) ?? []
    list.push(h.roleId)
    rolesOf.set(h.teamMemberId, list)
  }
  const lastTest = new Map(tests.map((t) => [t.backupId, t._max.testedOn]))
  return {
    school,
    services,
    assets,
    needs,
    edges,
    plans,
    steps: steps.flatMap((s) => {
      const p = procedureOf.get(s.procedureId)
      if (!p) return []
      return [
        {
          id: s.id,
          planId: p.planId,
          assetId: p.planId ? null : p.assetId,
          position: s.position,
          instruction: s.instruction,
          minutes: s.estimatedMinutes,
          roleId: s.recoveryRoleId,
          afterStepId: s.afterStepId,
        },
      ]
    }),
    roles,
    // Only current members are loaded, so a member who has left holds nothing.
    members: members.map((m) => ({ ...m, roleIds: rolesOf.get(m.id) ?? [] })),
    backups: backups.map((b) => ({ ...b, lastRestoreTestAt: lastTest.get(b.id) ?? null })),
  }
}
