/**
 * Two published versions of the plan, compared record by record (issue 11, item 4): which services, steps,
 * people and contacts were added, removed or changed, and for a change each field in words
 * ("recovery time objective from 4 hours to 2 hours"). Records are matched by id, so a renamed service is
 * one change, not a removal and an addition. Pure: it reads the two snapshots and nothing else.
 */
import { formatDuration } from '@/lib/catalogue/durations'
import type { PlanSnapshot, SnapshotMember, SnapshotStep } from '@/lib/plan/snapshot'

export type ChangeKind = 'added' | 'removed' | 'changed'

export type FieldDiff = { label: string; before: string; after: string }

export type RecordDiff = {
  kind: ChangeKind
  /** The record's key (its id, or a supplier's name): unique within a section. */
  key: string
  /** The record's name as it reads in the newer version (the older one when removed). */
  name: string
  /** For a change: each field that differs; empty for an addition or removal. */
  fields: FieldDiff[]
}

export type SectionKey = 'services' | 'steps' | 'people' | 'contacts'

export type Comparison = Record<SectionKey, RecordDiff[]> & { total: number }

export const SECTION_LABELS: Record<SectionKey, string> = {
  services: 'Services',
  steps: 'Steps',
  people: 'People',
  contacts: 'Contacts',
}

const NOTHING = 'nothing'
const shown = (v: string) => (v.trim() === '' ? NOTHING : v)
const yesNo = (b: boolean) => (b ? 'yes' : 'no')

type Fields = Record<string, string>
type Keyed = { key: string; name: string; fields: Fields }

/** Added, removed and changed between two lists of records described field by field, in the newer order. */
export function diffRecords(from: readonly Keyed[], to: readonly Keyed[]): RecordDiff[] {
  const before = new Map(from.map((r) => [r.key, r]))
  const after = new Set(to.map((r) => r.key))
  const out: RecordDiff[] = []
  for (const r of to) {
    const old = before.get(r.key)
    if (!old) {
      out.push({ kind: 'added', key: r.key, name: r.name, fields: [] })
      continue
    }
    const fields: FieldDiff[] = []
    for (const label of new Set([...Object.keys(old.fields), ...Object.keys(r.fields)])) {
      const b = old.fields[label] ?? NOTHING
      const a = r.fields[label] ?? NOTHING
      if (a !== b) fields.push({ label, before: b, after: a })
    }
    if (fields.length) out.push({ kind: 'changed', key: r.key, name: r.name, fields })
  }
  for (const r of from)
    if (!after.has(r.key)) out.push({ kind: 'removed', key: r.key, name: r.name, fields: [] })
  return out
}

function services(s: PlanSnapshot): Keyed[] {
  return s.services.map((svc) => ({
    key: svc.id,
    name: svc.name,
    fields: {
      name: svc.name,
      'position in the recovery order': String(svc.position),
      criticality: String(svc.criticality),
      'recovery time objective': formatDuration(svc.rtoMinutes),
      'recovery point objective': formatDuration(svc.rpoMinutes),
      'minimum service level': shown(svc.minServiceLevel),
      'estimated recovery': formatDuration(svc.estimate.criticalMinutes),
      'at risk of missing its recovery time': yesNo(svc.estimate.atRisk),
      'contingency plans': shown(svc.plans.map((p) => p.name).join(', ')),
      'manual workaround': shown(
        svc.plans
          .map((p) => p.manualWorkaround)
          .filter(Boolean)
          .join(' / '),
      ),
      'assets it needs': shown(svc.assets.map((a) => a.name).join(', ')),
      backups: shown(svc.backups.map((b) => b.name).join(', ')),
    },
  }))
}

function memberNames(s: PlanSnapshot): Map<string, string> {
  return new Map(s.members.map((m) => [m.id, m.name]))
}

function stepFields(step: SnapshotStep, names: Map<string, string>): Fields {
  return {
    instruction: shown(step.instruction),
    'step number': String(step.position),
    time: formatDuration(step.minutes),
    role: step.role?.name ?? 'no role',
    'who can do it': shown(
      step.holderIds.map((id) => names.get(id) ?? 'someone no longer listed').join(', '),
    ),
  }
}

function steps(s: PlanSnapshot): Keyed[] {
  const names = memberNames(s)
  const out: Keyed[] = []
  for (const svc of s.services)
    for (const plan of svc.plans)
      for (const step of plan.steps)
        out.push({
          key: step.id,
          name: `${svc.name}, ${plan.name}: ${step.instruction}`,
          fields: stepFields(step, names),
        })
  for (const asset of s.assets)
    for (const step of asset.steps)
      out.push({
        key: step.id,
        name: `Restore ${asset.name}: ${step.instruction}`,
        fields: stepFields(step, names),
      })
  // A plan shared by several services lists its steps once.
  return [...new Map(out.map((k) => [k.key, k])).values()]
}

function people(s: PlanSnapshot): Keyed[] {
  return s.members.map((m) => ({
    key: m.id,
    name: m.name,
    fields: {
      name: m.name,
      'job title': shown(m.jobTitle),
      'recovery roles': shown(m.roles.map((r) => r.name).join(', ')),
    },
  }))
}

const CONTACT_FIELDS: [keyof SnapshotMember, string][] = [
  ['mobile', 'mobile'],
  ['otherPhone', 'other phone'],
  ['personalEmail', 'personal e-mail'],
  ['outOfHoursNotes', 'out of hours'],
  ['fallbackContact', 'if they do not answer'],
]

function contacts(s: PlanSnapshot): Keyed[] {
  const members: Keyed[] = s.members.map((m) => ({
    key: `member:${m.id}`,
    name: m.name,
    fields: Object.fromEntries(CONTACT_FIELDS.map(([k, label]) => [label, shown(String(m[k]))])),
  }))
  const suppliers = new Map<string, Keyed>()
  for (const svc of s.services)
    for (const sup of svc.suppliers) {
      const key = `supplier:${sup.name.trim().toLowerCase()}`
      if (!suppliers.has(key))
        suppliers.set(key, { key, name: `${sup.name} (supplier)`, fields: { contact: shown(sup.contact) } })
    }
  return [...members, ...suppliers.values()]
}

/** What changed from one version to another. */
export function compareSnapshots(from: PlanSnapshot, to: PlanSnapshot): Comparison {
  const c = {
    services: diffRecords(services(from), services(to)),
    steps: diffRecords(steps(from), steps(to)),
    people: diffRecords(people(from), people(to)),
    contacts: diffRecords(contacts(from), contacts(to)),
  }
  return { ...c, total: c.services.length + c.steps.length + c.people.length + c.contacts.length }
}

/** One change as a sentence: "Changed Wi-Fi: recovery time objective from 4 hours to 2 hours." */
export function describeDiff(d: RecordDiff): string {
  if (d.kind === 'added') return `Added ${d.name}.`
  if (d.kind === 'removed') return `Removed ${d.name}.`
  return `Changed ${d.name}: ${d.fields.map((f) => `${f.label} from ${f.before} to ${f.after}`).join('; ')}.`
}
