import 'server-only'
import { db } from '@/lib/db'
import type { Prisma } from '@/lib/generated/prisma/client'
import { loadPlanSnapshot } from '@/lib/plan/queries'
import type { PlanListParams } from './list-params'
import { inOrder, listedBeforeTheirPredecessor, totalMinutes } from './step-order'

/** Live services in recovery priority (criticality, then RTO, then name). */
const PRIORITY = [
  { criticality: 'asc' },
  { rtoMinutes: 'asc' },
  { name: 'asc' },
] as const satisfies Prisma.ServiceOrderByWithRelationInput[]

const PLAN_SUMMARY = {
  id: true,
  name: true,
  strategy: true,
  oneOffCostPence: true,
  yearlyCostPence: true,
  procedure: { select: { _count: { select: { steps: true } } } },
} as const

/**
 * Every live service with its live contingency plans, in one query whatever the number of services:
 * the plans list, where a service with no plan shows plainly.
 */
export async function listPlansByService(schoolId: string, p: Pick<PlanListParams, 'q' | 'show'>) {
  const services = await db.service.findMany({
    where: {
      schoolId,
      archivedAt: null,
      ...(p.q ? { name: { contains: p.q, mode: 'insensitive' } } : {}),
      ...(p.show === 'unplanned' ? { contingencyPlans: { none: { archivedAt: null } } } : {}),
    },
    orderBy: [...PRIORITY],
    select: {
      id: true,
      name: true,
      criticality: true,
      rtoMinutes: true,
      contingencyPlans: { where: { archivedAt: null }, orderBy: { name: 'asc' }, select: PLAN_SUMMARY },
    },
  })
  return services.map(({ contingencyPlans, ...s }) => ({
    ...s,
    plans: contingencyPlans.map(({ procedure, ...plan }) => ({
      ...plan,
      steps: procedure?._count.steps ?? 0,
    })),
  }))
}
export type ServicePlans = Awaited<ReturnType<typeof listPlansByService>>[number]

/** A service's plans for its own page (archived ones too, marked), in one query. */
export async function listServicePlans(schoolId: string, serviceId: string) {
  const plans = await db.contingencyPlan.findMany({
    where: { schoolId, serviceId },
    orderBy: [{ archivedAt: { sort: 'asc', nulls: 'first' } }, { name: 'asc' }],
    select: { ...PLAN_SUMMARY, archivedAt: true },
  })
  return plans.map(({ procedure, ...plan }) => ({ ...plan, steps: procedure?._count.steps ?? 0 }))
}

/** Live services to choose from when adding a plan. */
export async function listServiceOptions(schoolId: string) {
  return db.service.findMany({
    where: { schoolId, archivedAt: null },
    orderBy: [...PRIORITY],
    select: { id: true, name: true },
  })
}

/** The school's live recovery roles, to give a step to. */
export async function listRoleOptions(schoolId: string) {
  return db.recoveryRole.findMany({
    where: { schoolId, archivedAt: null },
    orderBy: [{ builtIn: { sort: 'asc', nulls: 'last' } }, { name: 'asc' }],
    select: { id: true, name: true },
  })
}

const STEP_VIEW = {
  id: true,
  position: true,
  instruction: true,
  estimatedMinutes: true,
  recoveryRoleId: true,
  afterStepId: true,
  version: true,
  recoveryRole: { select: { name: true, archivedAt: true } },
} as const

type StepRow = Prisma.ProcedureStepGetPayload<{ select: typeof STEP_VIEW }>

/** Steps in order, each with its number, its predecessor's number, and whether it is listed too early. */
function stepsView(rows: StepRow[]) {
  const ordered = inOrder(rows)
  const number = new Map(ordered.map((s, k) => [s.id, k + 1]))
  const early = listedBeforeTheirPredecessor(ordered)
  return {
    steps: ordered.map((s) => ({
      ...s,
      number: number.get(s.id)!,
      afterNumber: s.afterStepId ? (number.get(s.afterStepId) ?? null) : null,
      listedTooEarly: early.has(s.id),
      role: s.recoveryRole && !s.recoveryRole.archivedAt ? s.recoveryRole.name : null,
    })),
    totalMinutes: totalMinutes(ordered),
    unassigned: ordered.filter((s) => !s.recoveryRole || s.recoveryRole.archivedAt).length,
  }
}
export type ProcedureView = ReturnType<typeof stepsView> & { orderVersion: number }

/**
 * A plan's page: the plan, its service, its steps in order, and (for someone who can edit) the roles
 * to choose from. Three queries whatever the number of steps. Null when the school has no such plan.
 */
export async function getPlanView(schoolId: string, id: string, opts: { edit: boolean }) {
  const plan = await db.contingencyPlan.findFirst({
    where: { id, schoolId },
    select: {
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
      updatedAt: true,
      service: { select: { id: true, name: true, rtoMinutes: true, criticality: true, archivedAt: true } },
    },
  })
  if (!plan) return null
  const [procedure, roles] = await Promise.all([
    db.procedure.findFirst({
      where: { schoolId, planId: plan.id },
      select: { orderVersion: true, steps: { select: STEP_VIEW } },
    }),
    opts.edit ? listRoleOptions(schoolId) : [],
  ])
  return {
    plan,
    procedure: { ...stepsView(procedure?.steps ?? []), orderVersion: procedure?.orderVersion ?? 1 },
    roles,
  }
}
export type PlanView = NonNullable<Awaited<ReturnType<typeof getPlanView>>>

/** An asset's restore procedure (empty until its first step), with the roles for someone who can edit. */
export async function getRestoreProcedure(schoolId: string, assetId: string, opts: { edit: boolean }) {
  const asset = await db.asset.findFirst({
    where: { id: assetId, schoolId },
    select: {
      id: true,
      name: true,
      type: true,
      archivedAt: true,
      restoreProcedure: { select: { orderVersion: true, steps: { select: STEP_VIEW } } },
    },
  })
  if (!asset) return null
  const roles = opts.edit ? await listRoleOptions(schoolId) : []
  const { restoreProcedure, ...rest } = asset
  return {
    asset: rest,
    procedure: {
      ...stepsView(restoreProcedure?.steps ?? []),
      orderVersion: restoreProcedure?.orderVersion ?? 1,
    },
    roles,
  }
}
export type RestoreProcedureView = NonNullable<Awaited<ReturnType<typeof getRestoreProcedure>>>

/** How many steps an asset's restore procedure has (for the asset page). */
export async function countRestoreSteps(schoolId: string, assetId: string) {
  return db.procedureStep.count({ where: { schoolId, procedure: { assetId } } })
}

/**
 * Everything the recovery plan (issue 11) needs from this domain, in two queries whatever the size of
 * the school: each live service's live plans, and every procedure (a plan's or an asset's restore)
 * with its steps in order and the role that carries each out.
 */
export async function loadContingency(schoolId: string) {
  const [plans, procedures] = await Promise.all([
    db.contingencyPlan.findMany({
      where: { schoolId, archivedAt: null, service: { archivedAt: null } },
      orderBy: [{ serviceId: 'asc' }, { name: 'asc' }],
      select: {
        id: true,
        serviceId: true,
        name: true,
        strategy: true,
        manualWorkaround: true,
        invocationCriteria: true,
        standbySupplier: true,
        standbyContract: true,
        standbyContact: true,
        standbyHowToInvoke: true,
        standbyInvokeCostPence: true,
        oneOffCostPence: true,
        yearlyCostPence: true,
      },
    }),
    db.procedure.findMany({
      where: { schoolId },
      select: {
        planId: true,
        assetId: true,
        steps: {
          orderBy: [{ position: 'asc' }, { id: 'asc' }],
          select: {
            id: true,
            instruction: true,
            estimatedMinutes: true,
            recoveryRoleId: true,
            afterStepId: true,
          },
        },
      },
    }),
  ])
  return { plans, procedures }
}

const MY_STEP = {
  id: true,
  position: true,
  instruction: true,
  estimatedMinutes: true,
  recoveryRole: { select: { name: true } },
  afterStep: { select: { position: true } },
} as const

/**
 * "My procedures" (issue 10, item 6): the steps one team member carries out, from the roles they hold.
 * `who` is the member's id (a manager's view of anyone) or the signed-in user's id (their own view; "me"
 * is found from the login, never from a posted id). Per live service, in recovery order (criticality,
 * then RTO, then name, until the recovery plan engine in lib/plan is wired), each live plan with the
 * member's steps and what they need to act: the manual workaround, when to invoke, the standby supplier
 * and how to reach them; then the asset restore procedures with their steps. A member who has left holds
 * no role here and sees nothing. Three queries whatever the number of steps; null when the school has no
 * such member.
 */
export async function getMemberSteps(schoolId: string, who: { memberId: string } | { userId: string }) {
  const member = await db.teamMember.findFirst({
    where:
      'memberId' in who
        ? { id: who.memberId, schoolId }
        : { schoolId, membership: { userId: who.userId, schoolId } },
    select: {
      id: true,
      name: true,
      jobTitle: true,
      leftAt: true,
      roles: { select: { role: { select: { id: true, name: true, archivedAt: true } } } },
    },
  })
  if (!member) return null
  const roles = member.leftAt
    ? []
    : member.roles
        .map((r) => r.role)
        .filter((r) => !r.archivedAt)
        .map(({ id, name }) => ({ id, name }))
        .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
  const mine = { recoveryRoleId: { in: roles.map((r) => r.id) } }
  const stepsOf = {
    where: mine,
    orderBy: [{ position: 'asc' }, { id: 'asc' }],
    select: MY_STEP,
  } satisfies Prisma.Procedure$stepsArgs
  const livePlan = { archivedAt: null, procedure: { steps: { some: mine } } }
  const [services, assets, plan] = roles.length
    ? await Promise.all([
        db.service.findMany({
          where: { schoolId, archivedAt: null, contingencyPlans: { some: livePlan } },
          // Re-sorted below into the engine's recovery order; this only makes ties stable.
          orderBy: [...PRIORITY, { id: 'asc' }],
          select: {
            id: true,
            name: true,
            criticality: true,
            rtoMinutes: true,
            contingencyPlans: {
              where: livePlan,
              orderBy: [{ name: 'asc' }, { id: 'asc' }],
              select: {
                id: true,
                name: true,
                manualWorkaround: true,
                invocationCriteria: true,
                standbySupplier: true,
                standbyContract: true,
                standbyContact: true,
                standbyHowToInvoke: true,
                procedure: { select: { _count: { select: { steps: true } }, steps: stepsOf } },
              },
            },
          },
        }),
        db.asset.findMany({
          where: { schoolId, archivedAt: null, restoreProcedure: { steps: { some: mine } } },
          orderBy: [{ name: 'asc' }, { id: 'asc' }],
          select: {
            id: true,
            name: true,
            type: true,
            supplier: true,
            contractRef: true,
            standbyArrangement: true,
            restoreProcedure: { select: { _count: { select: { steps: true } }, steps: stepsOf } },
          },
        }),
        // The recovery order is the engine's (lib/plan): the same plan the plan page shows, cached per
        // school, so this costs one query while nothing the plan is built from has changed.
        loadPlanSnapshot(schoolId),
      ])
    : [[], [], null]
  if (plan) {
    // Services in recovery order; assets in restore order, then (not needed by any live service) by name.
    const servicePosition = new Map(plan.services.map((x) => [x.id, x.position]))
    const assetPosition = new Map(plan.assets.map((x) => [x.id, x.position]))
    const at = (positions: Map<string, number>, id: string) => positions.get(id) ?? Number.POSITIVE_INFINITY
    services.sort((a, b) => at(servicePosition, a.id) - at(servicePosition, b.id))
    assets.sort((a, b) => at(assetPosition, a.id) - at(assetPosition, b.id))
  }
  const step = (s: Prisma.ProcedureStepGetPayload<{ select: typeof MY_STEP }>) => ({
    id: s.id,
    number: s.position,
    instruction: s.instruction,
    estimatedMinutes: s.estimatedMinutes,
    role: s.recoveryRole?.name ?? '',
    afterNumber: s.afterStep?.position ?? null,
  })
  const serviceRows = services.map(({ contingencyPlans, ...s }) => ({
    ...s,
    plans: contingencyPlans.map(({ procedure, ...p }) => ({
      ...p,
      totalSteps: procedure?._count.steps ?? 0,
      steps: (procedure?.steps ?? []).map(step),
    })),
  }))
  const assetRows = assets.map(({ restoreProcedure, ...a }) => ({
    ...a,
    totalSteps: restoreProcedure?._count.steps ?? 0,
    steps: (restoreProcedure?.steps ?? []).map(step),
  }))
  const all = [
    ...serviceRows.flatMap((s) => s.plans.flatMap((p) => p.steps)),
    ...assetRows.flatMap((a) => a.steps),
  ]
  return {
    member: { id: member.id, name: member.name, jobTitle: member.jobTitle, leftAt: member.leftAt },
    roles,
    services: serviceRows,
    assets: assetRows,
    stepCount: all.length,
    totalMinutes: all.reduce((n, s) => n + s.estimatedMinutes, 0),
  }
}
export type MemberSteps = NonNullable<Awaited<ReturnType<typeof getMemberSteps>>>
