import 'server-only'
import type { ChangeEntry } from '@/lib/audit/describe'
import { listChanges } from '@/lib/audit/queries'
import type { AuditEntity } from '@/lib/audit/vocabulary'
import { parseTrustedProxies, requestAddress } from '@/lib/auth/client-ip'
import { addressKeys, clearAfterSuccess, countAttempt } from '@/lib/auth/throttle'
import { db } from '@/lib/db'
import type { PlanSnapshot } from '@/lib/plan/snapshot'
import { compareSnapshots } from './compare'
import type { CopyLocation } from './schema'
import {
  type CheckAnswer,
  checkAnswer,
  parseCheckInput,
  type Standing,
  standing,
  type VersionStatus,
} from './standing'

/**
 * The kinds of audited record the recovery plan is built from: the same tables whose writes move
 * `School.planSourceVersion` (migration `plan_versions`), named as the audit trail names them. "What changed
 * since the approved version" lists these.
 */
export const PLAN_SOURCE_ENTITIES: readonly AuditEntity[] = [
  'Service',
  'Asset',
  'ServiceAsset',
  'AssetDependency',
  'Catalogue',
  'ContingencyPlan',
  'ProcedureStep',
  'RecoveryRole',
  'TeamMember',
  'Backup',
  'RestoreTest',
]

export type CurrentPlanVersion = {
  id: string
  number: number
  fingerprint: string
  publishedAt: Date
  decidedAt: Date | null
  sourceVersion: number
}

/** The current plan: the approved version with the highest number, or null when none is approved yet. */
export async function getCurrentPlanVersion(schoolId: string): Promise<CurrentPlanVersion | null> {
  return db.planVersion.findFirst({
    where: { schoolId, status: 'APPROVED' },
    orderBy: { number: 'desc' },
    select: {
      id: true,
      number: true,
      fingerprint: true,
      publishedAt: true,
      decidedAt: true,
      sourceVersion: true,
    },
  })
}

export type PlanStaleness = {
  current: CurrentPlanVersion | null
  /** True when something the plan is built from changed after the current version was taken. */
  stale: boolean
  /** When the first such change was made (from the audit trail); null when not stale or none is recorded. */
  staleSince: Date | null
}

/**
 * Whether the current approved plan is out of date, and since when. The test is the source version the
 * triggers keep, so no write path can be missed; the audit trail only dates it. Three queries at most.
 */
export async function getPlanStaleness(schoolId: string): Promise<PlanStaleness> {
  const [sourceVersion, current] = await Promise.all([
    getPlanSourceVersion(schoolId),
    getCurrentPlanVersion(schoolId),
  ])
  if (!current || sourceVersion <= current.sourceVersion) {
    return { current, stale: false, staleSince: null }
  }
  const first = await db.auditEvent.findFirst({
    where: { schoolId, entity: { in: [...PLAN_SOURCE_ENTITIES] }, at: { gt: current.publishedAt } },
    orderBy: { at: 'asc' },
    select: { at: true },
  })
  return { current, stale: true, staleSince: first?.at ?? null }
}

// ---- versions -----------------------------------------------------------------------------------------

const VERSION_ROW = {
  id: true,
  number: true,
  status: true,
  fingerprint: true,
  gapCount: true,
  publishedAt: true,
  publishedById: true,
  publishedByName: true,
  decidedAt: true,
  decidedByName: true,
  decisionComment: true,
  version: true,
} as const

type VersionRow = {
  id: string
  number: number
  status: VersionStatus
  fingerprint: string
  gapCount: number
  publishedAt: Date
  publishedById: string | null
  publishedByName: string
  decidedAt: Date | null
  decidedByName: string | null
  decisionComment: string
  version: number
}

export type PlanVersionRow = VersionRow & { standing: Standing }

/** The number of the current approved version, from rows already read (newest first or any order). */
const currentOf = (rows: readonly { number: number; status: string }[]) =>
  rows.reduce<number | null>(
    (best, r) => (r.status === 'APPROVED' && (best === null || r.number > best) ? r.number : best),
    null,
  )

/**
 * Every published version, newest first, each with where it stands; `approvedOnly` for the roles that read
 * the approved plan but not the drafts (team members, viewers). One query.
 */
export async function listPlanVersions(
  schoolId: string,
  opts: { approvedOnly?: boolean } = {},
): Promise<{
  versions: PlanVersionRow[]
  current: number | null
}> {
  const rows: VersionRow[] = await db.planVersion.findMany({
    where: { schoolId },
    orderBy: { number: 'desc' },
    select: VERSION_ROW,
  })
  const current = currentOf(rows)
  return {
    versions: rows
      .filter((r) => !opts.approvedOnly || r.status === 'APPROVED')
      .map((r) => ({ ...r, standing: standing(r, current) })),
    current,
  }
}

export type PlanVersionView = PlanVersionRow & { snapshot: PlanSnapshot; current: number | null }

/** One version by its number, with its snapshot and where it stands; null when the school has no such version. */
export async function getPlanVersion(
  schoolId: string,
  number: number,
  opts: { approvedOnly?: boolean } = {},
): Promise<PlanVersionView | null> {
  if (!Number.isInteger(number) || number < 1 || number > 2_147_483_647) return null
  const [row, current] = await Promise.all([
    db.planVersion.findFirst({
      where: { schoolId, number },
      select: { ...VERSION_ROW, snapshot: true },
    }),
    getCurrentPlanVersion(schoolId),
  ])
  if (!row || (opts.approvedOnly && row.status !== 'APPROVED')) return null
  const currentNumber = current?.number ?? null
  return {
    ...row,
    snapshot: row.snapshot as unknown as PlanSnapshot,
    standing: standing(row, currentNumber),
    current: currentNumber,
  }
}

/** Two versions compared; null when either is not in the school. */
export async function comparePlanVersions(
  schoolId: string,
  from: number,
  to: number,
  opts: { approvedOnly?: boolean } = {},
) {
  const rows = await db.planVersion.findMany({
    where: {
      schoolId,
      number: { in: [from, to] },
      ...(opts.approvedOnly ? { status: 'APPROVED' as const } : {}),
    },
    select: { number: true, snapshot: true, status: true, publishedAt: true },
  })
  const a = rows.find((r) => r.number === from)
  const b = rows.find((r) => r.number === to)
  if (!a || !b) return null
  return {
    from: { number: a.number, status: a.status, publishedAt: a.publishedAt },
    to: { number: b.number, status: b.status, publishedAt: b.publishedAt },
    comparison: compareSnapshots(
      a.snapshot as unknown as PlanSnapshot,
      b.snapshot as unknown as PlanSnapshot,
    ),
  }
}

// ---- acknowledgement ----------------------------------------------------------------------------------

export type AcknowledgementRow = {
  memberId: string
  name: string
  /** Whether they have a login in this school: only then can they acknowledge in the portal. */
  canSignIn: boolean
  acknowledgedAt: Date | null
}

/** Every current team member and whether they have acknowledged the given version. Two queries. */
export async function listAcknowledgements(
  schoolId: string,
  planVersionId: string,
): Promise<{ rows: AcknowledgementRow[]; acknowledged: number; outstanding: number }> {
  const [members, acks] = await Promise.all([
    db.teamMember.findMany({
      where: { schoolId, leftAt: null },
      orderBy: { name: 'asc' },
      select: { id: true, name: true, membershipId: true },
    }),
    db.planAcknowledgement.findMany({
      where: { schoolId, planVersionId },
      select: { teamMemberId: true, acknowledgedAt: true },
    }),
  ])
  const at = new Map(acks.map((a) => [a.teamMemberId, a.acknowledgedAt]))
  const rows = members.map((m) => ({
    memberId: m.id,
    name: m.name,
    canSignIn: m.membershipId !== null,
    acknowledgedAt: at.get(m.id) ?? null,
  }))
  const acknowledged = rows.filter((r) => r.acknowledgedAt).length
  return { rows, acknowledged, outstanding: rows.length - acknowledged }
}

export type OwnAcknowledgement = {
  current: { id: string; number: number } | null
  /** The signed-in person's team member record; null when their login is not linked to one. */
  member: { id: string; name: string } | null
  acknowledgedAt: Date | null
}

/** Whether the signed-in person has acknowledged the current approved version. Three queries at most. */
export async function getOwnAcknowledgement(schoolId: string, userId: string): Promise<OwnAcknowledgement> {
  const [current, member] = await Promise.all([
    getCurrentPlanVersion(schoolId),
    db.teamMember.findFirst({
      where: { schoolId, leftAt: null, membership: { userId, schoolId } },
      select: { id: true, name: true },
    }),
  ])
  if (!current || !member)
    return { current: current && { id: current.id, number: current.number }, member, acknowledgedAt: null }
  const ack = await db.planAcknowledgement.findFirst({
    where: { schoolId, planVersionId: current.id, teamMemberId: member.id },
    select: { acknowledgedAt: true },
  })
  return {
    current: { id: current.id, number: current.number },
    member,
    acknowledgedAt: ack?.acknowledgedAt ?? null,
  }
}

// ---- the dashboard ------------------------------------------------------------------------------------

export type PlanDashboard = PlanStaleness & {
  /** The newest version awaiting the head teacher's decision. */
  awaiting: { number: number; publishedByName: string; publishedAt: Date } | null
  /** The latest changes since the current version was published, in words (a few). */
  changes: ChangeEntry[]
  changeCount: number
  /**
   * Current team members with a login who have not acknowledged the current version (0 when none is
   * approved): the people the manager can chase to acknowledge in the portal.
   */
  notAcknowledged: number
  /** Current team members with no login, who cannot acknowledge here: their copies are recorded instead. */
  withoutLogin: number
}

/** The plan's state for the dashboard: current version, staleness with the latest changes, awaiting approval. */
export async function getPlanDashboard(
  schoolId: string,
  timeZone: string,
  opts: { changes?: number } = {},
): Promise<PlanDashboard> {
  const [staleness, awaiting] = await Promise.all([
    getPlanStaleness(schoolId),
    db.planVersion.findFirst({
      where: { schoolId, status: 'SUBMITTED' },
      orderBy: { number: 'desc' },
      select: { number: true, publishedByName: true, publishedAt: true },
    }),
  ])
  const current = staleness.current
  const [members, withoutLogin, acknowledged, page] = await Promise.all([
    current ? db.teamMember.count({ where: { schoolId, leftAt: null, membershipId: { not: null } } }) : 0,
    current ? db.teamMember.count({ where: { schoolId, leftAt: null, membershipId: null } }) : 0,
    current
      ? db.planAcknowledgement.count({
          where: {
            schoolId,
            planVersionId: current.id,
            teamMember: { leftAt: null, membershipId: { not: null } },
          },
        })
      : 0,
    staleness.stale && current
      ? listPlanChanges(schoolId, current.publishedAt, { timeZone, pageSize: opts.changes ?? 5 })
      : null,
  ])
  return {
    ...staleness,
    awaiting,
    changes: page?.entries ?? [],
    changeCount: page?.total ?? 0,
    notAcknowledged: Math.max(0, members - acknowledged),
    withoutLogin,
  }
}

/** The changes to what the plan is built from since a moment (the current version's publishing), newest first. */
export async function listPlanChanges(
  schoolId: string,
  since: Date,
  opts: { timeZone: string; page?: number; pageSize?: number },
) {
  return listChanges(schoolId, {
    timeZone: opts.timeZone,
    entity: PLAN_SOURCE_ENTITIES,
    since,
    page: opts.page,
    pageSize: opts.pageSize,
  })
}

// ---- copies -------------------------------------------------------------------------------------------

export type PlanCopyRow = {
  id: string
  location: CopyLocation
  holder: string
  teamMemberId: string | null
  memberName: string | null
  versionNumber: number | null
  notes: string
  archivedAt: Date | null
  version: number
  /** Older than the current approved version (or of an unknown version while one is approved). */
  outOfDate: boolean
}

/** The copies of the plan on record (held, or no longer held), with the current version number. Two queries. */
export async function listPlanCopies(
  schoolId: string,
  opts: { archived?: boolean } = {},
): Promise<{ copies: PlanCopyRow[]; current: number | null }> {
  const [rows, current] = await Promise.all([
    db.planCopy.findMany({
      where: { schoolId, archivedAt: opts.archived ? { not: null } : null },
      orderBy: [{ location: 'asc' }, { holder: 'asc' }],
      select: {
        id: true,
        location: true,
        holder: true,
        teamMemberId: true,
        teamMember: { select: { name: true } },
        versionNumber: true,
        notes: true,
        archivedAt: true,
        version: true,
      },
    }),
    getCurrentPlanVersion(schoolId),
  ])
  const n = current?.number ?? null
  return {
    current: n,
    copies: rows.map(({ teamMember, ...c }) => ({
      ...c,
      memberName: teamMember?.name ?? null,
      outOfDate: n !== null && (c.versionNumber === null || c.versionNumber < n),
    })),
  }
}

export async function getPlanCopy(schoolId: string, id: string) {
  return db.planCopy.findFirst({
    where: { id, schoolId },
    select: {
      id: true,
      location: true,
      holder: true,
      teamMemberId: true,
      versionNumber: true,
      notes: true,
      archivedAt: true,
      version: true,
    },
  })
}

/** Current team members to choose a copy's holder from. */
export async function listCopyHolders(schoolId: string) {
  return db.teamMember.findMany({
    where: { schoolId, leftAt: null },
    orderBy: { name: 'asc' },
    select: { id: true, name: true },
  })
}

// ---- the public check page ----------------------------------------------------------------------------

/**
 * What the public check page may say about a fingerprint (or its first 16 or more characters). This is
 * the one query not scoped to a school: whoever holds a printed copy may not be signed in. It answers
 * only current / superseded by N / not recognised (lib/plan-versions/standing.ts, `checkAnswer`), and
 * reads nothing else about the school or the plan. Two queries at most.
 */
export async function checkFingerprint(hex: string): Promise<CheckAnswer> {
  const matches = await db.planVersion.findMany({
    where: { fingerprint: { startsWith: hex } },
    take: 2,
    select: { schoolId: true, number: true, status: true },
  })
  const [only] = matches
  if (matches.length !== 1 || !only || only.status !== 'APPROVED') return checkAnswer(matches, null)
  const current = await db.planVersion.findFirst({
    where: { schoolId: only.schoolId, status: 'APPROVED' },
    orderBy: { number: 'desc' },
    select: { number: true },
  })
  return checkAnswer(matches, current?.number ?? null)
}

/** `School.planSourceVersion` now: read before the plan is built, so publishing can tell if it moved meanwhile. */
export async function getPlanSourceVersion(schoolId: string): Promise<number> {
  const s = await db.school.findUniqueOrThrow({
    where: { id: schoolId },
    select: { planSourceVersion: true },
  })
  return s.planSourceVersion
}

/** Keys the check page counts attempts against: the client's network, apart from sign-in's own count. */
export function checkThrottleKeys(ip: string | null): string[] {
  // The "ip:" prefix gives an address's allowance (a school's staff share one address).
  return addressKeys(ip).map((k) => `ip:check:${k.slice(3)}`)
}

export type ThrottledCheck = { kind: 'LOCKED'; retryAfterMs: number } | CheckAnswer

/**
 * The check page's answer for what was typed or scanned, throttled like sign-in: every attempt is counted
 * against the client's address before the lookup (the one write here), an answer that recognises a version
 * takes its attempt back, and too many unrecognised ones lock the address for a while. Input that is no
 * fingerprint at all is not recognised, without a lookup.
 */
export async function checkFingerprintThrottled(typed: string, headers: Headers): Promise<ThrottledCheck> {
  const keys = checkThrottleKeys(requestAddress(headers, parseTrustedProxies(process.env)))
  const wait = keys.length ? await countAttempt(db, keys) : 0
  if (wait > 0) return { kind: 'LOCKED', retryAfterMs: wait }
  const hex = parseCheckInput(typed)
  const answer = hex ? await checkFingerprint(hex) : ({ kind: 'UNKNOWN' } as const)
  if (answer.kind !== 'UNKNOWN' && keys.length) await clearAfterSuccess(db, keys)
  return answer
}
