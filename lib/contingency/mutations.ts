import type { Actor } from '@/lib/actor'
import { writeAudit } from '@/lib/audit'
import type { Db, Tx } from '@/lib/db'
import { setArchivedVersioned, updateVersioned } from '@/lib/records/versioned'
import { Refusal } from '@/lib/result'
import { formatPence } from './money'
import type { AddStepInput, CreatePlanInput, UpdatePlanInput, UpdateStepInput } from './schema'
import { strategyLabel } from './schema'
import { type Direction, inOrder, moveStep as movedPositions, renumber, wouldLoop } from './step-order'

const actorOf = (actor: Actor) => ({ schoolId: actor.schoolId, actorId: actor.userId })

export const ORDER_STALE_MESSAGE =
  'Someone else added, removed or moved steps after you opened this page. Nothing was changed: the list now shows the steps as they are.'

// Plans ------------------------------------------------------------------------------------------

const PLAN_SELECT = {
  id: true,
  name: true,
  strategy: true,
  description: true,
  oneOffCostPence: true,
  yearlyCostPence: true,
  manualWorkaround: true,
  invocationCriteria: true,
  standbySupplier: true,
  standbyContract: true,
  standbyContact: true,
  standbyHowToInvoke: true,
  standbyInvokeCostPence: true,
  archivedAt: true,
  version: true,
  service: { select: { name: true } },
} as const

type PlanRow = {
  strategy: string
  oneOffCostPence: number | null
  yearlyCostPence: number | null
  standbyInvokeCostPence: number | null
  service: { name: string }
}
/** The stored fields (for the form's merge after a stale save) and their words (for the activity log). */
function planRecord<R extends PlanRow>(p: R) {
  const { service, ...rest } = p
  return {
    ...rest,
    service: service.name,
    strategyLabel: strategyLabel(p.strategy),
    oneOffCost: formatPence(p.oneOffCostPence),
    yearlyCost: formatPence(p.yearlyCostPence),
    standbyInvokeCost: formatPence(p.standbyInvokeCostPence),
  }
}

export async function createPlan(db: Db, actor: Actor, input: CreatePlanInput) {
  return db.$transaction(async (tx) => {
    const service = await tx.service.findFirst({
      where: { id: input.serviceId, schoolId: actor.schoolId },
      select: { id: true, name: true, archivedAt: true },
    })
    if (!service)
      throw new Refusal('NOT_FOUND', 'That service was not found.', {
        fieldErrors: { serviceId: ['Choose a service from the list.'] },
      })
    if (service.archivedAt)
      throw new Refusal('CONFLICT', `${service.name} is archived: restore it before planning for it.`, {
        fieldErrors: { serviceId: [`${service.name} is archived.`] },
      })
    const created = await tx.contingencyPlan.create({
      data: {
        ...input.data,
        schoolId: actor.schoolId,
        serviceId: service.id,
        procedure: { create: { schoolId: actor.schoolId } },
      },
      select: PLAN_SELECT,
    })
    await writeAudit(tx, {
      ...actorOf(actor),
      entity: 'ContingencyPlan',
      entityId: created.id,
      action: 'create',
      after: planRecord(created),
    })
    return { id: created.id }
  })
}

export async function updatePlan(db: Db, actor: Actor, input: UpdatePlanInput) {
  return db.$transaction(async (tx) => {
    const where = { id: input.id, schoolId: actor.schoolId }
    const { after } = await updateVersioned(tx, {
      actor,
      entity: 'ContingencyPlan',
      id: input.id,
      version: input.version,
      what: 'contingency plan',
      read: async () => {
        const p = await tx.contingencyPlan.findFirst({ where, select: PLAN_SELECT })
        return p ? planRecord(p) : null
      },
      write: () =>
        tx.contingencyPlan.updateMany({
          where: { ...where, version: input.version },
          data: { ...input.data, version: { increment: 1 } },
        }),
    })
    return { id: input.id, version: after.version }
  })
}

export async function setPlanArchived(
  db: Db,
  actor: Actor,
  input: { id: string; version: number; confirm?: 'yes' },
  archived: boolean,
) {
  return db.$transaction(async (tx) => {
    const where = { id: input.id, schoolId: actor.schoolId }
    return setArchivedVersioned(tx, {
      actor,
      entity: 'ContingencyPlan',
      id: input.id,
      version: input.version,
      what: 'contingency plan',
      archived,
      confirmed: input.confirm === 'yes',
      read: () =>
        tx.contingencyPlan.findFirst({ where, select: { name: true, archivedAt: true, version: true } }),
      write: (archivedAt) =>
        tx.contingencyPlan.updateMany({
          where: { ...where, version: input.version },
          data: { archivedAt, version: { increment: 1 } },
        }),
      consequences: async (before) => {
        const steps = await tx.procedureStep.count({
          where: { schoolId: actor.schoolId, procedure: { planId: input.id } },
        })
        return steps
          ? `${before.name} has ${steps} step${steps === 1 ? '' : 's'}. Archived, the plan and its steps leave the recovery plan and nobody is asked to carry them out. Restoring it brings them back.`
          : null
      },
    })
  })
}

// Procedures and steps ---------------------------------------------------------------------------

const PROCEDURE_SELECT = {
  id: true,
  orderVersion: true,
  plan: { select: { name: true, archivedAt: true, service: { select: { name: true } } } },
  asset: { select: { name: true, archivedAt: true } },
} as const

type ProcedureRow = {
  id: string
  orderVersion: number
  plan: { name: string; archivedAt: Date | null; service: { name: string } } | null
  asset: { name: string; archivedAt: Date | null } | null
}

/** The procedure in words, as the activity log and messages say it. */
export function procedureLabel(p: Pick<ProcedureRow, 'plan' | 'asset'>): string {
  if (p.plan) return `the plan ${p.plan.name} for ${p.plan.service.name}`
  return `the restore procedure of ${p.asset?.name ?? 'an asset'}`
}

/** Takes the procedure's row lock, so that changes to its order run one after another. */
async function lockProcedure(tx: Tx, id: string) {
  await tx.$queryRaw`SELECT id FROM "Procedure" WHERE id = ${id} FOR UPDATE`
}

/**
 * The procedure a new step joins: the plan's (made with the plan), or the asset's restore procedure,
 * made the first time a step is added. Locked for the rest of the transaction.
 */
async function procedureForNewStep(tx: Tx, actor: Actor, input: AddStepInput): Promise<ProcedureRow> {
  if (input.planId) {
    const found = await tx.procedure.findFirst({
      where: { schoolId: actor.schoolId, planId: input.planId },
      select: PROCEDURE_SELECT,
    })
    if (!found) throw new Refusal('NOT_FOUND', 'That contingency plan was not found.')
    if (found.plan?.archivedAt)
      throw new Refusal('CONFLICT', `${found.plan.name} is archived: restore it before adding steps.`)
    await lockProcedure(tx, found.id)
    return found
  }
  const asset = await tx.asset.findFirst({
    where: { id: input.assetId ?? '', schoolId: actor.schoolId },
    select: { id: true, name: true, archivedAt: true },
  })
  if (!asset) throw new Refusal('NOT_FOUND', 'That asset was not found.')
  if (asset.archivedAt)
    throw new Refusal('CONFLICT', `${asset.name} is archived: restore it before adding restore steps.`)
  // Two first steps at once: the unique assetId makes the second upsert find the first's row.
  const p = await tx.procedure.upsert({
    where: { assetId: asset.id },
    create: { schoolId: actor.schoolId, assetId: asset.id },
    update: {},
    select: PROCEDURE_SELECT,
  })
  await lockProcedure(tx, p.id)
  return p
}

/** The role and predecessor a step names must be in the school (and the predecessor in its procedure). */
async function checkStepLinks(
  tx: Tx,
  actor: Actor,
  procedureId: string,
  stepId: string | null,
  data: { recoveryRoleId: string | null; afterStepId: string | null },
) {
  const [role, siblings] = await Promise.all([
    data.recoveryRoleId
      ? tx.recoveryRole.findFirst({
          where: { id: data.recoveryRoleId, schoolId: actor.schoolId, archivedAt: null },
          select: { name: true },
        })
      : null,
    tx.procedureStep.findMany({
      where: { schoolId: actor.schoolId, procedureId },
      select: { id: true, afterStepId: true, position: true, instruction: true },
    }),
  ])
  if (data.recoveryRoleId && !role)
    throw new Refusal('INVALID', 'That recovery role was not found.', {
      fieldErrors: { recoveryRoleId: ['Choose a recovery role from the list.'] },
    })
  const after = data.afterStepId ? siblings.find((s) => s.id === data.afterStepId) : null
  if (data.afterStepId && !after)
    throw new Refusal('INVALID', 'That step is not part of this procedure.', {
      fieldErrors: { afterStepId: ['Choose a step of this procedure.'] },
    })
  if (stepId && wouldLoop(siblings, stepId, data.afterStepId))
    throw new Refusal('INVALID', 'A step cannot wait for itself, directly or through other steps.', {
      fieldErrors: { afterStepId: ['That step already waits for this one: choose another, or none.'] },
    })
  return {
    role: role?.name ?? '',
    after: after ? `step ${inOrder(siblings).findIndex((s) => s.id === after.id) + 1}` : '',
    count: siblings.length,
    last: siblings.reduce((m, s) => Math.max(m, s.position), 0),
  }
}

async function bumpOrder(tx: Tx, id: string) {
  await tx.procedure.update({ where: { id }, data: { orderVersion: { increment: 1 } } })
}

function orderStale(p: { orderVersion: number }, seen: number) {
  if (p.orderVersion !== seen)
    throw new Refusal('STALE', ORDER_STALE_MESSAGE, { current: { orderVersion: p.orderVersion } })
}

/** A short name for a step in the activity log: its instruction's first line, shortened. */
const stepName = (instruction: string) => {
  const first = instruction.split('\n')[0]!.trim()
  return first.length > 80 ? `${first.slice(0, 79)}…` : first
}

/**
 * Adds a step at the end of the procedure. Adding needs no order version: it changes no other step,
 * so two people adding at once both keep their step (the procedure's lock numbers them one after the
 * other); it bumps the order version, so a move based on the list before it is refused.
 */
export async function addStep(db: Db, actor: Actor, input: AddStepInput) {
  return db.$transaction(async (tx) => {
    const procedure = await procedureForNewStep(tx, actor, input)
    const links = await checkStepLinks(tx, actor, procedure.id, null, input)
    const created = await tx.procedureStep.create({
      data: {
        schoolId: actor.schoolId,
        procedureId: procedure.id,
        position: links.last + 1,
        instruction: input.instruction,
        estimatedMinutes: input.estimatedMinutes,
        recoveryRoleId: input.recoveryRoleId,
        afterStepId: input.afterStepId,
      },
      select: { id: true },
    })
    await bumpOrder(tx, procedure.id)
    await writeAudit(tx, {
      ...actorOf(actor),
      entity: 'ProcedureStep',
      entityId: created.id,
      action: 'create',
      after: {
        name: stepName(input.instruction),
        procedure: procedureLabel(procedure),
        instruction: input.instruction,
        estimatedMinutes: input.estimatedMinutes,
        role: links.role,
        after: links.after,
        position: String(links.count + 1),
      },
    })
    return { id: created.id }
  })
}

const STEP_SELECT = {
  id: true,
  procedureId: true,
  instruction: true,
  estimatedMinutes: true,
  recoveryRoleId: true,
  afterStepId: true,
  version: true,
  recoveryRole: { select: { name: true } },
  afterStep: { select: { position: true } },
  procedure: { select: PROCEDURE_SELECT },
} as const

/** Changes a step's words, time, role or predecessor; its place in the order is not touched. */
export async function updateStep(db: Db, actor: Actor, input: UpdateStepInput) {
  return db.$transaction(async (tx) => {
    const where = { id: input.id, schoolId: actor.schoolId }
    const read = async () => {
      const s = await tx.procedureStep.findFirst({ where, select: STEP_SELECT })
      if (!s) return null
      const { recoveryRole, afterStep, procedure, ...rest } = s
      return {
        ...rest,
        name: stepName(s.instruction),
        procedure: procedureLabel(procedure),
        role: recoveryRole?.name ?? '',
        after: afterStep ? `the step at place ${afterStep.position}` : '',
      }
    }
    const { after } = await updateVersioned(tx, {
      actor,
      entity: 'ProcedureStep',
      id: input.id,
      version: input.version,
      what: 'step',
      read,
      check: async (before) => {
        await checkStepLinks(tx, actor, before.procedureId, input.id, input)
      },
      write: () =>
        tx.procedureStep.updateMany({
          where: { ...where, version: input.version },
          data: {
            instruction: input.instruction,
            estimatedMinutes: input.estimatedMinutes,
            recoveryRoleId: input.recoveryRoleId,
            afterStepId: input.afterStepId,
            version: { increment: 1 },
          },
        }),
    })
    return { id: input.id, version: after.version }
  })
}

/** The step and its procedure, locked, with the order the person saw checked. */
async function stepForOrderChange(tx: Tx, actor: Actor, id: string, orderVersion: number) {
  const step = await tx.procedureStep.findFirst({
    where: { id, schoolId: actor.schoolId },
    select: { id: true, instruction: true, position: true, procedureId: true },
  })
  if (!step) throw new Refusal('NOT_FOUND', 'That step was not found.')
  await lockProcedure(tx, step.procedureId)
  const procedure = await tx.procedure.findUniqueOrThrow({
    where: { id: step.procedureId },
    select: PROCEDURE_SELECT,
  })
  orderStale(procedure, orderVersion)
  const siblings = await tx.procedureStep.findMany({
    where: { schoolId: actor.schoolId, procedureId: step.procedureId },
    select: { id: true, position: true },
  })
  return { step, procedure, siblings }
}

async function writePositions(tx: Tx, schoolId: string, changes: { id: string; position: number }[]) {
  // Positions are not unique, so the new numbers can be written one by one in any order. A move
  // changes the order, not the step: its version (which guards its words) is left alone.
  for (const c of changes)
    await tx.procedureStep.updateMany({ where: { id: c.id, schoolId }, data: { position: c.position } })
}

/** Moves a step one place up or down, naming the order the person saw. */
export async function moveStep(
  db: Db,
  actor: Actor,
  input: { id: string; direction: Direction; orderVersion: number },
) {
  return db.$transaction(async (tx) => {
    const { step, procedure, siblings } = await stepForOrderChange(tx, actor, input.id, input.orderVersion)
    const changes = movedPositions(siblings, step.id, input.direction)
    if (!changes)
      throw new Refusal('CONFLICT', `That step is already ${input.direction === 'up' ? 'first' : 'last'}.`)
    await writePositions(tx, actor.schoolId, changes)
    await bumpOrder(tx, procedure.id)
    const now = changes.find((c) => c.id === step.id)!.position
    await writeAudit(tx, {
      ...actorOf(actor),
      entity: 'ProcedureStep',
      entityId: step.id,
      action: 'move',
      before: { name: stepName(step.instruction), procedure: procedureLabel(procedure) },
      after: {
        name: stepName(step.instruction),
        procedure: procedureLabel(procedure),
        direction: input.direction,
        position: String(now),
      },
    })
    return { orderVersion: procedure.orderVersion + 1 }
  })
}

/** Removes a step and closes the gap; steps that waited for it no longer wait for anything. */
export async function removeStep(db: Db, actor: Actor, input: { id: string; orderVersion: number }) {
  return db.$transaction(async (tx) => {
    const { step, procedure, siblings } = await stepForOrderChange(tx, actor, input.id, input.orderVersion)
    const full = await tx.procedureStep.findUniqueOrThrow({
      where: { id: step.id },
      select: { instruction: true, estimatedMinutes: true, recoveryRole: { select: { name: true } } },
    })
    await tx.procedureStep.delete({ where: { id: step.id } })
    await writePositions(tx, actor.schoolId, renumber(inOrder(siblings.filter((s) => s.id !== step.id))))
    await bumpOrder(tx, procedure.id)
    await writeAudit(tx, {
      ...actorOf(actor),
      entity: 'ProcedureStep',
      entityId: step.id,
      action: 'delete',
      before: {
        name: stepName(full.instruction),
        procedure: procedureLabel(procedure),
        instruction: full.instruction,
        estimatedMinutes: full.estimatedMinutes,
        role: full.recoveryRole?.name ?? '',
      },
    })
    return { orderVersion: procedure.orderVersion + 1 }
  })
}
