import {
  type AssetEdge,
  type ServiceNeed,
  type ServiceNode,
  servicesAffectedBy,
  singlePointsOfFailure,
} from '@/lib/catalogue/graph'
import type { DefaultCategoryKey, DefaultThreatKey } from './defaults'

/*
 * Risks proposed from the catalogue's own weak points. The dependency graph already knows where the
 * school is fragile; each weak asset becomes one proposed risk, with its category, threats and the
 * services it endangers filled in. The manager accepts one (a risk is created, linked to the asset) or
 * dismisses it with a reason; a dismissed proposal stays away until the asset changes.
 */

export type ProposalKind = 'KEY_PERSON' | 'NO_BACKUP' | 'NO_STANDBY_SUPPLIER' | 'SPOF'

export const PROPOSAL_KIND_LABELS: Record<ProposalKind, string> = {
  KEY_PERSON: 'Only one person can do this',
  NO_BACKUP: 'Data with no recorded backup',
  NO_STANDBY_SUPPLIER: 'External service with no standby',
  SPOF: 'Single point of failure',
}

export type ProposalAsset = {
  id: string
  name: string
  type: string
  hasStandby: boolean
  /** Live backup copies recorded for the asset (lib/backups): what protects a data asset. */
  backups: number
  version: number
}

export type Proposal = {
  /** Stable per asset and kind: "SPOF:<assetId>". */
  key: string
  kind: ProposalKind
  assetId: string
  assetName: string
  assetVersion: number
  title: string
  /** Why the portal proposes it, in words. */
  reason: string
  categoryKey: DefaultCategoryKey
  threatKeys: DefaultThreatKey[]
  /** Services that go down with the asset, most affected first. */
  serviceIds: string[]
  likelihood: number
  impact: number
}

const THREATS_BY_TYPE: Record<string, DefaultThreatKey[]> = {
  HARDWARE: ['technical-failure', 'fire', 'power-failure', 'power-surge', 'accidental-damage', 'theft'],
  NETWORK: ['technical-failure', 'power-failure', 'power-surge', 'accidental-damage'],
  SOFTWARE: ['technical-failure', 'virus', 'ransomware', 'human-error'],
  FACILITY: ['fire', 'flood', 'power-failure'],
  PROCEDURE: ['human-error'],
}

/** The impact a proposal starts at: losing what a vital service needs is severe, and so on down. */
function impactFor(criticalities: number[]): number {
  if (!criticalities.length) return 2
  return Math.max(2, 6 - Math.min(...criticalities))
}

/**
 * Which kind of weak point an asset is, if any: one kind per asset, the most specific first, so a
 * weak asset is proposed exactly once. A data asset with no recorded backup copy (lib/backups; a
 * standby does not make a copy of data); a person with no standby, the only one able to do their job;
 * an external service with no standby arrangement has nothing to fall back on; any other asset a vital
 * or high service needs, with no standby, is a single point of failure.
 */
export function weakPointKind(asset: ProposalAsset, isSpof: boolean): ProposalKind | null {
  if (asset.type === 'DATA') return asset.backups > 0 ? null : 'NO_BACKUP'
  if (asset.hasStandby) return null
  if (asset.type === 'PEOPLE') return 'KEY_PERSON'
  if (asset.type === 'EXTERNAL_SERVICE') return 'NO_STANDBY_SUPPLIER'
  return isSpof ? 'SPOF' : null
}

function describe(kind: ProposalKind, asset: ProposalAsset, serviceNames: string[]) {
  const services = serviceNames.length ? ` ${serviceNames.join(', ')} would be affected.` : ''
  switch (kind) {
    case 'KEY_PERSON':
      return {
        title: `${asset.name} unavailable, with nobody to cover`,
        reason: `${asset.name} has no standby: nobody else is recorded as able to do this.${services}`,
        categoryKey: 'staff' as const,
        threatKeys: ['sickness', 'transport', 'resignation'] as DefaultThreatKey[],
      }
    case 'NO_BACKUP':
      return {
        title: `Loss of ${asset.name}`,
        reason: `${asset.name} has no backup recorded on the Backups page.${services}`,
        categoryKey: 'data' as const,
        threatKeys: [
          'technical-failure',
          'virus',
          'ransomware',
          'human-error',
          'accidental-damage',
        ] as DefaultThreatKey[],
      }
    case 'NO_STANDBY_SUPPLIER':
      return {
        title: `${asset.name} fails, with no standby arrangement`,
        reason: `${asset.name} is an external service with no standby arrangement.${services}`,
        categoryKey: 'providers' as const,
        threatKeys: [
          'bankruptcy',
          'provider-data-loss',
          'link-overload',
          'technical-failure',
        ] as DefaultThreatKey[],
      }
    case 'SPOF':
      return {
        title: `Failure of ${asset.name}`,
        reason: `${asset.name} is a single point of failure: it has no standby, and vital or high services need it.${services}`,
        categoryKey: 'internal' as const,
        threatKeys: THREATS_BY_TYPE[asset.type] ?? (['technical-failure'] as DefaultThreatKey[]),
      }
  }
}

export type ProposalInput = {
  services: ServiceNode[]
  assets: ProposalAsset[]
  needs: ServiceNeed[]
  edges: AssetEdge[]
  /** Proposal keys that already have a risk (accepted, open or closed): never proposed again. */
  accepted: Iterable<string>
  /** Dismissed proposals: key -> the asset version it was dismissed at. */
  dismissed: Map<string, number>
}

/**
 * The proposals to show: one per weak asset, leaving out those already accepted and those dismissed
 * while the asset has not changed since. Sorted by impact, then by the number of services, then name.
 */
export function proposeRisks(input: ProposalInput): Proposal[] {
  const spofs = new Set(
    singlePointsOfFailure(input.services, input.assets, input.needs, input.edges).map((p) => p.assetId),
  )
  const services = new Map(input.services.map((s) => [s.id, s]))
  const accepted = new Set(input.accepted)
  const out: Proposal[] = []
  for (const asset of input.assets) {
    const kind = weakPointKind(asset, spofs.has(asset.id))
    if (!kind) continue
    const key = `${kind}:${asset.id}`
    if (accepted.has(key)) continue
    const dismissedAt = input.dismissed.get(key)
    if (dismissedAt !== undefined && dismissedAt >= asset.version) continue
    const affected = servicesAffectedBy(asset.id, input.needs, input.edges)
      .map((a) => services.get(a.serviceId))
      .filter((s): s is ServiceNode => Boolean(s))
      .sort((a, b) => a.criticality - b.criticality || a.name.localeCompare(b.name))
    out.push({
      key,
      kind,
      assetId: asset.id,
      assetName: asset.name,
      assetVersion: asset.version,
      ...describe(
        kind,
        asset,
        affected.map((s) => s.name),
      ),
      serviceIds: affected.map((s) => s.id),
      likelihood: 3,
      impact: impactFor(affected.map((s) => s.criticality)),
    })
  }
  return out.sort(
    (a, b) =>
      b.impact - a.impact ||
      b.serviceIds.length - a.serviceIds.length ||
      a.assetName.localeCompare(b.assetName),
  )
}

/** Reads a proposal key back into its kind and asset ("SPOF:abc"); null for anything else. */
export function parseProposalKey(key: string): { kind: ProposalKind; assetId: string } | null {
  const m = /^(KEY_PERSON|NO_BACKUP|NO_STANDBY_SUPPLIER|SPOF):([A-Za-z0-9_-]{1,64})$/.exec(key)
  return m?.[1] && m[2] ? { kind: m[1] as ProposalKind, assetId: m[2] } : null
}
