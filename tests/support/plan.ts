/**
 * Builders and random data for the recovery plan engine's tests (lib/plan/*.test.ts).
 *
 * The builders keep each example readable at a glance: `deps('A>B')` means asset A depends on B,
 * `needs('S:A', 'S:B?')` means service S requires A and can do without B, `step('a1', 'asset:A', 30)` is a
 * 30-minute step of A's restore procedure.
 */
import fc from 'fast-check'
import type { AssetEdge, ServiceNeed } from '@/lib/catalogue/graph'
import type {
  PlanAsset,
  PlanContingency,
  PlanMember,
  PlanService,
  PlanStep,
  RecoveryInput,
} from '@/lib/plan/order'

/** Freezes the input all the way down, so a test fails if the engine changes what it was given. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner)
    Object.freeze(value)
  }
  return value
}

export function planInput(parts: Partial<RecoveryInput>): RecoveryInput {
  return { services: [], assets: [], needs: [], edges: [], plans: [], steps: [], members: [], ...parts }
}

export function svc(id: string, rtoMinutes: number, criticality = 2, name = id): PlanService {
  return { id, name, rtoMinutes, criticality }
}

export function assets(...ids: string[]): PlanAsset[] {
  return ids.map((id) => ({ id, name: id }))
}

export function needs(...specs: string[]): ServiceNeed[] {
  return specs.map((spec) => {
    const [serviceId, assetId] = spec.split(':') as [string, string]
    const required = !assetId.endsWith('?')
    return { serviceId, assetId: assetId.replace('?', ''), required }
  })
}

export function deps(...pairs: string[]): AssetEdge[] {
  return pairs.map((p) => {
    const [assetId, dependsOnId] = p.split('>') as [string, string]
    return { assetId, dependsOnId }
  })
}

export function plan(id: string, serviceId: string, name = id): PlanContingency {
  return { id, serviceId, name }
}

let nextPosition = 0
/** A step of `owner` ('plan:P' or 'asset:A'); steps are positioned in the order they are built unless told. */
export function step(
  id: string,
  owner: string,
  minutes: number,
  options: { role?: string | null; position?: number; after?: string } = {},
): PlanStep {
  const [kind, ownerId] = owner.split(':') as ['plan' | 'asset', string]
  return {
    id,
    planId: kind === 'plan' ? ownerId : null,
    assetId: kind === 'asset' ? ownerId : null,
    position: options.position ?? nextPosition++,
    minutes,
    roleId: options.role === undefined ? 'tech' : options.role,
    afterStepId: options.after ?? null,
  }
}

export function member(id: string, roleIds: string[], left = false, name = id): PlanMember {
  return { id, name, roleIds, left }
}

// ---------------------------------------------------------------------------------------------------------
// Random schools for property tests.

export type RandomOptions = {
  /** Allow dependencies in both directions, so assets can depend on each other in a loop. */
  assetLoops?: boolean
  /** Allow "do this first" links between steps (which can form loops). */
  stepLinks?: boolean
}

const pad = (i: number) => String(i).padStart(2, '0')

/**
 * A random school: up to 8 services and 12 assets, dependencies, needs, plans, steps and members. Names and
 * RTOs are drawn from small sets so that ties (and the rules that break them) come up often. Without
 * `assetLoops`, an asset only depends on assets with a lower number, so the graph has no loop.
 */
export function randomSchool(options: RandomOptions = {}): fc.Arbitrary<RecoveryInput> {
  return fc
    .record({ services: fc.integer({ min: 0, max: 8 }), assets: fc.integer({ min: 0, max: 12 }) })
    .chain(({ services: ns, assets: na }) => {
      const serviceIds = Array.from({ length: ns }, (_, i) => `s${pad(i)}`)
      const assetIds = Array.from({ length: na }, (_, i) => `a${pad(i)}`)
      const service = (id: string) =>
        fc.record({
          id: fc.constant(id),
          name: fc.constantFrom('Email', 'MIS', 'Internet', 'Printing', 'email'),
          rtoMinutes: fc.constantFrom(30, 60, 240, 1440),
          criticality: fc.integer({ min: 1, max: 4 }),
          archived: fc.boolean().map((b) => b && id.endsWith('7')),
        })
      const asset = (id: string) =>
        fc.record({
          id: fc.constant(id),
          name: fc.constantFrom('Server', 'LAN', 'WAN link', 'lan', 'Power'),
          archived: fc.boolean().map((b) => b && id.endsWith('9')),
        })
      const pair = na === 0 ? fc.constant(null) : fc.tuple(fc.nat(na - 1), fc.nat(na - 1))
      const edges = fc.array(pair, { maxLength: 3 * na }).map((pairs) => {
        const out: AssetEdge[] = []
        for (const p of pairs) {
          if (!p) continue
          const [x, y] = p
          if (options.assetLoops) out.push({ assetId: assetIds[x]!, dependsOnId: assetIds[y]! })
          else if (x !== y)
            out.push({ assetId: assetIds[Math.max(x, y)]!, dependsOnId: assetIds[Math.min(x, y)]! })
        }
        return out
      })
      const need =
        ns === 0 || na === 0
          ? fc.constant(null)
          : fc.record({
              serviceId: fc.constantFrom(...serviceIds),
              assetId: fc.constantFrom(...assetIds),
              required: fc.boolean(),
            })
      const plans = fc
        .array(fc.integer({ min: 0, max: 2 }), { minLength: ns, maxLength: ns })
        .map((counts) =>
          counts.flatMap((count, i) =>
            Array.from({ length: count }, (_, k) =>
              plan(`p${pad(i)}${k}`, serviceIds[i]!, k ? 'Fire' : 'Ransomware'),
            ),
          ),
        )
      return fc.record({
        services: fc.tuple(...serviceIds.map(service)),
        assets: fc.tuple(...assetIds.map(asset)),
        edges,
        needs: fc
          .array(need, { maxLength: 3 * ns })
          .map((list) => list.filter((x): x is ServiceNeed => x !== null)),
        plans,
        roles: fc.constant(['tech', 'office', 'supplier']),
      })
    })
    .chain((school) => {
      const owners = [
        ...school.plans.map((p) => `plan:${p.id}`),
        ...school.assets.map((a) => `asset:${a.id}`),
      ]
      const stepSpec =
        owners.length === 0
          ? fc.constant(null)
          : fc.record({
              owner: fc.constantFrom(...owners),
              position: fc.integer({ min: 0, max: 3 }),
              minutes: fc.integer({ min: 0, max: 90 }),
              role: fc.constantFrom<string | null>('tech', 'office', 'supplier', null),
              after: fc.nat(40),
            })
      const steps = fc.array(stepSpec, { maxLength: 25 }).map((specs) => {
        const list = specs.filter((x) => x !== null)
        return list.map((s, i) => ({
          ...step(`t${pad(i)}`, s.owner, s.minutes, { role: s.role, position: s.position }),
          afterStepId: options.stepLinks && s.after < list.length ? `t${pad(s.after)}` : null,
        }))
      })
      const members = fc.array(
        fc.record({
          name: fc.constantFrom('Sam', 'Alex', 'sam'),
          roleIds: fc.subarray(['tech', 'office', 'supplier']),
          left: fc.boolean(),
        }),
        { maxLength: 4 },
      )
      return fc.record({ steps, members }).map(({ steps, members }) =>
        planInput({
          services: school.services,
          assets: school.assets,
          needs: school.needs,
          edges: school.edges,
          plans: school.plans,
          steps,
          members: members.map((m, i) => ({ id: `m${pad(i)}`, ...m })),
        }),
      )
    })
}

/** The same school with every list (and every member's roles) in another order. */
export function shuffled(input: RecoveryInput): fc.Arbitrary<RecoveryInput> {
  const perm = <T>(list: T[]) => fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length })
  return fc.record({
    services: perm(input.services),
    assets: perm(input.assets),
    needs: perm(input.needs),
    edges: perm(input.edges),
    plans: perm(input.plans),
    steps: perm(input.steps),
    members: fc
      .tuple(...input.members.map((m) => perm(m.roleIds).map((roleIds) => ({ ...m, roleIds }))))
      .chain((members) => perm(members)),
  })
}

/**
 * A service that shares nothing with the school: its own assets (some depending on each other), its own plan
 * and steps. Its ids start with 'u' so tests can strip it from the result again.
 */
export function unrelatedService(): fc.Arbitrary<
  Pick<RecoveryInput, 'services' | 'assets' | 'needs' | 'edges' | 'plans' | 'steps'>
> {
  return fc
    .record({
      rtoMinutes: fc.constantFrom(30, 60, 240, 1440),
      criticality: fc.integer({ min: 1, max: 4 }),
      name: fc.constantFrom('Email', 'Catering', 'MIS'),
      assetCount: fc.integer({ min: 0, max: 3 }),
      minutes: fc.array(fc.integer({ min: 0, max: 90 }), { maxLength: 4 }),
    })
    .map(({ rtoMinutes, criticality, name, assetCount, minutes }) => {
      const ids = Array.from({ length: assetCount }, (_, i) => `ua${i}`)
      return {
        services: [{ id: 'us', name, rtoMinutes, criticality }],
        assets: ids.map((id) => ({ id, name: 'Server' })),
        needs: ids.slice(-1).map((assetId) => ({ serviceId: 'us', assetId, required: true })),
        edges: ids.slice(1).map((id, i) => ({ assetId: id, dependsOnId: ids[i]! })),
        plans: [plan('up', 'us', 'Fire')],
        steps: minutes.map((m, i) =>
          step(`ut${i}`, i % 2 && ids.length ? `asset:${ids[i % ids.length]}` : 'plan:up', m, {
            role: 'tech',
            position: i,
          }),
        ),
      }
    })
}
