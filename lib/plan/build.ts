/**
 * The live recovery plan as a {@link PlanSnapshot}: from the rows the loader read (`queries.ts`), through the
 * engine (`order.ts`, `estimate.ts`), to everything the plan page, a published version and the PDF print, by
 * value and in words (issue 11, item 3).
 *
 * Pure: no Prisma, no clock. The loader passes only live records (no archived services, assets, plans,
 * backups or roles) and only current team members (a member who has left holds nothing), and stamps the
 * version number and the moment itself, so the same rows always give the same body.
 */
import { formatDuration } from '@/lib/catalogue/durations'
import { byId, nameCollator } from '@/lib/catalogue/graph'
import { estimateRecovery, type ServiceEstimate } from './estimate'
import { type Loop, type RecoveryInput, type RecoveryOrder, recoveryOrder } from './order'
import {
  type GapKind,
  type PlanSnapshot,
  SNAPSHOT_SCHEMA,
  type SnapshotAsset,
  type SnapshotBackup,
  type SnapshotGap,
  type SnapshotMember,
  type SnapshotPlan,
  type SnapshotRole,
  type SnapshotService,
  type SnapshotStep,
  type SnapshotSupplier,
} from './snapshot'

// ---------------------------------------------------------------------------------------------------------
// Input: plain rows, shaped like the loader's `select`s.

export type BuildRows = {
  school: { id: string; name: string; timeZone: string }
  /** Live services. */
  services: {
    id: string
    name: string
    criticality: number
    rtoMinutes: number
    rpoMinutes: number
    minServiceLevel: string
  }[]
  /** Live assets. */
  assets: {
    id: string
    name: string
    type: string
    location: string
    supplier: string
    contractRef: string
  }[]
  needs: { serviceId: string; assetId: string; required: boolean }[]
  edges: { assetId: string; dependsOnId: string }[]
  /** Live contingency plans; `strategy` is the enum value. */
  plans: {
    id: string
    serviceId: string
    name: string
    strategy: string
    description: string
    manualWorkaround: string
    invocationCriteria: string
    standbySupplier: string
    standbyContract: string
    standbyContact: string
    standbyHowToInvoke: string
  }[]
  /** Steps of plans' and assets' procedures; `planId` or `assetId` names the owner. */
  steps: {
    id: string
    planId: string | null
    assetId: string | null
    position: number
    instruction: string
    minutes: number
    roleId: string | null
    afterStepId: string | null
  }[]
  /** Live recovery roles. */
  roles: { id: string; name: string; builtIn: string | null }[]
  /** Current team members (not left), with the ids of the live roles they hold. */
  members: {
    id: string
    name: string
    jobTitle: string
    mobile: string
    otherPhone: string
    personalEmail: string
    outOfHoursNotes: string
    fallbackContact: string
    roleIds: string[]
  }[]
  /** Live backups of an asset or a service; the date of the last passed restore test, if any. */
  backups: {
    id: string
    name: string
    assetId: string | null
    serviceId: string | null
    location: string
    medium: string
    offline: boolean
    frequencyMinutes: number
    lastRestoreTestAt: Date | null
  }[]
}

/** Everything in a snapshot but its stamp, which the caller sets per request (a cached body is shared). */
export type PlanBody = Omit<PlanSnapshot, 'version' | 'takenAt'>

export const STRATEGY_LABELS: Record<string, string> = {
  DO_NOTHING: 'Do nothing',
  MANUAL_WORKAROUND: 'Manual workaround',
  RECIPROCAL: 'Reciprocal arrangement',
  GRADUAL: 'Gradual recovery',
  INTERMEDIATE: 'Intermediate recovery',
  FAST: 'Fast recovery',
  IMMEDIATE: 'Immediate recovery',
}

const LOCATION_LABELS: Record<string, string> = { ON_SITE: 'On site', OFF_SITE: 'Off site', CLOUD: 'Cloud' }
const MEDIUM_LABELS: Record<string, string> = {
  SAME_DEVICE: 'Snapshot on the same device',
  DISK: 'Another server or NAS disk',
  REMOVABLE_DISK: 'Removable disk (USB, RDX)',
  TAPE: 'Tape',
  CLOUD_STORAGE: 'Cloud storage',
  OPTICAL: 'Optical disc',
}
export const CRITICALITY_WORDS = ['vital', 'high', 'medium', 'low'] as const
export const criticalityWord = (c: number) => CRITICALITY_WORDS[c - 1] ?? `criticality ${c}`

/** 1st, 2nd, 3rd, 4th ... 11th, 12th, 13th, 21st. */
export function ordinal(n: number): string {
  const tens = n % 100
  if (tens >= 11 && tens <= 13) return `${n}th`
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`
}

/** "A", "A and B", "A, B and C"; beyond `max` items, "A, B, C and 4 more". */
export function listWords(items: string[], max = Number.POSITIVE_INFINITY): string {
  if (items.length > max) return `${items.slice(0, max).join(', ')} and ${items.length - max} more`
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`
}

const GAP_ORDER: GapKind[] = [
  'NO_MANAGER',
  'NO_DEPUTY',
  'VITAL_WITHOUT_PLAN',
  'AT_RISK',
  'SERVICE_WITHOUT_PLAN',
  'UNCOVERED_STEP',
  'LOOP',
]

/** The engine's input from the rows (what it needs of them, nothing more). */
export function engineInput(rows: BuildRows): RecoveryInput {
  const liveRoles = new Set(rows.roles.map((r) => r.id))
  return {
    services: rows.services.map((s) => ({
      id: s.id,
      name: s.name,
      criticality: s.criticality,
      rtoMinutes: s.rtoMinutes,
    })),
    assets: rows.assets.map((a) => ({ id: a.id, name: a.name })),
    needs: rows.needs,
    edges: rows.edges,
    plans: rows.plans.map((p) => ({ id: p.id, serviceId: p.serviceId, name: p.name })),
    steps: rows.steps.map((s) => ({
      id: s.id,
      planId: s.planId,
      assetId: s.assetId,
      position: s.position,
      minutes: s.minutes,
      roleId: s.roleId && liveRoles.has(s.roleId) ? s.roleId : null,
      afterStepId: s.afterStepId,
    })),
    members: rows.members.map((m) => ({
      id: m.id,
      name: m.name,
      roleIds: m.roleIds.filter((r) => liveRoles.has(r)),
      left: false,
    })),
  }
}

/** The whole plan but its stamp. Pass the engine's results when already worked out. */
export function buildPlanBody(
  rows: BuildRows,
  engine?: { order: RecoveryOrder; estimates: ReturnType<typeof estimateRecovery> },
): PlanBody {
  const input = engineInput(rows)
  const order = engine?.order ?? recoveryOrder(input)
  const estimates = engine?.estimates ?? estimateRecovery(input, order)

  const serviceById = new Map(rows.services.map((s) => [s.id, s]))
  const assetById = new Map(rows.assets.map((a) => [a.id, a]))
  const planById = new Map(rows.plans.map((p) => [p.id, p]))
  const stepById = new Map(rows.steps.map((s) => [s.id, s]))
  const roleById = new Map(rows.roles.map((r) => [r.id, r]))
  const engineStep = new Map(input.steps.map((s) => [s.id, s]))
  const assetPosition = new Map(order.assets.map((a) => [a.assetId, a.position]))

  // Members by name; each one's roles, built-in first (manager, deputy), then by name.
  const roleRank = (r: { name: string; builtIn: string | null }) =>
    r.builtIn === 'CONTINUITY_MANAGER' ? 0 : r.builtIn === 'DEPUTY_CONTINUITY_MANAGER' ? 1 : 2
  const compareRoles = (a: { id: string; name: string; builtIn: string | null }, b: typeof a) =>
    roleRank(a) - roleRank(b) || nameCollator.compare(a.name, b.name) || byId(a.id, b.id)
  const sortedMembers = [...rows.members].sort(
    (a, b) => nameCollator.compare(a.name, b.name) || byId(a.id, b.id),
  )
  const holdersOf = new Map<string, string[]>()
  const members: SnapshotMember[] = sortedMembers.map((m) => {
    const held = [...new Set(m.roleIds)]
      .map((id) => roleById.get(id))
      .filter((r) => r !== undefined)
      .sort(compareRoles)
    for (const r of held) {
      const list = holdersOf.get(r.id) ?? []
      list.push(m.id)
      holdersOf.set(r.id, list)
    }
    return {
      id: m.id,
      name: m.name,
      jobTitle: m.jobTitle,
      roles: held.map((r) => ({ id: r.id, name: r.name })),
      mobile: m.mobile,
      otherPhone: m.otherPhone,
      personalEmail: m.personalEmail,
      outOfHoursNotes: m.outOfHoursNotes,
      fallbackContact: m.fallbackContact,
    }
  })

  const snapshotSteps = (stepIds: string[]): SnapshotStep[] =>
    stepIds.map((id, i) => {
      const row = stepById.get(id)!
      const roleId = engineStep.get(id)!.roleId
      const role = roleId ? roleById.get(roleId) : undefined
      return {
        id,
        position: i + 1,
        instruction: row.instruction,
        minutes: row.minutes,
        role: role ? ({ id: role.id, name: role.name } satisfies SnapshotRole) : null,
        holderIds: role ? (holdersOf.get(role.id) ?? []) : [],
        afterStepId: row.afterStepId,
      }
    })

  // Backups by what they copy.
  const backupsOf = new Map<string, SnapshotBackup[]>()
  for (const b of [...rows.backups].sort(
    (x, y) => nameCollator.compare(x.name, y.name) || byId(x.id, y.id),
  )) {
    const subject = b.assetId
      ? assetById.get(b.assetId)?.name
      : b.serviceId
        ? serviceById.get(b.serviceId)?.name
        : undefined
    const key = b.assetId ?? b.serviceId
    if (!subject || !key) continue
    const list = backupsOf.get(key) ?? []
    list.push({
      id: b.id,
      name: b.name,
      of: subject,
      location: LOCATION_LABELS[b.location] ?? b.location,
      medium: MEDIUM_LABELS[b.medium] ?? b.medium,
      offline: b.offline,
      frequencyMinutes: b.frequencyMinutes,
      lastRestoreTestAt: b.lastRestoreTestAt ? b.lastRestoreTestAt.toISOString().slice(0, 10) : null,
    })
    backupsOf.set(key, list)
  }

  // Where a step of the chain belongs, in words.
  const stepWhere = (stepId: string, assetId: string | null, planId: string | null) => {
    const row = stepById.get(stepId)
    const place = assetId
      ? `Restore ${assetById.get(assetId)?.name ?? 'an asset'}`
      : `${planById.get(planId ?? '')?.name ?? 'Plan'}`
    return { row, place }
  }

  const estimateOf = new Map(estimates.services.map((e) => [e.serviceId, e]))
  const services: SnapshotService[] = order.services.map((o, index) => {
    const row = serviceById.get(o.serviceId)!
    const est = estimateOf.get(o.serviceId)!
    const assets = o.assets.map((a) => ({
      id: a.assetId,
      name: assetById.get(a.assetId)!.name,
      direct: a.direct,
      required: a.required,
    }))
    const plans: SnapshotPlan[] = o.plans.map((p) => {
      const plan = planById.get(p.planId)!
      const hasStandby = [
        plan.standbySupplier,
        plan.standbyContract,
        plan.standbyContact,
        plan.standbyHowToInvoke,
      ].some((v) => v.trim() !== '')
      return {
        id: plan.id,
        name: plan.name,
        strategy: STRATEGY_LABELS[plan.strategy] ?? plan.strategy,
        description: plan.description,
        manualWorkaround: plan.manualWorkaround,
        invocationCriteria: plan.invocationCriteria,
        standby: hasStandby
          ? {
              supplier: plan.standbySupplier,
              contract: plan.standbyContract,
              contact: plan.standbyContact,
              howToInvoke: plan.standbyHowToInvoke,
            }
          : null,
        steps: snapshotSteps(p.stepIds),
      }
    })

    // Suppliers by name (case and spaces ignored): the first contact given, and what each is called for.
    const suppliers = new Map<string, { name: string; contact: string; reasons: string[] }>()
    const addSupplier = (name: string, contact: string, reason: string) => {
      const key = name.trim().toLocaleLowerCase('en-GB')
      if (!key) return
      const known = suppliers.get(key)
      if (!known) {
        suppliers.set(key, { name: name.trim(), contact: contact.trim(), reasons: [reason] })
        return
      }
      if (!known.contact && contact.trim()) known.contact = contact.trim()
      if (!known.reasons.includes(reason)) known.reasons.push(reason)
    }
    for (const a of o.assets) {
      const asset = assetById.get(a.assetId)!
      addSupplier(asset.supplier, asset.contractRef ? `Contract ${asset.contractRef}` : '', asset.name)
    }
    for (const p of plans) {
      if (p.standby) addSupplier(p.standby.supplier, p.standby.contact, `the standby in ${p.name}`)
    }

    const backups = [
      ...(backupsOf.get(o.serviceId) ?? []),
      ...o.assets.flatMap((a) => backupsOf.get(a.assetId) ?? []),
    ]

    return {
      id: row.id,
      name: row.name,
      position: o.position,
      criticality: row.criticality,
      rtoMinutes: row.rtoMinutes,
      rpoMinutes: row.rpoMinutes,
      minServiceLevel: row.minServiceLevel,
      why: whyWords(index, order, serviceById, assetById, assetPosition),
      estimate: {
        criticalMinutes: est.criticalPathMinutes,
        sequentialMinutes: est.sequentialMinutes,
        teamMinutes: est.teamComplete ? est.teamMinutes : null,
        atRisk: est.atRisk,
        lateChain: est.atRisk ? chainWords(est, stepWhere) : [],
      },
      assets,
      plans,
      suppliers: [...suppliers.values()].map(
        (x): SnapshotSupplier => ({ name: x.name, contact: x.contact, reason: listWords(x.reasons, 5) }),
      ),
      backups,
    }
  })

  const assets: SnapshotAsset[] = order.assets.map((a) => {
    const row = assetById.get(a.assetId)!
    return {
      id: row.id,
      name: row.name,
      type: row.type,
      position: a.position,
      deadlineMinutes: a.deadlineMinutes,
      supplier: row.supplier,
      contractRef: row.contractRef,
      location: row.location,
      dependsOnIds: a.dependsOn,
      neededByIds: a.neededBy,
      inLoop: a.inLoop,
      steps: snapshotSteps(a.stepIds),
    }
  })

  const stepPlace = new Map<string, number>()
  for (const ids of [
    ...order.assets.map((a) => a.stepIds),
    ...order.services.flatMap((x) => x.plans.map((p) => p.stepIds)),
  ])
    for (const [i, id] of ids.entries()) stepPlace.set(id, i)
  const gaps = planGaps(rows, order, estimates.services, estimates.loops, {
    services,
    stepWhere: (id) => {
      const s = stepById.get(id)
      const owner = s?.assetId
        ? `restoring ${assetById.get(s.assetId)?.name ?? 'an asset'}`
        : `"${planById.get(s?.planId ?? '')?.name ?? 'a plan'}"`
      return `Step ${(stepPlace.get(id) ?? 0) + 1} of ${owner} (${s?.instruction ?? 'unknown step'})`
    },
    roleName: (id) => roleById.get(id)?.name ?? 'its role',
    assetName: (id) => assetById.get(id)?.name ?? id,
  })

  return { schema: SNAPSHOT_SCHEMA, school: { ...rows.school }, services, assets, members, gaps }
}

/** The whole snapshot: the body with its stamp. */
export function buildPlanSnapshot(rows: BuildRows, stamp: { version: number; takenAt: Date }): PlanSnapshot {
  return withStamp(buildPlanBody(rows), stamp)
}

/** A (possibly shared, frozen) body with this request's version and moment. */
export function withStamp(body: PlanBody, stamp: { version: number; takenAt: Date }): PlanSnapshot {
  return { ...body, version: stamp.version, takenAt: stamp.takenAt.toISOString() }
}

/**
 * Why a service sits where it does, in words: its position, RTO and criticality, what it needs directly
 * (required first) and where those come in the restore order, and, when it shares its RTO with the
 * service before it, what broke the tie.
 */
function whyWords(
  index: number,
  order: RecoveryOrder,
  serviceById: Map<string, BuildRows['services'][number]>,
  assetById: Map<string, BuildRows['assets'][number]>,
  assetPosition: Map<string, number>,
): string {
  const o = order.services[index]!
  const s = serviceById.get(o.serviceId)!
  let text = `Recovered ${ordinal(o.position)}: RTO ${formatDuration(s.rtoMinutes)}, ${criticalityWord(s.criticality)}`
  const prev = index > 0 ? serviceById.get(order.services[index - 1]!.serviceId)! : undefined
  if (prev && prev.rtoMinutes === s.rtoMinutes) {
    text +=
      prev.criticality < s.criticality
        ? ` (same RTO as ${prev.name}, which is more critical)`
        : ` (same RTO and criticality as ${prev.name}, which comes first by name)`
  }
  const direct = o.assets.filter((a) => a.direct)
  const required = direct.filter((a) => a.required)
  if (direct.length === 0) return `${text}; needs nothing in the catalogue.`
  const shown = (required.length ? required : direct).slice(0, 4)
  const names = shown.map((a) => assetById.get(a.assetId)!.name)
  const positions = shown.map((a) => ordinal(assetPosition.get(a.assetId)!))
  const more = (required.length ? required : direct).length - shown.length
  text += `; needs ${listWords(names)}${more > 0 ? ` and ${more} more` : ''}, restored ${listWords(positions)}`
  const also = o.assets.length - direct.length
  if (also > 0) text += `, and ${also} asset${also === 1 ? '' : 's'} they depend on`
  if (!required.length) text += ' (all optional)'
  return `${text}.`
}

/**
 * The late chain as readable links, one per procedure on it (its steps are consecutive on a chain):
 * "Restore MIS server: Reinstall the OS (1 hour 30 minutes, done by 2 hours)", or for several steps of one
 * procedure "Restore LAN: 3 steps (45 minutes, done by 1 hour)".
 */
function chainWords(
  est: ServiceEstimate,
  stepWhere: (
    stepId: string,
    assetId: string | null,
    planId: string | null,
  ) => { row: BuildRows['steps'][number] | undefined; place: string },
): string[] {
  const groups: { place: string; instruction: string; steps: number; minutes: number; doneBy: number }[] = []
  let owner = ''
  for (const link of est.chain) {
    const key = link.assetId ? `a:${link.assetId}` : `p:${link.planId}`
    const last = groups.at(-1)
    if (last && key === owner) {
      last.steps++
      last.minutes += link.minutes
      last.doneBy = link.finishesAt
      continue
    }
    owner = key
    const { row, place } = stepWhere(link.stepId, link.assetId, link.planId)
    groups.push({
      place,
      instruction: row?.instruction ?? 'step',
      steps: 1,
      minutes: link.minutes,
      doneBy: link.finishesAt,
    })
  }
  return groups.map(
    (g) =>
      `${g.place}: ${g.steps === 1 ? g.instruction : `${g.steps} steps`} (${formatDuration(g.minutes)}, done by ${formatDuration(g.doneBy)})`,
  )
}

function planGaps(
  rows: BuildRows,
  order: RecoveryOrder,
  estimates: ServiceEstimate[],
  stepLoops: Loop[],
  words: {
    services: SnapshotService[]
    stepWhere: (id: string) => string
    roleName: (id: string) => string
    assetName: (id: string) => string
  },
): SnapshotGap[] {
  const gaps: SnapshotGap[] = []
  const held = new Set(rows.members.flatMap((m) => m.roleIds))
  const builtIn = (kind: string) => rows.roles.find((r) => r.builtIn === kind)
  const manager = builtIn('CONTINUITY_MANAGER')
  const deputy = builtIn('DEPUTY_CONTINUITY_MANAGER')
  if (!manager || !held.has(manager.id)) {
    gaps.push({
      kind: 'NO_MANAGER',
      text: 'Nobody on the recovery team is the service continuity manager.',
      ids: manager ? [manager.id] : [],
    })
  }
  if (!deputy || !held.has(deputy.id)) {
    gaps.push({
      kind: 'NO_DEPUTY',
      text: 'Nobody on the recovery team is the deputy service continuity manager.',
      ids: deputy ? [deputy.id] : [],
    })
  }
  const byId = new Map(words.services.map((s) => [s.id, s]))
  for (const id of order.servicesWithoutPlan) {
    const s = byId.get(id)!
    gaps.push(
      s.criticality === 1
        ? { kind: 'VITAL_WITHOUT_PLAN', text: `${s.name} is vital but has no contingency plan.`, ids: [id] }
        : { kind: 'SERVICE_WITHOUT_PLAN', text: `${s.name} has no contingency plan.`, ids: [id] },
    )
  }
  for (const e of estimates) {
    if (!e.atRisk) continue
    const s = byId.get(e.serviceId)!
    gaps.push({
      kind: 'AT_RISK',
      text: `${s.name} is at risk: estimated ${formatDuration(e.criticalPathMinutes)} against an RTO of ${formatDuration(e.rtoMinutes)}.`,
      ids: [e.serviceId],
    })
  }
  for (const u of order.uncoveredSteps) {
    gaps.push({
      kind: 'UNCOVERED_STEP',
      text:
        u.reason === 'NO_ROLE' || !u.roleId
          ? `${words.stepWhere(u.stepId)} names no role, so nobody is set to carry it out.`
          : `${words.stepWhere(u.stepId)}: nobody on the team holds ${words.roleName(u.roleId)}.`,
      ids: [u.stepId],
    })
  }
  for (const loop of order.loops) {
    const names = loop.ids.map(words.assetName)
    gaps.push({
      kind: 'LOOP',
      text: `These assets depend on each other in a loop: ${names.join(' needs ')}. They are restored together.`,
      ids: loop.ids.slice(0, -1),
    })
  }
  for (const loop of stepLoops) {
    gaps.push({
      kind: 'LOOP',
      text: `These steps wait on each other in a loop, so their "do this first" links are ignored: ${loop.ids
        .map(words.stepWhere)
        .join(', then ')}.`,
      ids: loop.ids.at(-1) === loop.ids[0] ? loop.ids.slice(0, -1) : loop.ids,
    })
  }
  return gaps.sort((a, b) => GAP_ORDER.indexOf(a.kind) - GAP_ORDER.indexOf(b.kind))
}
