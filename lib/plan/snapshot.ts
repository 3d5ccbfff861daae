/**
 * A published recovery plan as data: what the plan page renders, frozen at publishing (issue 11, item 4).
 *
 * One shape feeds the plan page (built live), a published version (stored as JSON in `PlanVersion.snapshot`),
 * the version comparison, the full PDF and a team member's pack, so none of them reads the database for the
 * plan's content once the snapshot exists. Everything a reader needs is in it by value (names, phone
 * numbers, roles), never by id alone: a printed copy must still make sense when the records have changed.
 * Ids are kept beside the names so two versions can be compared record by record.
 *
 * The fingerprint is the SHA-256 of the canonical JSON of the snapshot (object keys sorted, no whitespace,
 * arrays in their stored order), in lower-case hex. The snapshot carries its own version number and school
 * id, so two versions never share a fingerprint, and `fingerprint(stored.snapshot)` always gives back the
 * stored fingerprint: the check page and the PDF's stamp rest on that.
 *
 * Pure: no Prisma, no clock. The builder that fills it from the database is in `queries.ts`.
 */
import { createHash } from 'node:crypto'

/** Bump when the shape changes in a way old readers cannot read; readers switch on it. */
export const SNAPSHOT_SCHEMA = 1 as const

export type SnapshotRole = { id: string; name: string }

/** A current team member as the plan prints them: on the contact sheet and beside their steps. */
export type SnapshotMember = {
  id: string
  name: string
  jobTitle: string
  /** Names of the recovery roles they hold, built-in ones first. */
  roles: SnapshotRole[]
  mobile: string
  otherPhone: string
  personalEmail: string
  outOfHoursNotes: string
  fallbackContact: string
}

/** One procedure step, with who can carry it out (members holding its role; empty when nobody does). */
export type SnapshotStep = {
  id: string
  /** 1-based within its procedure. */
  position: number
  instruction: string
  minutes: number
  role: SnapshotRole | null
  holderIds: string[]
  /** A step that must be finished first, if any. */
  afterStepId: string | null
}

export type SnapshotBackup = {
  id: string
  name: string
  /** The asset or service it copies, by name. */
  of: string
  location: string
  medium: string
  offline: boolean
  frequencyMinutes: number
  /** ISO date of the last passed restore test, or null when never tested. */
  lastRestoreTestAt: string | null
}

export type SnapshotSupplier = { name: string; contact: string; reason: string }

/** An asset to restore, in restore order. */
export type SnapshotAsset = {
  id: string
  name: string
  type: string
  /** 1 = restore first. */
  position: number
  /** The smallest RTO of the services that need it. */
  deadlineMinutes: number
  supplier: string
  contractRef: string
  location: string
  /** Ids of the assets it depends on. */
  dependsOnIds: string[]
  /** Ids of the live services that need it, in recovery order. */
  neededByIds: string[]
  inLoop: boolean
  /** Its restore procedure. */
  steps: SnapshotStep[]
}

export type SnapshotPlan = {
  id: string
  name: string
  strategy: string
  description: string
  manualWorkaround: string
  invocationCriteria: string
  standby: { supplier: string; contract: string; contact: string; howToInvoke: string } | null
  steps: SnapshotStep[]
}

export type SnapshotEstimate = {
  /** Along the critical path, everyone available. */
  criticalMinutes: number
  /** One person doing everything. */
  sequentialMinutes: number
  /** With only the people actually on the team; null when some step has nobody to do it. */
  teamMinutes: number | null
  atRisk: boolean
  /** Readable links of the chain that makes it late ("Restore MIS server (90 min)"), empty when on time. */
  lateChain: string[]
}

/** A service, in recovery order. */
export type SnapshotService = {
  id: string
  name: string
  /** 1 = recover first. */
  position: number
  /** 1 = vital. */
  criticality: number
  rtoMinutes: number
  rpoMinutes: number
  minServiceLevel: string
  /** Why it sits at this position, in words. */
  why: string
  estimate: SnapshotEstimate
  /** Everything it needs, in restore order. */
  assets: { id: string; name: string; direct: boolean; required: boolean }[]
  plans: SnapshotPlan[]
  suppliers: SnapshotSupplier[]
  backups: SnapshotBackup[]
}

export type GapKind =
  | 'NO_MANAGER'
  | 'NO_DEPUTY'
  | 'VITAL_WITHOUT_PLAN'
  | 'SERVICE_WITHOUT_PLAN'
  | 'UNCOVERED_STEP'
  | 'LOOP'
  | 'AT_RISK'

/** Something missing or wrong that the plan prints rather than hides. */
export type SnapshotGap = { kind: GapKind; text: string; ids: string[] }

export type PlanSnapshot = {
  schema: typeof SNAPSHOT_SCHEMA
  school: { id: string; name: string; timeZone: string }
  /** The version number this snapshot was published as; 0 for the live (unpublished) plan. */
  version: number
  /** ISO instant the snapshot was taken. */
  takenAt: string
  services: SnapshotService[]
  assets: SnapshotAsset[]
  /** The contact sheet: current members, by name. */
  members: SnapshotMember[]
  gaps: SnapshotGap[]
}

/**
 * Whether a service has an estimate at all: with no timed step written for its plans or for restoring
 * the assets it needs, "0 minutes" would read as "on time", so the plan says there is no estimate instead.
 */
export function hasEstimate(estimate: SnapshotEstimate): boolean {
  return estimate.sequentialMinutes > 0
}

/** The gaps that must be printed on a plan before it may be published (issue 11, item 4). */
export const BLOCKING_GAPS: readonly GapKind[] = ['NO_MANAGER', 'NO_DEPUTY', 'VITAL_WITHOUT_PLAN']

/** JSON with object keys sorted at every depth and no whitespace; `undefined` members are dropped as JSON does. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value)
    // JSON.stringify(undefined) is undefined; inside arrays JSON writes null for it.
    return text === undefined ? 'null' : text
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
}

/** SHA-256 of the canonical JSON, lower-case hex (64 characters). */
export function fingerprint(snapshot: PlanSnapshot): string {
  return createHash('sha256').update(canonicalJson(snapshot), 'utf8').digest('hex')
}

/** A fingerprint as people read it off paper: groups of four, the first 16 characters in bold on the page. */
export function groupFingerprint(hex: string): string {
  return hex.replace(/(.{4})(?=.)/g, '$1 ')
}

/** What a person typed, reduced to lower-case hex (spaces, dashes and case ignored); null when not hex. */
export function normaliseFingerprint(typed: string): string | null {
  const hex = typed.replace(/[\s-]/g, '').toLowerCase()
  return /^[0-9a-f]+$/.test(hex) ? hex : null
}
