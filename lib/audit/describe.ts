/*
 * Audit rows described in words: pure, so it is unit-tested and runs the same for the activity log, the
 * dashboard and any domain that shows a record's history (reviews: "what changed since the last
 * review"). Internal ids are never shown: a field holding an id is shown as the name it resolves to.
 */

import { assetTypeLabel } from '@/lib/assets/schema'
import { ROLE_LABELS } from '@/lib/auth/permissions'
import { formatDuration } from '@/lib/catalogue/durations'
import { formatDateTime, formatDay } from '@/lib/format'
import type { Role } from '@/lib/generated/prisma/enums'
import { CRITICALITY, IMPACT_POINTS } from '@/lib/services/schema'
import {
  type AuditEntity,
  a,
  type DetailKind,
  ENTITIES,
  type FieldSpec,
  isAuditEntity,
  isAuditPair,
  NAMED_ENTITIES,
  type NamedEntity,
  PHRASES,
  type Phrase,
  type PhraseParts,
} from './vocabulary'

/** An audit row as read from the database. */
export type AuditRow = {
  id: string
  at: Date
  entity: string
  entityId: string
  action: string
  before: unknown
  after: unknown
  batchId: string | null
  actor: { name: string } | null
}

/** Names of records by kind and id, resolved in one query per kind for a whole page of rows. */
export type NameMap = Partial<Record<NamedEntity, ReadonlyMap<string, string>>>

/** One field's change: its label and its old and new values as shown (absent for a new or removed record). */
export type FieldChange = { field: string; label: string; before?: string; after?: string }

export type AuditEntry = {
  id: string
  at: Date
  /** When, in the school's time zone, UK style: "24 Nov 2026, 10:05". */
  when: string
  /** Who did it: the person's name. */
  who: string
  entity: string
  entityId: string
  action: string
  /** The record's name at the time (or now, when the row does not carry it). */
  name: string
  /** The words after who: "changed the service Wi-Fi". */
  says: string
  /** The whole sentence: "Priya Shah changed the service Wi-Fi: owner from Jo to Sam". */
  sentence: string
  /** Under the sentence: the changed fields (`changes`) or the values a new record started with (`values`). */
  details: DetailKind
  changes: FieldChange[]
  batchId: string | null
}

/** A described entry; a bulk change's summary also carries the rows it stands for (or some of them). */
export type ChangeEntry = AuditEntry & { batch?: { rows: AuditEntry[]; total: number } }

/**
 * What the change list shows of an entry: the described entry without what only the server uses (the
 * record's ids, the raw action, the whole sentence). A new record's starting values (nothing to compare)
 * come as the one line the list prints, `initial` ("Kind: Recover · Owner: Business manager"), rather
 * than field by field, so a page sends its browser a fraction of what it would.
 */
export type EntryView = Pick<
  AuditEntry,
  'id' | 'when' | 'who' | 'entity' | 'says' | 'details' | 'changes'
> & {
  /** When, as ISO 8601 for the `<time>` element: a string crosses to the browser as it is, a Date is rebuilt. */
  at: string
  initial?: string
  batch?: { rows: EntryView[]; total: number }
}

export function entryView(e: ChangeEntry): EntryView {
  // Only new values (a record's starting values, or fields set for the first time): nothing to compare,
  // so the list prints them as one line. A change keeps its fields too, for the dashboard's list of labels.
  const startingValues = e.changes.length > 0 && e.changes.every((c) => c.before === undefined)
  const view: EntryView = {
    id: e.id,
    at: e.at.toISOString(),
    when: e.when,
    who: e.who,
    entity: e.entity,
    says: e.says,
    details: e.details,
    changes: startingValues && e.details === 'values' ? [] : e.changes,
  }
  if (startingValues) view.initial = e.changes.map((c) => `${capitalise(c.label)}: ${c.after}`).join(' · ')
  if (e.batch) view.batch = { rows: e.batch.rows.map(entryView), total: e.batch.total }
  return view
}

/** What the describer needs besides the row. */
export type DescribeContext = { timeZone: string; names?: NameMap }

const NOT_SET = 'not set'
const LEVEL_WORDS: Record<string, string> = {
  NONE: 'none',
  LOW: 'low',
  MEDIUM: 'medium',
  HIGH: 'high',
  SEVERE: 'severe',
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

function asRecord(v: unknown): Record<string, unknown> {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {}
}

function isEmpty(v: unknown): boolean {
  return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)
}

function asDate(v: unknown): Date | null {
  if (typeof v !== 'string' && !(v instanceof Date)) return null
  const d = new Date(v)
  return Number.isNaN(d.getTime()) ? null : d
}

function impactText(v: unknown): string {
  if (!Array.isArray(v)) return NOT_SET
  const parts = v.flatMap((i) => {
    const r = asRecord(i)
    const minutes = typeof r.afterMinutes === 'number' ? r.afterMinutes : null
    if (minutes === null || !Number.isInteger(minutes) || minutes < 0) return []
    const point =
      IMPACT_POINTS.find((p) => p.minutes === minutes)?.label ?? `After ${formatDuration(minutes)}`
    const level = LEVEL_WORDS[String(r.level)] ?? 'not set'
    const note = typeof r.note === 'string' && r.note ? ` (${r.note})` : ''
    return [`${point.toLowerCase()}: ${level}${note}`]
  })
  return parts.length ? parts.join('; ') : NOT_SET
}

/** A stored value as people read it. Ids become names; a name that cannot be found says so, without the id. */
export function showValue(spec: FieldSpec, value: unknown, ctx: DescribeContext): string {
  if (isEmpty(value)) return spec.kind === 'boolean' ? spec.no : NOT_SET
  switch (spec.kind) {
    case 'text':
    case 'longText':
      return String(value)
    case 'duration':
      return typeof value === 'number' && Number.isInteger(value) && value >= 0
        ? formatDuration(value)
        : String(value)
    case 'criticality': {
      const c = CRITICALITY.find((x) => x.value === Number(value))
      return c ? `${c.value}. ${c.label}` : String(value)
    }
    case 'assetType':
      return assetTypeLabel(String(value))
    case 'role':
      return ROLE_LABELS[value as Role] ?? String(value)
    case 'boolean':
      return value === true || value === 'true' ? spec.yes : spec.no
    case 'dateTime': {
      const d = asDate(value)
      return d ? formatDateTime(d, ctx.timeZone) : NOT_SET
    }
    case 'day': {
      const d = asDate(value)
      return d ? formatDay(d) : NOT_SET
    }
    case 'ref':
      return (
        ctx.names?.[spec.entity]?.get(String(value)) ?? `${a(ENTITIES[spec.entity].noun)} no longer recorded`
      )
    case 'impacts':
      return impactText(value)
    case 'count':
      return String(Array.isArray(value) ? value.length : value)
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  if (isEmpty(a) && isEmpty(b)) return true
  return JSON.stringify(a) === JSON.stringify(b)
}

/** The labelled fields that differ between before and after, in the vocabulary's order. */
export function fieldChanges(
  entity: AuditEntity,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  ctx: DescribeContext,
): FieldChange[] {
  const fields: Record<string, FieldSpec> = ENTITIES[entity].fields
  return Object.entries(fields).flatMap(([field, spec]) => {
    if (!(field in before) && !(field in after)) return []
    if (sameValue(before[field], after[field])) return []
    return [
      {
        field,
        label: spec.label,
        before: showValue(spec, before[field], ctx),
        after: showValue(spec, after[field], ctx),
      },
    ]
  })
}

/** The values a new record started with (empty ones left out). */
function startingValues(entity: AuditEntity, after: Record<string, unknown>, ctx: DescribeContext) {
  const fields: Record<string, FieldSpec> = ENTITIES[entity].fields
  return Object.entries(fields).flatMap(([field, spec]): FieldChange[] =>
    isEmpty(after[field]) || field === 'name' || field === 'archivedAt'
      ? []
      : [{ field, label: spec.label, after: showValue(spec, after[field], ctx) }],
  )
}

/** One change in the sentence: "criticality from 2. High to 1. Vital"; long text is named, not quoted. */
function inline(entity: AuditEntity, c: FieldChange): string {
  const spec: FieldSpec | undefined = (ENTITIES[entity].fields as Record<string, FieldSpec>)[c.field]
  if (spec?.kind === 'longText') return `${c.label} edited`
  if (c.before === NOT_SET) return `${c.label} set to ${c.after}`
  if (c.after === NOT_SET) return `${c.label} cleared (was ${c.before})`
  return `${c.label} from ${c.before} to ${c.after}`
}

function recordName(
  row: AuditRow,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  ctx: DescribeContext,
) {
  const own = after.name ?? before.name
  if (typeof own === 'string' && own) return own
  if (row.entity === 'Membership' || row.entity === 'Invitation') {
    const email = after.email ?? before.email
    const found = ctx.names?.[row.entity]?.get(row.entityId)
    if (found) return found
    if (typeof email === 'string' && email) return email
  }
  if ((NAMED_ENTITIES as readonly string[]).includes(row.entity)) {
    const found = ctx.names?.[row.entity as NamedEntity]?.get(row.entityId)
    if (found) return found
  }
  if (row.entity === 'Membership' || row.entity === 'Invitation') return 'someone no longer at the school'
  return 'no longer recorded'
}

/** Describes one audit row in words. Rows written before the vocabulary existed still read sensibly. */
export function describeAuditRow(row: AuditRow, ctx: DescribeContext): AuditEntry {
  const before = asRecord(row.before)
  const after = asRecord(row.after)
  const name = recordName(row, before, after, ctx)
  // An invitation is answered by someone who may have no login yet: the invited person.
  const answered = row.entity === 'Invitation' && (row.action === 'accept' || row.action === 'decline')
  const who = row.actor?.name ?? (answered ? capitalise(name) : 'Someone no longer at the school')
  const base = {
    id: row.id,
    at: row.at,
    when: formatDateTime(row.at, ctx.timeZone),
    who,
    entity: row.entity,
    entityId: row.entityId,
    action: row.action,
    name,
    batchId: row.batchId,
  }
  if (!isAuditPair(row.entity, row.action)) {
    // A pair the vocabulary no longer lists (or never did): say what little is safe to say.
    const says = `made a change (${row.action.replace(/-/g, ' ')}) to a record`
    return { ...base, says, sentence: `${who} ${says}`, details: 'none', changes: [] }
  }
  const entity = row.entity as AuditEntity
  const phrase = (PHRASES[entity] as Record<string, Phrase>)[row.action]!
  const fields: Record<string, FieldSpec> = ENTITIES[entity].fields
  const parts: PhraseParts = {
    who,
    name,
    before,
    after,
    shown: (field, from) => {
      const spec = fields[field]
      const value = from === 'before' ? before[field] : (after[field] ?? before[field])
      return spec ? showValue(spec, value, ctx) : NOT_SET
    },
  }
  const says = phrase.says(parts)
  const changes =
    phrase.details === 'changes'
      ? fieldChanges(entity, before, after, ctx)
      : phrase.details === 'values'
        ? startingValues(entity, after, ctx)
        : []
  const inlined =
    phrase.details === 'changes' && changes.length
      ? `: ${changes.map((c) => inline(entity, c)).join('; ')}`
      : ''
  return { ...base, says, sentence: `${who} ${says}${inlined}`, details: phrase.details, changes }
}

/** The ids a page of rows needs as names: each row's own record, and every id held by a `ref` field. */
export function idsToResolve(rows: readonly Pick<AuditRow, 'entity' | 'entityId' | 'before' | 'after'>[]) {
  const ids: Record<NamedEntity, Set<string>> = {
    Service: new Set(),
    Asset: new Set(),
    Membership: new Set(),
    Invitation: new Set(),
  }
  for (const row of rows) {
    if (!isAuditEntity(row.entity)) continue
    const entity = row.entity
    const before = asRecord(row.before)
    const after = asRecord(row.after)
    if ((NAMED_ENTITIES as readonly string[]).includes(entity) && !(after.name ?? before.name))
      ids[entity as NamedEntity].add(row.entityId)
    const fields: Record<string, FieldSpec> = ENTITIES[entity].fields
    for (const [field, spec] of Object.entries(fields)) {
      if (spec.kind !== 'ref') continue
      for (const v of [before[field], after[field]]) if (typeof v === 'string' && v) ids[spec.entity].add(v)
    }
  }
  return ids
}

/** A record's changes together, newest record first (for "what changed since the last review"). */
export type RecordChanges = { entity: string; entityId: string; name: string; entries: AuditEntry[] }

export function groupByRecord(entries: readonly AuditEntry[]): RecordChanges[] {
  const groups = new Map<string, RecordChanges>()
  for (const e of entries) {
    const key = `${e.entity}:${e.entityId}`
    const g = groups.get(key)
    if (g) g.entries.push(e)
    else groups.set(key, { entity: e.entity, entityId: e.entityId, name: e.name, entries: [e] })
  }
  return [...groups.values()]
}
