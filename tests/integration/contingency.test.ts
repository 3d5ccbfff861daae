/*
 * Contingency plans and their steps, through the real actions on a real database: what is stored, the
 * audit rows, and the refusals (another school, a role that may not, a stale version, a reorder that
 * crosses someone else's edit of a step's words).
 */
import { beforeEach, describe, expect, it } from 'vitest'
import type { SchoolContext } from '@/lib/auth/school-context'
import {
  addStepAction,
  archivePlanAction,
  createPlanAction,
  moveStepAction,
  removeStepAction,
  restorePlanAction,
  updatePlanAction,
  updateStepAction,
} from '@/lib/contingency/actions'
import { db } from '@/lib/db'
import { contextFor, form, makeAsset, makeMember, makeSchool, makeService } from '../support/factories'
import { asUser } from '../support/session'
import { databaseSnapshot } from '../support/snapshot'

const PLAN = {
  name: 'Server failure or ransomware',
  strategy: 'INTERMEDIATE',
  description: 'Restore the MIS onto the supplier standby server.',
  oneOffCost: '£1,200',
  yearlyCost: '350.50',
  manualWorkaround: 'Paper registers; phone cascade to parents.',
  invocationCriteria: 'MIS down for more than 2 hours in term time; the manager decides.',
  standbySupplier: 'Acme IT',
  standbyContract: 'ACME-SB-7',
  standbyContact: 'Service desk 0161 000 0000',
  standbyHowToInvoke: 'Phone the service desk and quote the contract.',
  standbyInvokeCost: '500',
}

let manager: SchoolContext
let schoolId: string
let serviceId: string

beforeEach(async () => {
  const school = await makeSchool()
  schoolId = school.id
  manager = await contextFor((await makeMember(school.id, 'MANAGER')).user.id, school.id)
  serviceId = (await makeService(school.id, { name: 'MIS' })).id
  asUser(manager)
})

async function plan(fields: Record<string, string> = {}) {
  const r = await createPlanAction(null, form({ ...PLAN, serviceId, ...fields }))
  if (!r.ok) throw new Error(JSON.stringify(r))
  return r.data.id
}

async function role(name: string, school = schoolId) {
  return (await db.recoveryRole.create({ data: { schoolId: school, name } })).id
}

async function steps(planId: string) {
  return db.procedureStep.findMany({
    where: { procedure: { planId } },
    orderBy: { position: 'asc' },
    select: {
      id: true,
      position: true,
      instruction: true,
      version: true,
      recoveryRoleId: true,
      afterStepId: true,
    },
  })
}
const orderVersion = async (planId: string) =>
  (await db.procedure.findUniqueOrThrow({ where: { planId } })).orderVersion

async function step(planId: string, instruction: string, extra: Record<string, string | number> = {}) {
  const r = await addStepAction(null, form({ planId, instruction, estimatedMinutes: 15, ...extra }))
  if (!r.ok) throw new Error(JSON.stringify(r))
  return r.data.id
}

describe('plans', () => {
  it('stores a plan with costs in pence, its procedure and a readable audit row', async () => {
    const id = await plan()
    const stored = await db.contingencyPlan.findUniqueOrThrow({ where: { id }, include: { procedure: true } })
    expect(stored).toMatchObject({
      schoolId,
      serviceId,
      strategy: 'INTERMEDIATE',
      oneOffCostPence: 120000,
      yearlyCostPence: 35050,
      standbyInvokeCostPence: 50000,
      standbySupplier: 'Acme IT',
      version: 1,
    })
    expect(stored.procedure).toMatchObject({ schoolId, orderVersion: 1 })
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: id } })
    expect(audit).toMatchObject({ entity: 'ContingencyPlan', action: 'create' })
    expect(audit.after).toMatchObject({
      strategyLabel: 'Intermediate recovery (warm standby)',
      oneOffCost: '£1,200',
    })
  })

  it('allows several plans for one service, for different threats', async () => {
    await plan()
    await plan({ name: 'Loss of the building', strategy: 'RECIPROCAL' })
    expect(await db.contingencyPlan.count({ where: { serviceId } })).toBe(2)
  })

  it('refuses a bad cost beside its field and stores nothing', async () => {
    const before = await databaseSnapshot()
    const r = await createPlanAction(null, form({ ...PLAN, serviceId, yearlyCost: 'lots' }))
    expect(r).toMatchObject({ ok: false, reason: 'INVALID' })
    if (!r.ok) {
      expect(r.fieldErrors?.yearlyCost?.[0]).toMatch(/pounds/)
      expect(r.values?.yearlyCost).toBe('lots')
      expect(r.values?.strategy).toBe('INTERMEDIATE')
    }
    expect(await databaseSnapshot()).toEqual(before)
  })

  it("refuses another school's service as not found", async () => {
    const other = await makeSchool()
    const theirs = await makeService(other.id)
    const before = await databaseSnapshot()
    const r = await createPlanAction(null, form({ ...PLAN, serviceId: theirs.id }))
    expect(r).toMatchObject({ ok: false, reason: 'NOT_FOUND' })
    expect(await databaseSnapshot()).toEqual(before)
  })

  it('updates by version and refuses a stale version with the stored plan', async () => {
    const id = await plan()
    const ok = await updatePlanAction(
      null,
      form({ ...PLAN, id, version: 1, strategy: 'FAST', yearlyCost: '' }),
    )
    expect(ok).toMatchObject({ ok: true, data: { version: 2 } })
    expect(await db.contingencyPlan.findUniqueOrThrow({ where: { id } })).toMatchObject({
      strategy: 'FAST',
      yearlyCostPence: null,
    })
    const before = await databaseSnapshot()
    const stale = await updatePlanAction(null, form({ ...PLAN, id, version: 1, name: 'Mine' }))
    expect(stale).toMatchObject({ ok: false, reason: 'STALE', current: { strategy: 'FAST', version: 2 } })
    expect(await databaseSnapshot()).toEqual(before)
  })

  it('archives (asking first when it has steps) and restores', async () => {
    const id = await plan()
    await step(id, 'Phone the supplier')
    const ask = await archivePlanAction(null, form({ id, version: 1 }))
    expect(ask).toMatchObject({ ok: false, reason: 'NEEDS_CONFIRMATION' })
    expect(await archivePlanAction(null, form({ id, version: 1, confirm: 'yes' }))).toMatchObject({
      ok: true,
    })
    expect((await db.contingencyPlan.findUniqueOrThrow({ where: { id } })).archivedAt).not.toBeNull()
    expect(await restorePlanAction(null, form({ id, version: 2 }))).toMatchObject({ ok: true })
    expect((await db.contingencyPlan.findUniqueOrThrow({ where: { id } })).archivedAt).toBeNull()
  })

  it('answers not found for a plan of another school, and changes nothing', async () => {
    const id = await plan()
    const other = await makeSchool()
    asUser(await contextFor((await makeMember(other.id, 'MANAGER')).user.id, other.id))
    const before = await databaseSnapshot()
    for (const r of [
      await updatePlanAction(null, form({ ...PLAN, id, version: 1 })),
      await archivePlanAction(null, form({ id, version: 1, confirm: 'yes' })),
      await addStepAction(null, form({ planId: id, instruction: 'x', estimatedMinutes: 5 })),
    ])
      expect(r).toMatchObject({ ok: false, reason: 'NOT_FOUND' })
    expect(await databaseSnapshot()).toEqual(before)
  })

  it('lets a head teacher read but not change a plan', async () => {
    const id = await plan()
    asUser(await contextFor((await makeMember(schoolId, 'HEAD')).user.id, schoolId))
    const before = await databaseSnapshot()
    expect(await updatePlanAction(null, form({ ...PLAN, id, version: 1, name: 'Head' }))).toMatchObject({
      ok: false,
      reason: 'NOT_FOUND',
    })
    expect(await databaseSnapshot()).toEqual(before)
  })
})

describe('steps', () => {
  it('adds steps at the end, with a role and a predecessor, and audits each', async () => {
    const id = await plan()
    const tech = await role('Technician')
    const a = await step(id, 'Phone the supplier', { recoveryRoleId: tech })
    const b = await step(id, 'Restore last night’s backup', { estimatedMinutes: 90, afterStepId: a })
    expect((await steps(id)).map((s) => [s.id, s.position, s.recoveryRoleId, s.afterStepId])).toEqual([
      [a, 1, tech, null],
      [b, 2, null, a],
    ])
    expect(await orderVersion(id)).toBe(3)
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: a } })
    expect(audit.after).toMatchObject({
      procedure: `the plan ${PLAN.name} for MIS`,
      role: 'Technician',
      estimatedMinutes: 15,
    })
  })

  it("refuses another school's role and a predecessor from another procedure, beside the field", async () => {
    const id = await plan()
    const other = await makeSchool()
    const theirRole = await role('Technician', other.id)
    const otherPlan = await plan({ name: 'Another' })
    const elsewhere = await step(otherPlan, 'Elsewhere')
    const before = await databaseSnapshot()
    const r1 = await addStepAction(
      null,
      form({ planId: id, instruction: 'x', estimatedMinutes: 5, recoveryRoleId: theirRole }),
    )
    expect(r1).toMatchObject({ ok: false, fieldErrors: { recoveryRoleId: [expect.any(String)] } })
    const r2 = await addStepAction(
      null,
      form({ planId: id, instruction: 'x', estimatedMinutes: 5, afterStepId: elsewhere }),
    )
    expect(r2).toMatchObject({ ok: false, fieldErrors: { afterStepId: [expect.any(String)] } })
    expect(await databaseSnapshot()).toEqual(before)
  })

  it('refuses a predecessor that makes a loop', async () => {
    const id = await plan()
    const a = await step(id, 'A')
    const b = await step(id, 'B', { afterStepId: a })
    const r = await updateStepAction(
      null,
      form({ id: a, version: 1, instruction: 'A', estimatedMinutes: 15, afterStepId: b }),
    )
    expect(r).toMatchObject({
      ok: false,
      reason: 'INVALID',
      fieldErrors: { afterStepId: [expect.any(String)] },
    })
  })

  it('refuses an empty instruction and a non-number of minutes, keeping what was typed', async () => {
    const id = await plan()
    const r = await addStepAction(null, form({ planId: id, instruction: '  ', estimatedMinutes: 'ten' }))
    expect(r).toMatchObject({ ok: false, reason: 'INVALID', values: { estimatedMinutes: 'ten' } })
    if (!r.ok) expect(Object.keys(r.fieldErrors ?? {}).sort()).toEqual(['estimatedMinutes', 'instruction'])
  })

  it('moves a step up and down by the order version, closing no gaps wrongly', async () => {
    const id = await plan()
    const [a, b, c] = [await step(id, 'A'), await step(id, 'B'), await step(id, 'C')]
    let v = await orderVersion(id)
    expect(await moveStepAction(null, form({ id: c, direction: 'up', orderVersion: v }))).toMatchObject({
      ok: true,
    })
    expect((await steps(id)).map((s) => s.id)).toEqual([a, c, b])
    v = await orderVersion(id)
    expect(await moveStepAction(null, form({ id: a, direction: 'down', orderVersion: v }))).toMatchObject({
      ok: true,
    })
    expect((await steps(id)).map((s) => [s.id, s.position])).toEqual([
      [c, 1],
      [a, 2],
      [b, 3],
    ])
    const edge = await moveStepAction(
      null,
      form({ id: c, direction: 'up', orderVersion: await orderVersion(id) }),
    )
    expect(edge).toMatchObject({ ok: false, reason: 'CONFLICT' })
    const audit = await db.auditEvent.findMany({ where: { entity: 'ProcedureStep', action: 'move' } })
    expect(audit).toHaveLength(2)
  })

  it('refuses a move based on an order someone else has since changed, and moves nothing', async () => {
    const id = await plan()
    const [a, b] = [await step(id, 'A'), await step(id, 'B')]
    const seen = await orderVersion(id)
    expect(await moveStepAction(null, form({ id: b, direction: 'up', orderVersion: seen }))).toMatchObject({
      ok: true,
    })
    const before = await databaseSnapshot()
    const r = await moveStepAction(null, form({ id: b, direction: 'up', orderVersion: seen }))
    expect(r).toMatchObject({ ok: false, reason: 'STALE', current: { orderVersion: seen + 1 } })
    expect(await databaseSnapshot()).toEqual(before)
    expect((await steps(id)).map((s) => s.id)).toEqual([b, a])
  })

  it('keeps a concurrent edit of a step’s words when another person reorders, in either order', async () => {
    const id = await plan()
    const [a, b] = [await step(id, 'Phone supplier'), await step(id, 'Restore backup')]
    const seenOrder = await orderVersion(id)
    // Both opened the page at the same moment: one moves B up, the other rewrites B.
    const [moved, edited] = await Promise.all([
      moveStepAction(null, form({ id: b, direction: 'up', orderVersion: seenOrder })),
      updateStepAction(
        null,
        form({ id: b, version: 1, instruction: 'Restore last night’s backup', estimatedMinutes: 45 }),
      ),
    ])
    expect(moved).toMatchObject({ ok: true })
    expect(edited).toMatchObject({ ok: true })
    const after = await steps(id)
    expect(after.map((s) => [s.id, s.instruction])).toEqual([
      [b, 'Restore last night’s backup'],
      [a, 'Phone supplier'],
    ])
    // And the other way round: an edit based on the step's version before a move still saves.
    const v = (await db.procedureStep.findUniqueOrThrow({ where: { id: a } })).version
    expect(
      await moveStepAction(null, form({ id: a, direction: 'up', orderVersion: await orderVersion(id) })),
    ).toMatchObject({
      ok: true,
    })
    expect(
      await updateStepAction(
        null,
        form({ id: a, version: v, instruction: 'Phone Acme', estimatedMinutes: 10 }),
      ),
    ).toMatchObject({
      ok: true,
    })
    expect((await steps(id)).map((s) => s.instruction)).toEqual(['Phone Acme', 'Restore last night’s backup'])
  })

  it('refuses a stale edit of a step’s words with the stored step', async () => {
    const id = await plan()
    const a = await step(id, 'A')
    await updateStepAction(null, form({ id: a, version: 1, instruction: 'Theirs', estimatedMinutes: 15 }))
    const before = await databaseSnapshot()
    const r = await updateStepAction(
      null,
      form({ id: a, version: 1, instruction: 'Mine', estimatedMinutes: 15 }),
    )
    expect(r).toMatchObject({ ok: false, reason: 'STALE', current: { instruction: 'Theirs', version: 2 } })
    expect(await databaseSnapshot()).toEqual(before)
  })

  it('removes a step, renumbers the rest and frees steps that waited for it', async () => {
    const id = await plan()
    const a = await step(id, 'A')
    const b = await step(id, 'B')
    const c = await step(id, 'C', { afterStepId: b })
    expect(await removeStepAction(null, form({ id: b, orderVersion: await orderVersion(id) }))).toMatchObject(
      { ok: true },
    )
    expect((await steps(id)).map((s) => [s.id, s.position, s.afterStepId])).toEqual([
      [a, 1, null],
      [c, 2, null],
    ])
    const stale = await removeStepAction(null, form({ id: a, orderVersion: 1 }))
    expect(stale).toMatchObject({ ok: false, reason: 'STALE' })
  })

  it("adds steps to an asset's restore procedure, made with its first step", async () => {
    const asset = await makeAsset(schoolId, { name: 'MIS database', type: 'DATA' })
    const r = await addStepAction(
      null,
      form({ assetId: asset.id, instruction: 'Restore from cloud', estimatedMinutes: 60 }),
    )
    if (!r.ok) throw new Error(r.message)
    const p = await db.procedure.findUniqueOrThrow({ where: { assetId: asset.id }, include: { steps: true } })
    expect(p.steps.map((s) => s.instruction)).toEqual(['Restore from cloud'])
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { entity: 'ProcedureStep', entityId: r.data.id },
    })
    expect(audit.after).toMatchObject({ procedure: 'the restore procedure of MIS database' })
  })

  it("refuses a step for another school's asset, and for both or neither owner", async () => {
    const other = await makeSchool()
    const theirs = await makeAsset(other.id)
    const before = await databaseSnapshot()
    expect(
      await addStepAction(null, form({ assetId: theirs.id, instruction: 'x', estimatedMinutes: 5 })),
    ).toMatchObject({
      ok: false,
      reason: 'NOT_FOUND',
    })
    expect(await addStepAction(null, form({ instruction: 'x', estimatedMinutes: 5 }))).toMatchObject({
      ok: false,
      reason: 'INVALID',
    })
    expect(await databaseSnapshot()).toEqual(before)
  })
})
