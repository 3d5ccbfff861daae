import { describe, expect, it } from 'vitest'
import type { PlanSnapshot, SnapshotMember, SnapshotStep } from '@/lib/plan/snapshot'
import { BUILT_IN_ROLES } from '@/lib/team/schema'
import { makeSnapshot } from '@/tests/support/plan-snapshot'
import { proceduresInRecoveryOrder, selectPack } from './pack'

const role = (id: string, name = id) => ({ id, name })
const MANAGER = role('r-mgr', BUILT_IN_ROLES.CONTINUITY_MANAGER.name)
const DEPUTY = role('r-dep', BUILT_IN_ROLES.DEPUTY_CONTINUITY_MANAGER.name)
const TECH = role('r-tech', 'ICT technician')
const OFFICE = role('r-office', 'Office lead')

function member(id: string, ...roles: { id: string; name: string }[]): SnapshotMember {
  return {
    id,
    name: id,
    jobTitle: '',
    roles,
    mobile: `07700 900${id.length}`,
    otherPhone: '',
    personalEmail: '',
    outOfHoursNotes: '',
    fallbackContact: '',
  }
}

function step(
  id: string,
  position: number,
  r: { id: string; name: string } | null,
  holderIds: string[],
): SnapshotStep {
  return { id, position, instruction: id, minutes: 10, role: r, holderIds, afterStepId: null }
}

/**
 * Two services: Email (RTO 1 h) needs the server; MIS (RTO 4 h) needs the server and the database.
 * The database sits before the server in the asset list but after it in restore order (position).
 */
function school(): PlanSnapshot {
  const base = makeSnapshot({ services: 0, members: 0 })
  const members = [
    member('mgr', MANAGER),
    member('dep', DEPUTY),
    member('tech', TECH),
    member('office', OFFICE),
  ]
  const svc = (id: string, position: number, assetIds: string[], steps: SnapshotStep[]) => ({
    ...makeSnapshot({ services: 1 }).services[0]!,
    id,
    name: id,
    position,
    assets: assetIds.map((a) => ({ id: a, name: a, direct: true, required: true })),
    plans: [
      {
        ...makeSnapshot({ services: 1 }).services[0]!.plans[0]!,
        id: `plan-${id}`,
        name: `plan ${id}`,
        steps,
      },
    ],
    suppliers: [{ name: `Supplier of ${id}`, contact: '0117 496 0000', reason: '' }],
  })
  const asset = (
    id: string,
    position: number,
    neededByIds: string[],
    steps: SnapshotStep[],
    supplier = '',
  ) => ({
    ...makeSnapshot({ services: 1, assetsPerService: 1 }).assets[0]!,
    id,
    name: id,
    position,
    neededByIds,
    supplier,
    contractRef: supplier ? 'C-1' : '',
    steps,
  })
  return {
    ...base,
    members,
    services: [
      svc('Email', 1, ['server'], [step('e1', 1, OFFICE, ['office']), step('e2', 2, TECH, ['tech'])]),
      svc('MIS', 2, ['server', 'database'], [step('m1', 1, MANAGER, ['mgr']), step('m2', 2, TECH, ['tech'])]),
    ],
    assets: [
      asset('database', 2, ['MIS'], [step('d1', 1, TECH, ['tech']), step('d2', 2, DEPUTY, ['dep'])], 'DB Co'),
      asset(
        'server',
        1,
        ['Email', 'MIS'],
        [step('s2', 2, TECH, ['tech']), step('s1', 1, OFFICE, ['office'])],
      ),
      asset('orphan', 3, [], [step('o1', 1, TECH, ['tech'])]),
    ],
  }
}

describe('proceduresInRecoveryOrder', () => {
  it('takes each asset once, before the first service that needs it, then unreached assets last', () => {
    expect(proceduresInRecoveryOrder(school()).map((p) => p.name)).toEqual([
      'Restore server',
      'Email: plan Email',
      'Restore database',
      'MIS: plan MIS',
      'Restore orphan',
    ])
  })
})

describe('selectPack', () => {
  it('answers null for someone not in the snapshot', () => {
    expect(selectPack(school(), 'nobody')).toBeNull()
  })

  it("keeps only the steps of the member's roles, in recovery order, with the hand-over either side", () => {
    const pack = selectPack(school(), 'tech')!
    expect(pack.steps.map((p) => p.step.id)).toEqual(['s2', 'e2', 'd1', 'm2', 'o1'])
    const server = pack.steps[0]!
    expect(server.before?.id).toBe('s1')
    expect(server.after).toBeNull()
    expect(server.services).toEqual(['Email', 'MIS'])
    expect(pack.steps[2]!.after?.id).toBe('d2')
  })

  it('lists the manager and deputy first, then the holders of the steps either side, never the member', () => {
    const pack = selectPack(school(), 'tech')!
    expect(pack.contacts.map((c) => c.member.id)).toEqual(['mgr', 'dep', 'office'])
    expect(pack.contacts[0]!.reasons).toEqual([MANAGER.name, 'step 1 of MIS: plan MIS'])
    expect(pack.contacts[2]!.reasons).toEqual(['step 1 of Restore server', 'step 1 of Email: plan Email'])
    expect(pack.contacts.some((c) => c.member.id === 'tech')).toBe(false)
  })

  it("lists the suppliers of the member's services and of the assets they restore, once each", () => {
    const office = selectPack(school(), 'office')!
    // The office restores the server (Email and MIS) and runs Email's plan.
    expect(office.suppliers.map((s) => s.name)).toEqual(['Supplier of Email', 'Supplier of MIS'])
    const tech = selectPack(school(), 'tech')!
    expect(tech.suppliers.map((s) => s.name)).toEqual(['DB Co', 'Supplier of Email', 'Supplier of MIS'])
  })

  it('gives someone with no steps a pack with only the manager and deputy', () => {
    const snapshot = school()
    snapshot.members.push(member('new'))
    const pack = selectPack(snapshot, 'new')!
    expect(pack.steps).toEqual([])
    expect(pack.suppliers).toEqual([])
    expect(pack.contacts.map((c) => c.member.id)).toEqual(['mgr', 'dep'])
  })

  it('holds no step the member does not hold, on a generated plan', () => {
    const snapshot = makeSnapshot({ services: 20, members: 11 })
    for (const m of snapshot.members) {
      const pack = selectPack(snapshot, m.id)!
      expect(pack.steps.every((p) => p.step.holderIds.includes(m.id))).toBe(true)
      const all = proceduresInRecoveryOrder(snapshot).flatMap((p) => p.steps)
      expect(pack.steps.length).toBe(all.filter((st) => st.holderIds.includes(m.id)).length)
    }
  })

  it('caps the reasons of a contact met at many hand-overs', () => {
    const snapshot = makeSnapshot({ services: 30, members: 3 })
    const pack = selectPack(snapshot, snapshot.members[0]!.id)!
    expect(pack.contacts.every((c) => c.reasons.length <= 4)).toBe(true)
    expect(pack.contacts.some((c) => c.reasons.at(-1)?.endsWith('more hand-overs'))).toBe(true)
  })
})
