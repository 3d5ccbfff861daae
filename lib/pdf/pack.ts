/**
 * What goes into one team member's pack (issue 11, item 5): only the steps they carry out, in recovery
 * order, and the people and suppliers they need to reach while doing them. Pure, from the snapshot alone,
 * so the pack says exactly what the published version says.
 *
 * - Their steps: every step whose role they hold (the snapshot's `holderIds`), taken in recovery order:
 *   service by service, first the restore procedures of the assets the service needs (each asset once, in
 *   restore order), then the service's contingency plans; assets no service reaches come last.
 * - Their contacts: the holders of the step just before and just after each of theirs in the same
 *   procedure (the hand-over), the service continuity manager and the deputy, each with why they are
 *   listed; never themselves.
 * - Their suppliers: the suppliers of the services their steps serve, and the supplier of each asset they
 *   restore.
 */
import type {
  PlanSnapshot,
  SnapshotAsset,
  SnapshotMember,
  SnapshotService,
  SnapshotStep,
  SnapshotSupplier,
} from '@/lib/plan/snapshot'
import { BUILT_IN_ROLES } from '@/lib/team/schema'

export type PackStep = {
  step: SnapshotStep
  /** Where the step sits: an asset's restore procedure or a service's contingency plan. */
  kind: 'asset' | 'plan'
  /** "Restore Server 1.1" or "Email: Continuity plan for email". */
  procedure: string
  /** Names of the services the procedure serves, in recovery order. */
  services: string[]
  /** The hand-over: the steps just before and after it in the same procedure. */
  before: SnapshotStep | null
  after: SnapshotStep | null
}

export type PackContact = { member: SnapshotMember; reasons: string[] }

export type MemberPack = {
  member: SnapshotMember
  steps: PackStep[]
  contacts: PackContact[]
  suppliers: SnapshotSupplier[]
}

const MANAGER = BUILT_IN_ROLES.CONTINUITY_MANAGER.name
const DEPUTY = BUILT_IN_ROLES.DEPUTY_CONTINUITY_MANAGER.name
/** A contact listed for many hand-overs keeps the first few reasons and says how many more. */
const MAX_REASONS = 3

type Procedure = {
  kind: 'asset' | 'plan'
  name: string
  steps: SnapshotStep[]
  services: SnapshotService[]
  asset: SnapshotAsset | null
}

/** Every procedure of the plan in recovery order (see the file's comment). */
export function proceduresInRecoveryOrder(snapshot: PlanSnapshot): Procedure[] {
  const assetsById = new Map(snapshot.assets.map((a) => [a.id, a]))
  const servicesById = new Map(snapshot.services.map((s) => [s.id, s]))
  const servicesOf = (asset: SnapshotAsset) =>
    asset.neededByIds.map((id) => servicesById.get(id)).filter((s): s is SnapshotService => !!s)
  const done = new Set<string>()
  const out: Procedure[] = []
  const pushAsset = (asset: SnapshotAsset) => {
    if (done.has(asset.id)) return
    done.add(asset.id)
    out.push({
      kind: 'asset',
      name: `Restore ${asset.name}`,
      steps: asset.steps,
      services: servicesOf(asset),
      asset,
    })
  }
  for (const service of snapshot.services) {
    // The service lists what it needs in restore order; the asset list's own order breaks no tie here.
    const needed = service.assets
      .map((a) => assetsById.get(a.id))
      .filter((a): a is SnapshotAsset => !!a)
      .sort((a, b) => a.position - b.position)
    for (const asset of needed) pushAsset(asset)
    for (const plan of service.plans) {
      out.push({
        kind: 'plan',
        name: `${service.name}: ${plan.name}`,
        steps: plan.steps,
        services: [service],
        asset: null,
      })
    }
  }
  for (const asset of [...snapshot.assets].sort((a, b) => a.position - b.position)) pushAsset(asset)
  return out
}

/** The pack of one member, or null when the snapshot has no such member. */
export function selectPack(snapshot: PlanSnapshot, memberId: string): MemberPack | null {
  const member = snapshot.members.find((m) => m.id === memberId)
  if (!member) return null
  const membersById = new Map(snapshot.members.map((m) => [m.id, m]))

  // Reasons in a Set: on a trust's plan one colleague meets a busy member at thousands of hand-overs, and
  // looking each new reason up in a list made building the pack quadratic (about 0.1 s for one pack).
  const contacts = new Map<string, { member: SnapshotMember; reasons: Set<string> }>()
  const addContact = (id: string, reason: string) => {
    if (id === memberId) return
    const m = membersById.get(id)
    if (!m) return
    const entry = contacts.get(id) ?? { member: m, reasons: new Set<string>() }
    entry.reasons.add(reason)
    contacts.set(id, entry)
  }
  // The manager and deputy first, so they head the list.
  for (const m of snapshot.members) {
    if (m.roles.some((r) => r.name === MANAGER)) addContact(m.id, MANAGER)
  }
  for (const m of snapshot.members) {
    if (m.roles.some((r) => r.name === DEPUTY)) addContact(m.id, DEPUTY)
  }

  const steps: PackStep[] = []
  const serviceIds = new Set<string>()
  const suppliers: SnapshotSupplier[] = []
  const supplierKeys = new Set<string>()
  const addSupplier = (supplier: SnapshotSupplier) => {
    const key = `${supplier.name}\u0000${supplier.contact}`
    if (supplierKeys.has(key)) return
    supplierKeys.add(key)
    suppliers.push(supplier)
  }

  for (const proc of proceduresInRecoveryOrder(snapshot)) {
    const ordered = [...proc.steps].sort((a, b) => a.position - b.position)
    ordered.forEach((step, i) => {
      if (!step.holderIds.includes(memberId)) return
      const before = ordered[i - 1] ?? null
      const after = ordered[i + 1] ?? null
      steps.push({
        step,
        kind: proc.kind,
        procedure: proc.name,
        services: proc.services.map((s) => s.name),
        before,
        after,
      })
      for (const id of before?.holderIds ?? []) addContact(id, `step ${before!.position} of ${proc.name}`)
      for (const id of after?.holderIds ?? []) addContact(id, `step ${after!.position} of ${proc.name}`)
      for (const service of proc.services) serviceIds.add(service.id)
      if (proc.asset?.supplier) {
        addSupplier({
          name: proc.asset.supplier,
          contact: proc.asset.contractRef ? `contract ${proc.asset.contractRef}` : '',
          reason: `supplies ${proc.asset.name}`,
        })
      }
    })
  }
  for (const service of snapshot.services) {
    if (serviceIds.has(service.id)) for (const supplier of service.suppliers) addSupplier(supplier)
  }

  const listed = [...contacts.values()].map(({ member: m, reasons: set }): PackContact => {
    const reasons = [...set]
    return reasons.length > MAX_REASONS
      ? {
          member: m,
          reasons: [...reasons.slice(0, MAX_REASONS), `${reasons.length - MAX_REASONS} more hand-overs`],
        }
      : { member: m, reasons }
  })
  return { member, steps, contacts: listed, suppliers }
}
