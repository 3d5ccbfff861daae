import type { PlanSnapshot, SnapshotMember, SnapshotService, SnapshotStep } from '@/lib/plan/snapshot'

/**
 * A hand-made published plan, for tests of publishing, comparing and checking that must not depend on
 * the builder: one vital service (MIS) with one plan and two steps, one team member. Override what a
 * test needs.
 */
export function makeStep(id: string, overrides: Partial<SnapshotStep> = {}): SnapshotStep {
  return {
    id,
    position: 1,
    instruction: `Do ${id}`,
    minutes: 15,
    role: { id: 'r1', name: 'ICT technician' },
    holderIds: ['m1'],
    afterStepId: null,
    ...overrides,
  }
}

export function makeMemberSnapshot(id: string, overrides: Partial<SnapshotMember> = {}): SnapshotMember {
  return {
    id,
    name: `Member ${id}`,
    jobTitle: 'Technician',
    roles: [{ id: 'r1', name: 'ICT technician' }],
    mobile: '07700 900001',
    otherPhone: '',
    personalEmail: '',
    outOfHoursNotes: '',
    fallbackContact: '',
    ...overrides,
  }
}

export function makeServiceSnapshot(id: string, overrides: Partial<SnapshotService> = {}): SnapshotService {
  return {
    id,
    name: `Service ${id}`,
    position: 1,
    criticality: 1,
    rtoMinutes: 240,
    rpoMinutes: 60,
    minServiceLevel: '',
    why: 'Vital, shortest recovery time.',
    estimate: { criticalMinutes: 30, sequentialMinutes: 30, teamMinutes: 30, atRisk: false, lateChain: [] },
    assets: [],
    plans: [
      {
        id: `plan-${id}`,
        name: 'Server failure',
        strategy: 'MANUAL_WORKAROUND',
        description: '',
        manualWorkaround: 'Paper registers',
        invocationCriteria: '',
        standby: null,
        steps: [makeStep(`${id}-s1`), makeStep(`${id}-s2`, { position: 2 })],
      },
    ],
    suppliers: [{ name: 'Acme IT', contact: '0161 000 0000', reason: 'Support contract' }],
    backups: [],
    ...overrides,
  }
}

export function makeSnapshot(overrides: Partial<PlanSnapshot> = {}): PlanSnapshot {
  return {
    schema: 1,
    school: { id: 'school', name: 'Hillside Primary', timeZone: 'Europe/London' },
    version: 0,
    takenAt: '2026-11-24T10:00:00.000Z',
    services: [makeServiceSnapshot('mis', { name: 'MIS' })],
    assets: [],
    members: [makeMemberSnapshot('m1', { name: 'Sam Patel' })],
    gaps: [],
    ...overrides,
  }
}
