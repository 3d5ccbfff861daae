/*
 * Review triggers (issue 12, item 5; ITIL triggers of seed 004): besides the schedule, a review is proposed
 * when the approved plan has been out of date for too long, a vital or high service is added or its
 * criticality or recovery time objective changes, a new head teacher or service continuity manager takes
 * office, and after an exercise or a real invocation. Pure: the loader passes the plan's staleness and
 * the audit rows read since the triggers were last evaluated; each proposal carries a key naming its
 * cause, so the same cause never proposes twice (the database holds the key unique per school).
 */
import { ROLE_LABELS } from '@/lib/auth/permissions'
import { formatDuration } from '@/lib/catalogue/durations'
import { dayIn } from '@/lib/catalogue/standby'
import { formatDate } from '@/lib/format'

export const TRIGGER_KINDS = [
  'PLAN_STALE',
  'CRITICAL_SERVICE',
  'NEW_ROLE_HOLDER',
  'EXERCISE',
  'INVOCATION',
] as const
export type TriggerKind = (typeof TRIGGER_KINDS)[number]

export const TRIGGER_LABELS: Record<TriggerKind, string> = {
  PLAN_STALE: 'The plan is out of date',
  CRITICAL_SERVICE: 'A vital or high service changed',
  NEW_ROLE_HOLDER: 'A new head teacher or service continuity manager',
  EXERCISE: 'After an exercise',
  INVOCATION: 'After the plan was invoked',
}

/** The kind of review a proposal starts. */
export const REVIEW_KIND_OF: Record<TriggerKind, 'CHANGE_TRIGGERED' | 'POST_EXERCISE' | 'POST_INCIDENT'> = {
  PLAN_STALE: 'CHANGE_TRIGGERED',
  CRITICAL_SERVICE: 'CHANGE_TRIGGERED',
  NEW_ROLE_HOLDER: 'CHANGE_TRIGGERED',
  EXERCISE: 'POST_EXERCISE',
  INVOCATION: 'POST_INCIDENT',
}

export const DEFAULT_STALE_DAYS = 14

export type ProposedReview = {
  kind: TriggerKind
  /** Names the cause: the same key never proposes twice. */
  causeKey: string
  reason: string
  auditEventIds: string[]
}

/** An audit row as the loader reads it (entity Service, Membership or TeamMember). */
export type TriggerAuditRow = {
  id: string
  at: Date
  entity: string
  entityId: string
  action: string
  before: unknown
  after: unknown
}

export type TriggerInput = {
  now: Date
  timeZone: string
  /** The school's setting: a review is proposed once the plan has been out of date for more days than this. */
  staleDays: number
  /** From getPlanStaleness: the current approved version and since when it has been out of date. */
  plan: { versionId: string; versionNumber: number; stale: boolean; staleSince: Date | null } | null
  /** Audit rows of services, memberships and team members since the triggers were last evaluated, oldest first. */
  events: readonly TriggerAuditRow[]
  /** The id of the school's built-in service continuity manager recovery role. */
  continuityManagerRoleId: string | null
  /** Membership id -> the person's name, for rows that carry only an e-mail address. */
  memberNames?: Readonly<Record<string, string>>
  /** Exercises held since the triggers were last evaluated: none until exercises are recorded. */
  exercises?: readonly { id: string; heldOn: Date; name: string }[]
  /** Real invocations of the plan since the triggers were last evaluated: none until they are recorded. */
  invocations?: readonly { id: string; at: Date; name: string }[]
}

const record = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {}
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null)
const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null)

const CRITICALITY_WORDS: Record<number, string> = { 1: 'vital', 2: 'high', 3: 'medium', 4: 'low' }
const critWord = (c: number) => CRITICALITY_WORDS[c] ?? `criticality ${c}`
/** Vital (1) or high (2). */
export const isCritical = (c: number | null): c is number => c !== null && c <= 2

/** The calendar day a moment falls on in the school's zone, as a UTC midnight timestamp. */
function dayNumber(d: Date, timeZone: string): number {
  const [y = 0, m = 1, day = 1] = dayIn(d, timeZone).split('-').map(Number)
  return Date.UTC(y, m - 1, day) / 86_400_000
}

/** Whole calendar days from one moment to another in the school's zone (daylight saving never counts). */
export function daysBetween(from: Date, to: Date, timeZone: string): number {
  return dayNumber(to, timeZone) - dayNumber(from, timeZone)
}

// ---- (a) the plan out of date --------------------------------------------------------------------

/**
 * The approved plan has been out of date for more than `staleDays` calendar days. One proposal per
 * approved version: approving a new version is what ends it, and a later staleness is a new cause.
 */
export function stalePlanTrigger(input: Pick<TriggerInput, 'now' | 'timeZone' | 'staleDays' | 'plan'>) {
  const { plan } = input
  if (!plan?.stale || !plan.staleSince) return null
  const days = daysBetween(plan.staleSince, input.now, input.timeZone)
  if (days <= input.staleDays) return null
  return {
    kind: 'PLAN_STALE',
    causeKey: `PLAN_STALE:${plan.versionId}`,
    reason: `The plan has been out of date for ${days} days: it changed on ${formatDate(plan.staleSince, input.timeZone)}, after version ${plan.versionNumber} was approved.`,
    auditEventIds: [],
  } satisfies ProposedReview
}

// ---- (b) vital and high services -----------------------------------------------------------------

const ADDED = new Set(['create', 'import', 'load-starter'])

/**
 * A vital or high service added, raised to vital or high, or such a service's criticality or RTO
 * changed. One proposal per audit row, keyed by the row: the trail is read with some overlap between
 * evaluations, and a row read twice must name the same cause.
 */
export function criticalServiceTriggers(input: Pick<TriggerInput, 'timeZone' | 'events'>): ProposedReview[] {
  const out: ProposedReview[] = []
  for (const e of input.events) {
    if (e.entity !== 'Service' || !(ADDED.has(e.action) || e.action === 'update')) continue
    const after = record(e.after)
    const before = record(e.before)
    const name = str(after.name) ?? str(before.name) ?? 'a service'
    const on = formatDate(e.at, input.timeZone)
    const crit = num(after.criticality)
    let reason: string | null = null
    if (ADDED.has(e.action)) {
      if (!isCritical(crit)) continue
      const how =
        e.action === 'import'
          ? 'imported'
          : e.action === 'load-starter'
            ? 'added from the starter catalogue'
            : 'added'
      reason = `The service ${name} was ${how} as ${critWord(crit)} on ${on}.`
    } else {
      const was = num(before.criticality)
      if (!isCritical(crit) && !isCritical(was)) continue
      const rto = num(after.rtoMinutes)
      const rtoWas = num(before.rtoMinutes)
      const parts: string[] = []
      const critChanged = was !== null && crit !== null && was !== crit
      if (critChanged) {
        if (!isCritical(was)) parts.push(`was raised from ${critWord(was)} to ${critWord(crit)}`)
        else if (!isCritical(crit)) parts.push(`was lowered from ${critWord(was)} to ${critWord(crit)}`)
        else parts.push(`changed from ${critWord(was)} to ${critWord(crit)}`)
      }
      if (rtoWas !== null && rto !== null && rtoWas !== rto)
        parts.push(
          `had its recovery time objective changed from ${formatDuration(rtoWas)} to ${formatDuration(rto)}`,
        )
      if (!parts.length) continue
      const noun = !critChanged && isCritical(crit) ? `${critWord(crit)} service` : 'service'
      reason = `The ${noun} ${name} ${parts.join(' and ')} on ${on}.`
    }
    out.push({ kind: 'CRITICAL_SERVICE', causeKey: `SERVICE:${e.id}`, reason, auditEventIds: [e.id] })
  }
  return out
}

// ---- (c) a new head teacher or service continuity manager ----------------------------------------

const OFFICES = new Set(['HEAD', 'MANAGER'])
const officeWords = (role: string) => ROLE_LABELS[role as keyof typeof ROLE_LABELS]?.toLowerCase() ?? role

/**
 * A membership becoming head teacher or service continuity manager (made, joined through an accepted
 * invitation, or changed to that role), or a team member newly holding the built-in service continuity
 * manager role (added with it, given it, or back in the team with it). One proposal per audit row.
 */
export function newRoleHolderTriggers(
  input: Pick<TriggerInput, 'timeZone' | 'events' | 'continuityManagerRoleId' | 'memberNames'>,
): ProposedReview[] {
  const out: ProposedReview[] = []
  for (const e of input.events) {
    const before = record(e.before)
    const after = record(e.after)
    const on = formatDate(e.at, input.timeZone)
    let reason: string | null = null
    if (e.entity === 'Membership') {
      const role = str(after.role)
      if (!role || !OFFICES.has(role)) continue
      const who = input.memberNames?.[e.entityId] ?? str(after.name) ?? str(after.email) ?? 'A new member'
      if (e.action === 'create' || e.action === 'join')
        reason = `${who} joined the school as ${officeWords(role)} on ${on}.`
      else if ((e.action === 'update' || e.action === 'change-role') && str(before.role) !== role)
        reason = `${who} became ${officeWords(role)} on ${on}.`
    } else if (e.entity === 'TeamMember' && input.continuityManagerRoleId) {
      const cm = input.continuityManagerRoleId
      const holds = (v: Record<string, unknown>) => Array.isArray(v.roleIds) && v.roleIds.includes(cm)
      if (!holds(after) || after.leftAt) continue
      const newly =
        e.action === 'create' ||
        e.action === 'rejoin' ||
        (e.action === 'update' && (!holds(before) || Boolean(before.leftAt)))
      const who = str(after.name) ?? 'A team member'
      if (newly) reason = `${who} took on the service continuity manager role in the recovery team on ${on}.`
    }
    if (reason) out.push({ kind: 'NEW_ROLE_HOLDER', causeKey: `ROLE:${e.id}`, reason, auditEventIds: [e.id] })
  }
  return out
}

// ---- (d) after an exercise or a real invocation --------------------------------------------------

/** After each exercise: ready for when exercises are recorded (the loader passes none until then). */
export function exerciseTriggers(input: Pick<TriggerInput, 'timeZone' | 'exercises'>): ProposedReview[] {
  return (input.exercises ?? []).map((x) => ({
    kind: 'EXERCISE',
    causeKey: `EXERCISE:${x.id}`,
    reason: `The exercise ${x.name} was held on ${formatDate(x.heldOn, input.timeZone)}: review what it showed.`,
    auditEventIds: [],
  }))
}

/** After each real invocation of the plan: ready for when invocations are recorded. */
export function invocationTriggers(input: Pick<TriggerInput, 'timeZone' | 'invocations'>): ProposedReview[] {
  return (input.invocations ?? []).map((x) => ({
    kind: 'INVOCATION',
    causeKey: `INVOCATION:${x.id}`,
    reason: `The plan was invoked for ${x.name} on ${formatDate(x.at, input.timeZone)}: review how it went.`,
    auditEventIds: [],
  }))
}

/** Every review the triggers propose now, in the order of the kinds. */
export function proposeReviews(input: TriggerInput): ProposedReview[] {
  const stale = stalePlanTrigger(input)
  return [
    ...(stale ? [stale] : []),
    ...criticalServiceTriggers(input),
    ...newRoleHolderTriggers(input),
    ...exerciseTriggers(input),
    ...invocationTriggers(input),
  ]
}

/**
 * Where the audit trail is read from: the later of the last signed-off review's submission (that review
 * considered everything before it) and the last evaluation. Null when neither exists: the first
 * evaluation of a school that has never signed off a review sets the starting point and proposes nothing
 * from the past (its first review covers everything since the portal began).
 */
export function triggerWindowStart(
  lastSignedOffSubmittedAt: Date | null,
  checkedAt: Date | null,
): Date | null {
  if (!lastSignedOffSubmittedAt) return checkedAt
  if (!checkedAt) return lastSignedOffSubmittedAt
  return checkedAt > lastSignedOffSubmittedAt ? checkedAt : lastSignedOffSubmittedAt
}
