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

// ---------------------------------------------------------------------------------------------------------
// Made-up trusts (tests/bench/plan.ts times the engine on them; the tests compare the engine with the
// reference copy on a small one, since random schools of a dozen assets never get this big or this shared).
//
// A trust is a set of schools of 300 assets each, plus a few trust-wide assets (the WAN, the internet
// provider, the data centre) that every school depends on; inside a school each asset depends on about four
// assets below it, so a service's recovery reaches most of its school.

// A small seeded generator, so every run measures the same data.
export function random(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function trust(
  services: number,
  assets: number,
  dependencies: number,
  steps: number,
  seed = 1,
): RecoveryInput {
  const rand = random(seed)
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)]!
  const schoolSize = 300
  const shared = Array.from({ length: 10 }, (_, i) => `trust-${i}`)
  const schools = Math.max(1, Math.round((assets - shared.length) / schoolSize))
  const input: RecoveryInput = {
    services: [],
    assets: shared.map((id) => ({ id, name: `Trust asset ${id}` })),
    needs: [],
    edges: [],
    plans: [],
    steps: [],
    members: [],
  }
  const roles = ['tech', 'network', 'office', 'supplier', 'site', 'deputy']
  const perSchool = (n: number, k: number) => Math.floor(n / schools) + (k < n % schools ? 1 : 0)
  const depsPerAsset = (dependencies - shared.length) / (assets - shared.length)

  for (let k = 0; k < schools; k++) {
    const ids = Array.from({ length: perSchool(assets - shared.length, k) }, (_, j) => `s${k}-a${j}`)
    for (const [j, id] of ids.entries()) {
      input.assets.push({ id, name: `Asset ${j} of school ${k}` })
      if (j === 0) {
        input.edges.push({ assetId: id, dependsOnId: pick(shared) })
        continue
      }
      const count = Math.floor(depsPerAsset) + (rand() < depsPerAsset % 1 ? 1 : 0)
      for (let d = 0; d < count; d++)
        input.edges.push({ assetId: id, dependsOnId: ids[Math.floor(rand() * j)]! })
    }
    for (let m = 0; m < 8; m++) {
      input.members.push({
        id: `s${k}-m${m}`,
        name: `Member ${m} of school ${k}`,
        roleIds: [pick(roles), ...(rand() < 0.4 ? [pick(roles)] : [])],
        left: rand() < 0.1,
      })
    }
    for (let s = 0; s < perSchool(services, k); s++) {
      const serviceId = `s${k}-svc${s}`
      input.services.push({
        id: serviceId,
        name: `Service ${s} of school ${k}`,
        criticality: 1 + Math.floor(rand() * 4),
        rtoMinutes: pick([60, 240, 480, 1440, 4320]),
      })
      for (let n = 0; n < 4; n++) {
        input.needs.push({
          serviceId,
          assetId: ids[Math.floor(ids.length * (0.5 + rand() / 2))]!,
          required: rand() < 0.8,
        })
      }
      input.plans.push({ id: `${serviceId}-plan`, serviceId, name: 'Main plan' })
    }
  }

  // Three quarters of the steps restore assets, the rest are the plans' own; one in twenty waits for a step
  // made just before it, of a neighbouring asset or plan in the same school ("do this first").
  for (let i = 0; i < steps; i++) {
    const owner =
      i < 0.75 * steps ? input.assets[i % input.assets.length]! : input.plans[i % input.plans.length]!
    const isPlan = 'serviceId' in owner
    input.steps.push({
      id: `step-${i}`,
      planId: isPlan ? owner.id : null,
      assetId: isPlan ? null : owner.id,
      position: i,
      minutes: 5 + Math.floor(rand() * 55),
      roleId: rand() < 0.05 ? null : pick(roles),
      afterStepId: i > 5 && rand() < 0.05 ? `step-${i - 1 - Math.floor(rand() * 5)}` : null,
    })
  }
  return input
}
