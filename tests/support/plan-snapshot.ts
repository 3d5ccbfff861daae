/**
 * Made-up published plans (lib/plan/snapshot.ts) for the PDF tests and benchmark: no database, the same
 * snapshot for the same options. `makeSnapshot()` is a demo-sized school (12 services);
 * `makeSnapshot(TRUST_SIZE)` is issue 11's trust (300 services, 3,000 assets, 10,000 steps).
 *
 * Members hold roles in turn; every step's role is one of the roles, and its holders are the members who
 * hold that role, so a member's pack always has something in it. Phone numbers are `07700 9xxxxx`
 * (Ofcom's drama range), so a test can look for them in a PDF that should not have them.
 */
import type { PdfStamp } from '@/lib/pdf/stamp'
import {
  fingerprint,
  type PlanSnapshot,
  type SnapshotAsset,
  type SnapshotMember,
  type SnapshotRole,
  type SnapshotService,
  type SnapshotStep,
} from '@/lib/plan/snapshot'

export type SnapshotOptions = {
  services?: number
  assetsPerService?: number
  stepsPerAsset?: number
  stepsPerPlan?: number
  members?: number
  /** Leave the continuity manager and deputy roles unheld and a vital service without a plan (gaps). */
  withGaps?: boolean
  version?: number
  schoolId?: string
  schoolName?: string
}

/** Issue 11's trust-sized plan: 300 services, 3,000 assets, 3,000 x 2 + 300 x 13 = 9,900 steps. */
export const TRUST_SIZE: SnapshotOptions = {
  services: 300,
  assetsPerService: 10,
  stepsPerAsset: 2,
  stepsPerPlan: 13,
  members: 40,
}

const ROLE_NAMES = [
  'Service continuity manager',
  'Deputy service continuity manager',
  'Network technician',
  'MIS administrator',
  'Site manager',
  'Communications lead',
  'Data protection officer',
  'Finance lead',
]

const SERVICE_NAMES = [
  'Management information system',
  'Email',
  'Safeguarding records',
  'Telephones',
  'Internet access',
  'Cashless catering',
  'Payroll',
  'Door access',
  'Learning platform',
  'Printing',
  'CCTV',
  'Library system',
]

const INSTRUCTIONS = [
  'Confirm the outage with the supplier and log the incident reference.',
  'Restore the latest verified backup to the standby host.',
  'Check the restored data against the last known good totals.',
  'Tell staff by text message which workaround to use until further notice.',
  'Switch the DNS records to the standby address and wait for them to spread.',
  'Power-cycle the switch stack in the server room, core switch first.',
]

export function makeSnapshot(options: SnapshotOptions = {}): PlanSnapshot {
  const {
    services: serviceCount = 12,
    assetsPerService = 3,
    stepsPerAsset = 2,
    stepsPerPlan = 4,
    members: memberCount = 8,
    withGaps = false,
    version = 1,
    schoolId = 'school-fixture',
    schoolName = 'Hillside Primary School',
  } = options

  const roles: SnapshotRole[] = ROLE_NAMES.map((name, i) => ({ id: `role-${i}`, name }))
  const members: SnapshotMember[] = Array.from({ length: memberCount }, (_, i) => {
    // With gaps, nobody holds the manager (0) or deputy (1) roles.
    const first = withGaps ? 2 + (i % (roles.length - 2)) : i % roles.length
    const held = [roles[first]!]
    if (i + roles.length < memberCount) held.push(roles[(first + 3) % roles.length]!)
    return {
      id: `member-${i}`,
      name: `Member ${String(i + 1).padStart(2, '0')} ${['Patel', 'Jones', 'Okafor', 'Smith', 'Nowak'][i % 5]}`,
      jobTitle: ['Business manager', 'IT technician', 'Deputy head', 'Office manager'][i % 4]!,
      roles: held,
      mobile: `07700 9${String(10000 + i).slice(-5)}`,
      otherPhone: i % 3 === 0 ? `0117 496 ${String(1000 + i).slice(-4)}` : '',
      personalEmail: `member${i + 1}@example.org`,
      outOfHoursNotes: i % 2 === 0 ? 'Weekends: mobile only, after 9am.' : '',
      fallbackContact: i % 4 === 0 ? 'Partner: 07700 900999' : '',
    }
  })
  const holdersOf = (role: SnapshotRole) => members.filter((m) => m.roles.some((r) => r.id === role.id))

  let stepCounter = 0
  const makeSteps = (owner: string, count: number): SnapshotStep[] => {
    let previous: string | null = null
    return Array.from({ length: count }, (_, i) => {
      const n = stepCounter++
      const role = roles[n % roles.length]!
      const step: SnapshotStep = {
        id: `step-${owner}-${i + 1}`,
        position: i + 1,
        instruction: INSTRUCTIONS[n % INSTRUCTIONS.length]!,
        minutes: 5 + (n % 7) * 10,
        role,
        holderIds: holdersOf(role).map((m) => m.id),
        afterStepId: previous,
      }
      previous = step.id
      return step
    })
  }

  const assets: SnapshotAsset[] = []
  const serviceList: SnapshotService[] = []
  for (let s = 0; s < serviceCount; s++) {
    const rtoMinutes = [60, 240, 1440, 4320][s % 4]!
    const serviceId = `service-${s + 1}`
    const own: SnapshotAsset[] = Array.from({ length: assetsPerService }, (_, a) => {
      const id = `asset-${s + 1}-${a + 1}`
      return {
        id,
        name: `${['Server', 'Switch', 'Laptop pool', 'Firewall', 'Cloud tenancy'][a % 5]} ${s + 1}.${a + 1}`,
        type: ['HARDWARE', 'NETWORK', 'HARDWARE', 'NETWORK', 'CLOUD'][a % 5]!,
        position: assets.length + a + 1,
        deadlineMinutes: rtoMinutes,
        supplier: a % 2 === 0 ? 'Acme IT Services' : '',
        contractRef: a % 2 === 0 ? `AC-${s + 1}${a + 1}` : '',
        location: 'Server room',
        dependsOnIds: a > 0 ? [`asset-${s + 1}-${a}`] : [],
        neededByIds: [serviceId],
        inLoop: false,
        steps: makeSteps(id, stepsPerAsset),
      }
    })
    assets.push(...own)
    const vitalWithoutPlan = withGaps && s === 0
    const planSteps = vitalWithoutPlan ? [] : makeSteps(`plan-${s + 1}`, stepsPerPlan)
    const critical = assetsPerService * stepsPerAsset * 20 + planSteps.reduce((t, st) => t + st.minutes, 0)
    const atRisk = critical > rtoMinutes
    serviceList.push({
      id: serviceId,
      name: `${SERVICE_NAMES[s % SERVICE_NAMES.length]}${s >= SERVICE_NAMES.length ? ` ${Math.floor(s / SERVICE_NAMES.length) + 1}` : ''}`,
      position: s + 1,
      criticality: (s % 4) + 1,
      rtoMinutes,
      rpoMinutes: 60,
      minServiceLevel: 'Registers and safeguarding records readable by the office.',
      why: `Recovery time objective ${rtoMinutes} minutes; ${s === 0 ? 'the shortest in the school' : `after ${s} service${s === 1 ? '' : 's'} with a shorter or equal one`}.`,
      estimate: {
        criticalMinutes: critical,
        sequentialMinutes: critical * 2,
        teamMinutes: withGaps ? null : critical + 30,
        atRisk,
        lateChain: atRisk ? own.map((a) => `Restore ${a.name} (${stepsPerAsset * 20} min)`) : [],
      },
      assets: own.map((a, i) => ({ id: a.id, name: a.name, direct: i === 0, required: true })),
      plans: vitalWithoutPlan
        ? []
        : [
            {
              id: `plan-${s + 1}`,
              name: `Continuity plan for service ${s + 1}`,
              strategy: ['MANUAL_WORKAROUND', 'INTERMEDIATE', 'RECIPROCAL', 'GRADUAL'][s % 4]!,
              description: 'Run the service from the standby arrangement until the primary is restored.',
              manualWorkaround:
                'Paper registers from the grab bag; the office phones parents from the printed list.',
              invocationCriteria: 'The service has been unavailable for 30 minutes in school hours.',
              standby:
                s % 4 === 1
                  ? {
                      supplier: 'Standby Co',
                      contract: `SB-${s + 1}`,
                      contact: '0117 496 0000',
                      howToInvoke: 'Call the 24-hour line and quote the contract number.',
                    }
                  : null,
              steps: planSteps,
            },
          ],
      suppliers: [{ name: 'Acme IT Services', contact: '0117 496 0123', reason: 'Supports the servers' }],
      backups: [
        {
          id: `backup-${s + 1}`,
          name: `Nightly backup ${s + 1}`,
          of: own[0]?.name ?? 'the service',
          location: 'Cloud (off site)',
          medium: 'Cloud',
          offline: s % 2 === 0,
          frequencyMinutes: 1440,
          lastRestoreTestAt: s % 3 === 0 ? null : '2026-09-01',
        },
      ],
    })
  }

  const gaps: PlanSnapshot['gaps'] = withGaps
    ? [
        { kind: 'NO_MANAGER', text: 'Nobody holds the service continuity manager role.', ids: [] },
        { kind: 'NO_DEPUTY', text: 'Nobody holds the deputy service continuity manager role.', ids: [] },
        {
          kind: 'VITAL_WITHOUT_PLAN',
          text: `${serviceList[0]?.name ?? 'A vital service'} is vital and has no contingency plan.`,
          ids: serviceList[0] ? [serviceList[0].id] : [],
        },
      ]
    : []

  return {
    schema: 1,
    school: { id: schoolId, name: schoolName, timeZone: 'Europe/London' },
    version,
    takenAt: '2026-11-20T10:00:00.000Z',
    services: serviceList,
    assets,
    members,
    gaps,
  }
}

/** The stamp of an approved version of `snapshot`, as the PDF routes would pass it (tests and benches). */
export function approvedStamp(snapshot: PlanSnapshot): PdfStamp {
  return {
    schoolName: snapshot.school.name,
    timeZone: snapshot.school.timeZone,
    version: snapshot.version,
    status: 'APPROVED',
    publishedAt: new Date('2026-11-20T10:00:00Z'),
    publishedByName: 'Sam Manager',
    decidedAt: new Date('2026-11-21T09:30:00Z'),
    decidedByName: 'Alex Head',
    fingerprint: fingerprint(snapshot),
    origin: 'https://portal.example.org',
  }
}
