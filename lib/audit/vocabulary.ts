/*
 * The audit vocabulary: every kind of record the portal writes an audit row for, the actions it can
 * record on each, the words each pair reads as, and the label and display of each field. It is the one
 * source both sides use: `writeAudit` accepts only the pairs listed here (a typo fails the typecheck)
 * and the activity log describes rows with these words (lib/audit/describe.ts).
 *
 * Adding a domain (risks, countermeasures, contingency plans, reviews...): one entry in ENTITIES (its
 * actions and labelled fields), its phrases in PHRASES (the compiler asks for one per action), and its
 * place in ACTIVITY_KINDS (a unit test asks). If its rows may lack the record's name, or another record
 * points at it by id, add it to NamedEntity and to the name lookups in queries.ts.
 */

/** How a stored value is shown. Anything not listed in an entity's fields is never shown (ids, versions). */
export type FieldDisplay =
  | { kind: 'text' }
  /** Free text that can run to paragraphs: shown in the details, named but not quoted in the sentence. */
  | { kind: 'longText' }
  /** Minutes, read out as a duration ("1 day", "4 hours"). */
  | { kind: 'duration' }
  /** 1..4, shown as "1. Vital". */
  | { kind: 'criticality' }
  | { kind: 'assetType' }
  | { kind: 'role' }
  | { kind: 'boolean'; yes: string; no: string }
  /** A moment, shown in the school's time zone. */
  | { kind: 'dateTime' }
  /** A date-only value stored at midday UTC ("standby last verified"). */
  | { kind: 'day' }
  /** The id of another record, shown as that record's name. */
  | { kind: 'ref'; entity: NamedEntity }
  /** A service's impact over time: [{ afterMinutes, level, note }]. */
  | { kind: 'impacts' }
  /** A number or a list of names, shown as a count. */
  | { kind: 'count' }

export type FieldSpec = { label: string } & FieldDisplay

type EntitySpec = {
  /** The record's kind in a sentence: "the service Wi-Fi". */
  noun: string
  plural: string
  /** The actions that may be recorded on it. */
  actions: readonly string[]
  /** Labelled fields, in the order the details list them. */
  fields: Readonly<Record<string, FieldSpec>>
}

const text = (label: string): FieldSpec => ({ label, kind: 'text' })
const longText = (label: string): FieldSpec => ({ label, kind: 'longText' })

const SERVICE_FIELDS = {
  name: text('name'),
  criticality: { label: 'criticality', kind: 'criticality' },
  rtoMinutes: { label: 'recovery time objective', kind: 'duration' },
  rpoMinutes: { label: 'recovery point objective', kind: 'duration' },
  maxOutageMinutes: { label: 'maximum tolerable outage', kind: 'duration' },
  owner: text('owner'),
  usersAffected: longText('who is affected'),
  minServiceLevel: longText('minimum service level'),
  impacts: { label: 'impact of an outage', kind: 'impacts' },
  description: longText('description'),
  archivedAt: { label: 'archived', kind: 'dateTime' },
} as const satisfies Record<string, FieldSpec>

const ASSET_FIELDS = {
  name: text('name'),
  type: { label: 'type', kind: 'assetType' },
  location: text('location'),
  supplier: text('supplier'),
  contractRef: text('contract reference'),
  specification: longText('specification'),
  standbyAssetId: { label: 'standby asset', kind: 'ref', entity: 'Asset' },
  standbyArrangement: longText('standby arrangement'),
  standbyVerifiedAt: { label: 'standby last verified', kind: 'day' },
  archivedAt: { label: 'archived', kind: 'dateTime' },
} as const satisfies Record<string, FieldSpec>

const PERSON_FIELDS = {
  name: text('name'),
  email: text('e-mail address'),
  role: { label: 'role', kind: 'role' },
} as const satisfies Record<string, FieldSpec>

const RECOVERY_ROLE_FIELDS = {
  name: text('name'),
  responsibilities: longText('responsibilities'),
  archivedAt: { label: 'archived', kind: 'dateTime' },
} as const satisfies Record<string, FieldSpec>

const TEAM_MEMBER_FIELDS = {
  name: text('name'),
  jobTitle: text('job or employer'),
  login: text('portal login'),
  roles: text('recovery roles'),
  systemAccess: { label: 'uses the school systems', kind: 'boolean', yes: 'yes', no: 'no' },
  mobile: text('mobile'),
  otherPhone: text('other phone'),
  personalEmail: text('personal e-mail'),
  outOfHoursNotes: longText('out-of-hours notes'),
  fallbackContact: text('if they do not answer'),
  leftAt: { label: 'left', kind: 'dateTime' },
} as const satisfies Record<string, FieldSpec>
// Risks, threats and countermeasures (lib/risks/). A risk's audited row carries its title as `name`, and
// the names (not ids) of what it links to, so the log reads without lookups.
const RISK_FIELDS = {
  name: text('title'),
  category: text('category'),
  threats: text('threats'),
  services: text('services at risk'),
  assets: text('assets at risk'),
  likelihood: text('likelihood'),
  impact: text('impact'),
  residualLikelihood: text('residual likelihood'),
  residualImpact: text('residual impact'),
  owner: text('owner'),
  status: text('status'),
  nextReviewOn: { label: 'next review', kind: 'day' },
  description: longText('description'),
} as const satisfies Record<string, FieldSpec>
const COUNTERMEASURE_FIELDS = {
  name: text('title'),
  risks: text('risks it reduces'),
  kind: text('kind'),
  process: text('process'),
  owner: text('owner'),
  status: text('status'),
  dueOn: { label: 'due', kind: 'day' },
  costPounds: text('cost in pounds'),
  lastVerifiedOn: { label: 'last verified', kind: 'day' },
  verificationNote: longText('how it was verified'),
  description: longText('description'),
  archivedAt: { label: 'archived', kind: 'dateTime' },
} as const satisfies Record<string, FieldSpec>
const NAMED_LIST_FIELDS = {
  name: text('name'),
  description: longText('description'),
  retiredAt: { label: 'retired', kind: 'dateTime' },
} as const satisfies Record<string, FieldSpec>

export const ENTITIES = {
  Service: {
    noun: 'service',
    plural: 'services',
    actions: ['create', 'update', 'archive', 'restore', 'import', 'load-starter'],
    fields: SERVICE_FIELDS,
  },
  Asset: {
    noun: 'asset',
    plural: 'assets',
    actions: ['create', 'update', 'archive', 'restore', 'import', 'load-starter'],
    fields: ASSET_FIELDS,
  },
  /** A service needing an asset. `create`/`delete` are what the catalogue writes; `link`/`unlink` read the same. */
  ServiceAsset: {
    noun: 'link',
    plural: 'links',
    actions: ['create', 'update', 'delete', 'link', 'unlink', 'load-starter'],
    fields: {
      service: text('service'),
      asset: text('asset'),
      required: { label: 'needed', kind: 'boolean', yes: 'required', no: 'optional' },
    },
  },
  /** An asset depending on another. */
  AssetDependency: {
    noun: 'dependency',
    plural: 'dependencies',
    actions: ['create', 'delete', 'link', 'unlink', 'load-starter'],
    fields: { asset: text('asset'), dependsOn: text('depends on') },
  },
  Membership: {
    noun: 'member',
    plural: 'members',
    actions: ['create', 'update', 'change-role', 'delete', 'join'],
    fields: PERSON_FIELDS,
  },
  Invitation: {
    noun: 'invitation',
    plural: 'invitations',
    actions: ['create', 'send', 'resend', 'accept', 'decline', 'revoke'],
    fields: { ...PERSON_FIELDS, expiresAt: { label: 'expires', kind: 'dateTime' } },
  },
  /** A signed-in session (server-side sessions). */
  Session: {
    noun: 'session',
    plural: 'sessions',
    actions: ['revoke', 'revoke-all'],
    fields: {},
  },
  /** A login: its password and details. */
  User: {
    noun: 'login',
    plural: 'logins',
    actions: ['change-password', 'reset-password', 'update'],
    fields: { name: text('name'), email: text('e-mail address') },
  },
  /** A role in the recovery team (lib/team). */
  RecoveryRole: {
    noun: 'recovery role',
    plural: 'recovery roles',
    actions: ['create', 'update', 'archive', 'restore'],
    fields: RECOVERY_ROLE_FIELDS,
  },
  /** A member of the recovery team; `update-contacts` is a member changing their own contact details. */
  TeamMember: {
    noun: 'team member',
    plural: 'team members',
    actions: ['create', 'update', 'update-contacts', 'leave', 'rejoin'],
    fields: TEAM_MEMBER_FIELDS,
  },
  /** Training or a rehearsal recorded for a team member. */
  TrainingRecord: {
    noun: 'training record',
    plural: 'training records',
    actions: ['create', 'delete'],
    fields: {
      member: text('team member'),
      kind: text('kind'),
      title: text('what'),
      heldOn: { label: 'date', kind: 'day' },
      provider: text('provider'),
      notes: longText('notes'),
    },
  },
  RiskCategory: {
    noun: 'risk category',
    plural: 'risk categories',
    actions: ['create', 'update', 'retire', 'restore'],
    fields: NAMED_LIST_FIELDS,
  },
  Threat: {
    noun: 'threat',
    plural: 'threats',
    actions: ['create', 'update', 'retire', 'restore'],
    fields: NAMED_LIST_FIELDS,
  },
  Risk: {
    noun: 'risk',
    plural: 'risks',
    actions: ['create', 'update', 'close', 'reopen', 'accept-proposal'],
    fields: RISK_FIELDS,
  },
  /** A risk proposed from the catalogue's weak points, dismissed with a reason (accepting one creates a Risk). */
  RiskProposal: {
    noun: 'proposed risk',
    plural: 'proposed risks',
    actions: ['dismiss'],
    fields: { name: text('proposal'), asset: text('asset'), reason: longText('reason') },
  },
  Countermeasure: {
    noun: 'countermeasure',
    plural: 'countermeasures',
    actions: ['create', 'update', 'change-status', 'archive', 'restore'],
    fields: COUNTERMEASURE_FIELDS,
  },
  /** The school's register as a whole: its risk appetite, and loading the FITS defaults. */
  RiskRegister: {
    noun: 'risk register',
    plural: 'risk registers',
    actions: ['update', 'load-defaults'],
    fields: { riskAppetite: text('risk appetite') },
  },
  /** Bulk changes to the catalogue: one summary row whose id the per-record rows carry as batchId. */
  Catalogue: {
    noun: 'catalogue',
    plural: 'catalogues',
    actions: ['load-starter', 'import'],
    fields: {},
  },
  /**
   * A contingency plan (lib/contingency). Rows carry display fields beside the stored ones (the
   * strategy's label, costs in pounds), so the log reads in words; the stored ones are not listed.
   */
  ContingencyPlan: {
    noun: 'contingency plan',
    plural: 'contingency plans',
    actions: ['create', 'update', 'archive', 'restore'],
    fields: {
      name: text('what it covers'),
      service: text('service'),
      strategyLabel: text('strategy'),
      description: longText('description'),
      oneOffCost: text('one-off cost'),
      yearlyCost: text('yearly cost'),
      manualWorkaround: longText('manual workaround'),
      invocationCriteria: longText('invocation criteria'),
      standbySupplier: text('standby supplier'),
      standbyContract: text('standby contract'),
      standbyContact: longText('standby contact'),
      standbyHowToInvoke: longText('how to invoke the standby'),
      standbyInvokeCost: text('cost to invoke the standby'),
      archivedAt: { label: 'archived', kind: 'dateTime' },
    },
  },
  /** A step of a plan's procedure or of an asset's restore procedure; `name` is its instruction, shortened. */
  ProcedureStep: {
    noun: 'step',
    plural: 'steps',
    actions: ['create', 'update', 'move', 'delete'],
    fields: {
      procedure: text('procedure'),
      instruction: longText('instruction'),
      estimatedMinutes: { label: 'estimated time', kind: 'duration' },
      role: text('recovery role'),
      after: text('done after'),
      position: text('place in the order'),
    },
  },
  /** One backup copy of a data asset or a service (lib/backups). */
  Backup: {
    noun: 'backup',
    plural: 'backups',
    actions: ['create', 'update', 'archive', 'restore'],
    fields: {
      name: text('what is backed up'),
      subject: text('backup of'),
      locationLabel: text('where'),
      offline: { label: 'offline', kind: 'boolean', yes: 'offline', no: 'online' },
      mediumLabel: text('medium'),
      frequencyMinutes: { label: 'how often', kind: 'duration' },
      retention: text('retention'),
      notes: longText('notes'),
      archivedAt: { label: 'archived', kind: 'dateTime' },
    },
  },
  /** A restore from a backup, tried and timed: recorded, and removed only if entered by mistake. */
  RestoreTest: {
    noun: 'restore test',
    plural: 'restore tests',
    actions: ['create', 'delete'],
    fields: {
      backup: text('backup'),
      testedOn: { label: 'tested on', kind: 'day' },
      whatRestored: text('what was restored'),
      minutesTaken: { label: 'time taken', kind: 'duration' },
      resultLabel: text('result'),
      notes: longText('notes'),
    },
  },
  /** The school's own settings. */
  School: {
    noun: 'school',
    plural: 'schools',
    actions: ['update'],
    fields: {
      name: text('name'),
      restoreTestMonths: text('months between restore tests'),
    },
  },
  /** The school's review schedule (reviews): termly or every N months. Its entity id is the school's. */
  ReviewSchedule: {
    noun: 'review schedule',
    plural: 'review schedules',
    actions: ['update'],
    fields: {
      cadence: text('review schedule'),
      staleDays: text('days the plan may be out of date before a review is proposed'),
    },
  },
  /** A plan review (reviews); `name` is "Review 3". */
  Review: {
    noun: 'review',
    plural: 'reviews',
    actions: ['start', 'answer', 'consider', 'submit', 'resubmit', 'return', 'sign-off'],
    fields: {
      dueDate: { label: 'due', kind: 'day' },
      comment: longText('comment'),
      signedOffName: text('signed off as'),
      reason: longText('why it was started'),
    },
  },
  /** Something to do because a review question was answered "no". */
  ReviewAction: {
    noun: 'review action',
    plural: 'review actions',
    actions: ['create', 'complete', 'reopen'],
    fields: { name: text('action'), owner: text('owner'), dueDate: { label: 'due', kind: 'day' } },
  },
  /** A question of the school's review checklist. */
  ReviewChecklistItem: {
    noun: 'review question',
    plural: 'review questions',
    actions: ['create', 'archive', 'restore'],
    fields: { name: text('question'), section: text('section') },
  },
  /** A published version of the recovery plan (lib/plan); `name` is "version 3". */
  PlanVersion: {
    noun: 'plan version',
    plural: 'plan versions',
    actions: ['publish', 'approve', 'return'],
    fields: {
      fingerprint: text('fingerprint'),
      gaps: { label: 'gaps printed on it', kind: 'count' },
      comment: longText('comment'),
    },
  },
  /** A copy of the plan someone holds somewhere (grab bag, off site...). `name` is where and who. */
  PlanCopy: {
    noun: 'plan copy',
    plural: 'plan copies',
    actions: ['create', 'update', 'archive', 'restore'],
    fields: {
      locationLabel: text('where'),
      holder: text('held by'),
      member: text('team member'),
      versionNumber: text('version held'),
      notes: longText('notes'),
    },
  },
  /** "I hold and have read version N", by a team member. `name` is the version ("version 3"). */
  PlanAcknowledgement: {
    noun: 'plan acknowledgement',
    plural: 'plan acknowledgements',
    actions: ['acknowledge'],
    fields: { member: text('team member') },
  },
  /** A review proposed by a trigger (lib/reviews/triggers.ts); `name` is its reason. */
  ReviewProposal: {
    noun: 'proposed review',
    plural: 'proposed reviews',
    actions: ['start', 'dismiss'],
    fields: { name: text('proposal'), review: text('review'), reason: longText('why no review is needed') },
  },
} as const satisfies Record<string, EntitySpec>

export type AuditEntity = keyof typeof ENTITIES
export type AuditActionOf<E extends AuditEntity> = (typeof ENTITIES)[E]['actions'][number]
export type AuditAction = AuditActionOf<AuditEntity>
/** An entity and one of its own actions: `{ entity: 'Service', action: 'archive' }`. */
export type AuditPair = { [E in AuditEntity]: { entity: E; action: AuditActionOf<E> } }[AuditEntity]

/** Records whose ids the activity log resolves to names (as a field value or as the row's record). */
export type NamedEntity = 'Service' | 'Asset' | 'Membership' | 'Invitation'
export const NAMED_ENTITIES: readonly NamedEntity[] = ['Service', 'Asset', 'Membership', 'Invitation']

export const AUDIT_ENTITIES = Object.keys(ENTITIES) as AuditEntity[]

export function isAuditEntity(v: string): v is AuditEntity {
  return Object.hasOwn(ENTITIES, v)
}

export function isAuditPair(entity: string, action: string): boolean {
  return isAuditEntity(entity) && (ENTITIES[entity].actions as readonly string[]).includes(action)
}

/** Every (entity, action) pair in the vocabulary. */
export function auditPairs(): AuditPair[] {
  return AUDIT_ENTITIES.flatMap((entity) =>
    ENTITIES[entity].actions.map((action) => ({ entity, action }) as AuditPair),
  )
}

/** What a row carries for each kind of detail shown under its sentence. */
export type DetailKind = 'changes' | 'values' | 'none'

/** The parts a phrase is built from; the describer fills them from the row and the names it resolved. */
export type PhraseParts = {
  /** Who made the change (as the sentence starts). */
  who: string
  /** The record's name ("Management information system (MIS)"), or a stand-in when it is gone. */
  name: string
  /** Raw before/after, for phrases that need a value (a link's two ends, a role). */
  before: Record<string, unknown>
  after: Record<string, unknown>
  /** A field's value as shown ("Recovery team member"), from after, or before when after lacks it. */
  shown: (field: string, from?: 'before' | 'after') => string
}

export type Phrase = {
  /** The words after the person's name: "archived the service Wi-Fi". */
  says: (p: PhraseParts) => string
  /**
   * What the details list under the sentence: `changes` (each changed field from old to new, also named
   * in the sentence), `values` (the values the record started with), or `none`.
   */
  details: DetailKind
}

/** "a service", "an asset". */
export const a = (word: string) => (/^[aeiou]/i.test(word) ? `an ${word}` : `a ${word}`)
const role = (p: PhraseParts, from?: 'before' | 'after') => a(p.shown('role', from).toLowerCase())
const count = (n: unknown, one: string, many: string) => {
  const c = Array.isArray(n) ? n.length : typeof n === 'number' ? n : 0
  return `${c} ${c === 1 ? one : many}`
}
const linkEnds = (p: PhraseParts) => ({
  service: String(p.after.service ?? p.before.service ?? 'a service'),
  asset: String(p.after.asset ?? p.before.asset ?? 'an asset'),
  optional: (p.after.required ?? p.before.required) === false,
})
const dependencyEnds = (p: PhraseParts) => ({
  asset: String(p.after.asset ?? p.before.asset ?? 'an asset'),
  dependsOn: String(p.after.dependsOn ?? p.before.dependsOn ?? 'another asset'),
})

/** "the plan Server failure (MIS)" or "the restore procedure of File server", as the row recorded it. */
const stepProcedure = (p: PhraseParts) =>
  String(p.after.procedure ?? p.before.procedure ?? 'a procedure no longer recorded')

const needs = (p: PhraseParts) => {
  const l = linkEnds(p)
  return `recorded that the service ${l.service} needs the asset ${l.asset}${l.optional ? ' (optional)' : ''}`
}
const noLongerNeeds = (p: PhraseParts) => {
  const l = linkEnds(p)
  return `recorded that the service ${l.service} no longer needs the asset ${l.asset}`
}
const dependsOn = (p: PhraseParts) => {
  const d = dependencyEnds(p)
  return `recorded that the asset ${d.asset} depends on ${d.dependsOn}`
}
const noLongerDependsOn = (p: PhraseParts) => {
  const d = dependencyEnds(p)
  return `recorded that the asset ${d.asset} no longer depends on ${d.dependsOn}`
}

function recordPhrases(noun: string) {
  return {
    create: { says: (p) => `added the ${noun} ${p.name}`, details: 'values' },
    update: { says: (p) => `changed the ${noun} ${p.name}`, details: 'changes' },
    archive: { says: (p) => `archived the ${noun} ${p.name}`, details: 'none' },
    restore: { says: (p) => `restored the ${noun} ${p.name}`, details: 'none' },
    import: { says: (p) => `imported the ${noun} ${p.name} from a CSV file`, details: 'values' },
    'load-starter': {
      says: (p) => `added the ${noun} ${p.name} from the starter catalogue`,
      details: 'values',
    },
  } as const satisfies Record<string, Phrase>
}

/** The words for every pair. The type makes a missing phrase a compile error. */
export const PHRASES: { [E in AuditEntity]: Record<AuditActionOf<E>, Phrase> } = {
  Service: recordPhrases('service'),
  Asset: recordPhrases('asset'),
  ServiceAsset: {
    create: { says: needs, details: 'none' },
    link: { says: needs, details: 'none' },
    'load-starter': { says: (p) => `${needs(p)}, from the starter catalogue`, details: 'none' },
    update: {
      says: (p) => {
        const l = linkEnds(p)
        return `changed whether the service ${l.service} needs the asset ${l.asset}`
      },
      details: 'changes',
    },
    delete: { says: noLongerNeeds, details: 'none' },
    unlink: { says: noLongerNeeds, details: 'none' },
  },
  AssetDependency: {
    create: { says: dependsOn, details: 'none' },
    link: { says: dependsOn, details: 'none' },
    'load-starter': { says: (p) => `${dependsOn(p)}, from the starter catalogue`, details: 'none' },
    delete: { says: noLongerDependsOn, details: 'none' },
    unlink: { says: noLongerDependsOn, details: 'none' },
  },
  Membership: {
    // Accepting an invitation makes the membership with the new member as its actor.
    create: {
      says: (p) =>
        p.who === p.name ? `joined the school as ${role(p)}` : `added ${p.name} to the school as ${role(p)}`,
      details: 'none',
    },
    join: { says: (p) => `joined the school as ${role(p)}`, details: 'none' },
    update: {
      says: (p) => `changed the role of ${p.name} from ${p.shown('role', 'before')} to ${p.shown('role')}`,
      details: 'none',
    },
    'change-role': {
      says: (p) => `changed the role of ${p.name} from ${p.shown('role', 'before')} to ${p.shown('role')}`,
      details: 'none',
    },
    delete: { says: (p) => `removed ${p.name} from the school`, details: 'none' },
  },
  Invitation: {
    create: { says: (p) => `invited ${p.name} to join the school as ${role(p)}`, details: 'values' },
    send: { says: (p) => `invited ${p.name} to join the school as ${role(p)}`, details: 'values' },
    resend: { says: (p) => `sent the invitation to ${p.name} again`, details: 'none' },
    accept: { says: (p) => `accepted the invitation to join the school as ${role(p)}`, details: 'none' },
    decline: { says: () => 'declined the invitation to join the school', details: 'none' },
    revoke: { says: (p) => `withdrew the invitation to ${p.name}`, details: 'none' },
  },
  Session: {
    revoke: { says: () => 'signed a device out', details: 'none' },
    'revoke-all': { says: () => 'signed out on every device', details: 'none' },
  },
  User: {
    'change-password': { says: () => 'changed their password', details: 'none' },
    'reset-password': { says: (p) => `reset the password of ${p.name}`, details: 'none' },
    update: { says: (p) => `changed the details of ${p.name}`, details: 'changes' },
  },
  RecoveryRole: {
    create: { says: (p) => `added the recovery role ${p.name}`, details: 'values' },
    update: { says: (p) => `changed the recovery role ${p.name}`, details: 'changes' },
    archive: { says: (p) => `retired the recovery role ${p.name}`, details: 'none' },
    restore: { says: (p) => `brought back the recovery role ${p.name}`, details: 'none' },
  },
  TeamMember: {
    create: { says: (p) => `added ${p.name} to the recovery team`, details: 'values' },
    update: { says: (p) => `changed the team member ${p.name}`, details: 'changes' },
    'update-contacts': {
      says: (p) =>
        p.who === p.name ? 'updated their own contact details' : `updated the contact details of ${p.name}`,
      details: 'changes',
    },
    leave: { says: (p) => `recorded that ${p.name} has left the recovery team`, details: 'none' },
    rejoin: { says: (p) => `recorded that ${p.name} is back in the recovery team`, details: 'none' },
  },
  TrainingRecord: {
    create: {
      says: (p) => `recorded ${p.shown('title')} for ${String(p.after.member ?? 'a team member')}`,
      details: 'values',
    },
    delete: {
      says: (p) =>
        `removed the record of ${p.shown('title', 'before')} for ${String(p.before.member ?? 'a team member')}`,
      details: 'none',
    },
  },
  RiskCategory: {
    create: { says: (p) => `added the risk category ${p.name}`, details: 'values' },
    update: { says: (p) => `changed the risk category ${p.name}`, details: 'changes' },
    retire: { says: (p) => `retired the risk category ${p.name}`, details: 'none' },
    restore: { says: (p) => `brought back the risk category ${p.name}`, details: 'none' },
  },
  Threat: {
    create: { says: (p) => `added the threat ${p.name}`, details: 'values' },
    update: { says: (p) => `changed the threat ${p.name}`, details: 'changes' },
    retire: { says: (p) => `retired the threat ${p.name}`, details: 'none' },
    restore: { says: (p) => `brought back the threat ${p.name}`, details: 'none' },
  },
  Risk: {
    create: { says: (p) => `added the risk ${p.name}`, details: 'values' },
    update: { says: (p) => `changed the risk ${p.name}`, details: 'changes' },
    close: { says: (p) => `closed the risk ${p.name}`, details: 'none' },
    reopen: { says: (p) => `reopened the risk ${p.name}`, details: 'none' },
    'accept-proposal': {
      says: (p) => `accepted the proposed risk ${p.name} from the catalogue's weak points`,
      details: 'values',
    },
  },
  RiskProposal: {
    dismiss: {
      says: (p) => `dismissed the proposed risk ${p.name}`,
      details: 'values',
    },
  },
  Countermeasure: {
    create: { says: (p) => `added the countermeasure ${p.name}`, details: 'values' },
    update: { says: (p) => `changed the countermeasure ${p.name}`, details: 'changes' },
    'change-status': {
      says: (p) => `marked the countermeasure ${p.name} as ${p.shown('status').toLowerCase()}`,
      details: 'none',
    },
    archive: { says: (p) => `archived the countermeasure ${p.name}`, details: 'none' },
    restore: { says: (p) => `restored the countermeasure ${p.name}`, details: 'none' },
  },
  RiskRegister: {
    update: { says: () => 'changed the risk appetite', details: 'changes' },
    'load-defaults': {
      says: (p) =>
        `loaded the FITS risk categories and threats: ${count(p.after.categories, 'category', 'categories')}, ${count(p.after.threats, 'threat', 'threats')}`,
      details: 'none',
    },
  },
  Catalogue: {
    'load-starter': {
      says: (p) => {
        const parts = [
          count(p.after.services, 'service', 'services'),
          count(p.after.assets, 'asset', 'assets'),
          count(p.after.links, 'link', 'links'),
        ]
        if (p.after.dependencies) parts.push(count(p.after.dependencies, 'dependency', 'dependencies'))
        return `loaded the starter catalogue: ${parts.join(', ')}`
      },
      details: 'none',
    },
    import: {
      says: (p) =>
        `imported ${count(p.after.assets, 'asset', 'assets')} from a CSV file${
          p.after.skipped ? ` (${count(p.after.skipped, 'row', 'rows')} with problems left out)` : ''
        }`,
      details: 'none',
    },
  },
  ContingencyPlan: recordPhrases('contingency plan'),
  ProcedureStep: {
    create: { says: (p) => `added a step to ${stepProcedure(p)}`, details: 'values' },
    update: { says: (p) => `changed a step of ${stepProcedure(p)}`, details: 'changes' },
    move: {
      says: (p) =>
        `moved the step “${p.name}” ${p.after.direction === 'down' ? 'down' : 'up'}${p.after.position ? ` to number ${String(p.after.position)}` : ''} in ${stepProcedure(p)}`,
      details: 'none',
    },
    delete: { says: (p) => `removed a step from ${stepProcedure(p)}`, details: 'none' },
  },
  Backup: {
    create: { says: (p) => `added the backup ${p.name}`, details: 'values' },
    update: { says: (p) => `changed the backup ${p.name}`, details: 'changes' },
    archive: { says: (p) => `archived the backup ${p.name}`, details: 'none' },
    restore: { says: (p) => `restored the backup ${p.name}`, details: 'none' },
  },
  RestoreTest: {
    create: {
      says: (p) => `recorded a restore test of the backup ${String(p.after.backup ?? 'no longer recorded')}`,
      details: 'values',
    },
    delete: {
      says: (p) => `removed a restore test of the backup ${String(p.before.backup ?? 'no longer recorded')}`,
      details: 'none',
    },
  },
  School: {
    update: { says: () => 'changed the school settings', details: 'changes' },
  },
  ReviewSchedule: {
    update: { says: (p) => `changed the review schedule to ${p.shown('cadence')}`, details: 'none' },
  },
  Review: {
    start: { says: (p) => `started ${p.name}`, details: 'values' },
    answer: { says: (p) => `answered questions of ${p.name}`, details: 'none' },
    consider: { says: (p) => `marked changes as considered in ${p.name}`, details: 'none' },
    submit: { says: (p) => `submitted ${p.name} for sign-off`, details: 'none' },
    resubmit: { says: (p) => `answered the comments and resubmitted ${p.name}`, details: 'values' },
    return: { says: (p) => `returned ${p.name} with comments`, details: 'values' },
    'sign-off': { says: (p) => `signed off ${p.name}`, details: 'values' },
  },
  ReviewAction: {
    create: { says: (p) => `added the review action ${p.name}`, details: 'values' },
    complete: { says: (p) => `marked the review action ${p.name} as done`, details: 'none' },
    reopen: { says: (p) => `reopened the review action ${p.name}`, details: 'none' },
  },
  ReviewChecklistItem: {
    create: { says: (p) => `added the review question "${p.name}"`, details: 'none' },
    archive: { says: (p) => `retired the review question "${p.name}"`, details: 'none' },
    restore: { says: (p) => `brought back the review question "${p.name}"`, details: 'none' },
  },
  PlanVersion: {
    publish: { says: (p) => `published ${p.name} of the recovery plan`, details: 'values' },
    approve: { says: (p) => `approved ${p.name} of the recovery plan`, details: 'values' },
    return: { says: (p) => `returned ${p.name} of the recovery plan with comments`, details: 'values' },
  },
  PlanCopy: {
    create: { says: (p) => `recorded a copy of the plan: ${p.name}`, details: 'values' },
    update: { says: (p) => `changed the record of the plan copy ${p.name}`, details: 'changes' },
    archive: { says: (p) => `recorded that the plan copy ${p.name} is no longer held`, details: 'none' },
    restore: { says: (p) => `recorded the plan copy ${p.name} as held again`, details: 'none' },
  },
  PlanAcknowledgement: {
    acknowledge: {
      // Only the member themselves acknowledges, so the sentence's "who" already names them.
      says: (p) => `acknowledged holding and reading ${p.name} of the recovery plan`,
      details: 'none',
    },
  },
  ReviewProposal: {
    start: {
      says: (p) => `started ${String(p.after.review ?? 'a review')} from the proposal “${p.name}”`,
      details: 'none',
    },
    dismiss: { says: (p) => `dismissed the proposed review “${p.name}”`, details: 'values' },
  },
}

/** Kinds of record the activity log can be filtered by, in the words of its filter. */
export const ACTIVITY_KINDS = {
  services: { label: 'Services', entities: ['Service'] },
  assets: { label: 'Assets', entities: ['Asset'] },
  links: { label: 'Links and dependencies', entities: ['ServiceAsset', 'AssetDependency'] },
  people: { label: 'People', entities: ['Membership', 'Invitation', 'User', 'Session'] },
  bulk: { label: 'Imports and starter catalogue', entities: ['Catalogue'] },
  plans: { label: 'Contingency plans and steps', entities: ['ContingencyPlan', 'ProcedureStep'] },
  backups: { label: 'Backups and restore tests', entities: ['Backup', 'RestoreTest'] },
  settings: { label: 'School settings', entities: ['School'] },
  team: { label: 'Recovery team', entities: ['RecoveryRole', 'TeamMember', 'TrainingRecord'] },
  risks: {
    label: 'Risks and countermeasures',
    entities: ['Risk', 'RiskProposal', 'Countermeasure', 'RiskCategory', 'Threat', 'RiskRegister'],
  },
  reviews: {
    label: 'Reviews',
    entities: ['Review', 'ReviewAction', 'ReviewChecklistItem', 'ReviewSchedule', 'ReviewProposal'],
  },
  plan: {
    label: 'Recovery plan versions and copies',
    entities: ['PlanVersion', 'PlanCopy', 'PlanAcknowledgement'],
  },
} as const satisfies Record<string, { label: string; entities: readonly AuditEntity[] }>
export type ActivityKind = keyof typeof ACTIVITY_KINDS
export const ACTIVITY_KIND_VALUES = Object.keys(ACTIVITY_KINDS) as [ActivityKind, ...ActivityKind[]]
