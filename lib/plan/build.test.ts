import { describe, expect, it } from 'vitest'
import { type BuildRows, buildPlanBody, buildPlanSnapshot, listWords, ordinal } from './build'
import { canonicalJson, fingerprint } from './snapshot'

type Rows = BuildRows
const service = (id: string, rtoMinutes: number, criticality: number): Rows['services'][number] => ({
  id,
  name: id,
  criticality,
  rtoMinutes,
  rpoMinutes: 60,
  minServiceLevel: `${id} minimum`,
})
const asset = (id: string, supplier = '', contractRef = ''): Rows['assets'][number] => ({
  id,
  name: id,
  type: 'HARDWARE',
  location: 'Server room',
  supplier,
  contractRef,
})
const plan = (id: string, serviceId: string, extra: Partial<Rows['plans'][number]> = {}) => ({
  id,
  serviceId,
  name: `${serviceId} plan`,
  strategy: 'MANUAL_WORKAROUND',
  description: '',
  manualWorkaround: 'Paper registers',
  invocationCriteria: 'Down for an hour',
  standbySupplier: '',
  standbyContract: '',
  standbyContact: '',
  standbyHowToInvoke: '',
  ...extra,
})
let n = 0
const step = (
  owner: string,
  minutes: number,
  roleId: string | null,
  extra: Partial<Rows['steps'][number]> = {},
): Rows['steps'][number] => {
  const [kind, id] = owner.split(':') as [string, string]
  n++
  return {
    id: `st${n}`,
    planId: kind === 'plan' ? id : null,
    assetId: kind === 'asset' ? id : null,
    position: n,
    instruction: `Do ${n}`,
    minutes,
    roleId,
    afterStepId: null,
    ...extra,
  }
}
const member = (id: string, roleIds: string[]): Rows['members'][number] => ({
  id,
  name: id,
  jobTitle: 'Technician',
  mobile: '07700 900000',
  otherPhone: '',
  personalEmail: '',
  outOfHoursNotes: '',
  fallbackContact: '',
  roleIds,
})

/** A small school: MIS (RTO 4 h, vital) needs the MIS server and the internet link; Email (1 day). */
function school(): Rows {
  n = 0
  return {
    school: { id: 'school', name: 'Oak Primary', timeZone: 'Europe/London' },
    services: [service('Email', 1440, 2), service('MIS', 240, 1), service('Payroll', 240, 1)],
    assets: [
      asset('MIS server', 'Acme IT', 'AC-1'),
      asset('Internet link', 'Netco'),
      asset('LAN', 'acme it '),
      asset('Mail tenant'),
    ],
    needs: [
      { serviceId: 'MIS', assetId: 'MIS server', required: true },
      { serviceId: 'MIS', assetId: 'Internet link', required: true },
      { serviceId: 'Email', assetId: 'Mail tenant', required: true },
      { serviceId: 'Email', assetId: 'Internet link', required: false },
    ],
    edges: [
      { assetId: 'Internet link', dependsOnId: 'LAN' },
      { assetId: 'MIS server', dependsOnId: 'LAN' },
    ],
    plans: [
      plan('p-mis', 'MIS', {
        standbySupplier: 'Netco',
        standbyContact: '0800 000 000',
        standbyHowToInvoke: 'Ring them',
      }),
      plan('p-email', 'Email'),
    ],
    steps: [],
    roles: [
      { id: 'r-manager', name: 'Service continuity manager', builtIn: 'CONTINUITY_MANAGER' },
      { id: 'r-deputy', name: 'Deputy', builtIn: 'DEPUTY_CONTINUITY_MANAGER' },
      { id: 'r-tech', name: 'Technician', builtIn: null },
    ],
    members: [member('Zoe', ['r-tech', 'r-manager']), member('Ann', ['r-deputy'])],
    backups: [
      {
        id: 'b1',
        name: 'MIS nightly',
        assetId: 'MIS server',
        serviceId: null,
        location: 'CLOUD',
        medium: 'CLOUD_STORAGE',
        offline: false,
        frequencyMinutes: 1440,
        lastRestoreTestAt: new Date('2026-10-01T12:00:00Z'),
      },
    ],
  }
}

describe('buildPlanBody', () => {
  it('puts services in recovery order and says why in words', () => {
    const rows = school()
    rows.steps = [step('asset:LAN', 30, 'r-tech'), step('asset:MIS server', 60, 'r-tech')]
    const body = buildPlanBody(rows)
    expect(body.services.map((s) => s.name)).toEqual(['MIS', 'Payroll', 'Email'])
    expect(body.assets.map((a) => a.name)).toEqual(['LAN', 'Internet link', 'MIS server', 'Mail tenant'])
    expect(body.services[0]!.why).toBe(
      'Recovered 1st: RTO 4 hours, vital; needs Internet link and MIS server, restored 2nd and 3rd, and 1 asset they depend on.',
    )
    expect(body.services[1]!.why).toBe(
      'Recovered 2nd: RTO 4 hours, vital (same RTO and criticality as MIS, which comes first by name); needs nothing in the catalogue.',
    )
    expect(body.services[2]!.why).toContain('Recovered 3rd: RTO 1 day, high; needs Mail tenant, restored 4th')
    expect(body.services[0]!.assets).toEqual([
      { id: 'LAN', name: 'LAN', direct: false, required: true },
      { id: 'Internet link', name: 'Internet link', direct: true, required: true },
      { id: 'MIS server', name: 'MIS server', direct: true, required: true },
    ])
  })

  it('gives each service its estimate, and the late chain in words when at risk', () => {
    const rows = school()
    rows.steps = [
      step('asset:LAN', 60, 'r-tech'),
      step('asset:MIS server', 150, 'r-tech', { instruction: 'Reinstall the server' }),
      step('plan:p-mis', 60, 'r-manager'),
      step('plan:p-email', 30, null),
    ]
    const body = buildPlanBody(rows)
    const mis = body.services[0]!
    expect(mis.estimate).toMatchObject({
      criticalMinutes: 270,
      sequentialMinutes: 270,
      teamMinutes: 270,
      atRisk: true,
    })
    expect(mis.estimate.lateChain).toEqual([
      'Restore LAN: Do 1 (1 hour, done by 1 hour)',
      'Restore MIS server: Reinstall the server (2 hours 30 minutes, done by 3 hours 30 minutes)',
      'MIS plan: Do 3 (1 hour, done by 4 hours 30 minutes)',
    ])
    // A step nobody can do: no team figure.
    const email = body.services[2]!
    expect(email.estimate.teamMinutes).toBeNull()
    expect(email.estimate.atRisk).toBe(false)
    expect(email.estimate.lateChain).toEqual([])
    const gap = body.gaps.find((g) => g.kind === 'AT_RISK')!
    expect(gap).toEqual({
      kind: 'AT_RISK',
      text: 'MIS is at risk: estimated 4 hours 30 minutes against an RTO of 4 hours.',
      ids: ['MIS'],
    })
  })

  it('reads several steps of one procedure on the late chain as one link', () => {
    const rows = school()
    rows.steps = [
      step('asset:LAN', 100, 'r-tech'),
      step('asset:LAN', 100, 'r-tech'),
      step('asset:MIS server', 60, 'r-tech'),
    ]
    expect(buildPlanBody(rows).services[0]!.estimate.lateChain).toEqual([
      'Restore LAN: 2 steps (3 hours 20 minutes, done by 3 hours 20 minutes)',
      'Restore MIS server: Do 3 (1 hour, done by 4 hours 20 minutes)',
    ])
  })

  it('lists plans with their strategy label, standby and steps with roles and holders', () => {
    const rows = school()
    rows.steps = [step('plan:p-mis', 10, 'r-tech'), step('plan:p-mis', 5, 'r-deputy')]
    const [mis] = buildPlanBody(rows).services
    expect(mis!.plans).toHaveLength(1)
    const p = mis!.plans[0]!
    expect(p.strategy).toBe('Manual workaround')
    expect(p.manualWorkaround).toBe('Paper registers')
    expect(p.standby).toEqual({
      supplier: 'Netco',
      contract: '',
      contact: '0800 000 000',
      howToInvoke: 'Ring them',
    })
    expect(p.steps.map((s) => [s.position, s.role?.name, s.holderIds])).toEqual([
      [1, 'Technician', ['Zoe']],
      [2, 'Deputy', ['Ann']],
    ])
  })

  it('deduplicates suppliers (asset and standby, case and spaces ignored) and lists backups', () => {
    const [mis] = buildPlanBody(school()).services
    expect(mis!.suppliers).toEqual([
      { name: 'acme it', contact: 'Contract AC-1', reason: 'LAN and MIS server' },
      { name: 'Netco', contact: '0800 000 000', reason: 'Internet link and the standby in MIS plan' },
    ])
    expect(mis!.backups).toEqual([
      {
        id: 'b1',
        name: 'MIS nightly',
        of: 'MIS server',
        location: 'Cloud',
        medium: 'Cloud storage',
        offline: false,
        frequencyMinutes: 1440,
        lastRestoreTestAt: '2026-10-01',
      },
    ])
  })

  it('prints current members by name with built-in roles first', () => {
    const body = buildPlanBody(school())
    expect(body.members.map((m) => [m.name, m.roles.map((r) => r.name)])).toEqual([
      ['Ann', ['Deputy']],
      ['Zoe', ['Service continuity manager', 'Technician']],
    ])
  })

  it('names the gaps: no manager, no deputy, vital and other services without a plan, uncovered steps', () => {
    const rows = school()
    rows.members = [member('Zoe', ['r-tech'])]
    rows.plans = []
    rows.steps = [step('asset:LAN', 10, null), step('asset:MIS server', 10, 'r-gone')]
    const body = buildPlanBody(rows)
    expect(body.gaps.map((g) => [g.kind, g.text])).toEqual([
      ['NO_MANAGER', 'Nobody on the recovery team is the service continuity manager.'],
      ['NO_DEPUTY', 'Nobody on the recovery team is the deputy service continuity manager.'],
      ['VITAL_WITHOUT_PLAN', 'MIS is vital but has no contingency plan.'],
      ['VITAL_WITHOUT_PLAN', 'Payroll is vital but has no contingency plan.'],
      ['SERVICE_WITHOUT_PLAN', 'Email has no contingency plan.'],
      ['UNCOVERED_STEP', 'Step 1 of restoring LAN (Do 1) names no role, so nobody is set to carry it out.'],
      [
        'UNCOVERED_STEP',
        'Step 1 of restoring MIS server (Do 2) names no role, so nobody is set to carry it out.',
      ],
    ])
    // A step whose role is archived (not loaded) shows no role.
    expect(body.assets.find((x) => x.name === 'MIS server')!.steps[0]!.role).toBeNull()
  })

  it('names a role nobody holds, and loops of assets and of steps', () => {
    const rows = school()
    rows.edges.push({ assetId: 'LAN', dependsOnId: 'MIS server' })
    const a = step('plan:p-mis', 10, 'r-tech')
    const b = step('plan:p-mis', 10, 'r-deputy', { afterStepId: 'st9' })
    a.afterStepId = b.id
    rows.members = [member('Zoe', ['r-tech', 'r-manager']), { ...member('Ann', []) }]
    rows.steps = [a, b]
    const body = buildPlanBody(rows)
    const kinds = body.gaps.map((g) => g.kind)
    expect(kinds).toEqual(['NO_DEPUTY', 'VITAL_WITHOUT_PLAN', 'UNCOVERED_STEP', 'LOOP', 'LOOP'])
    expect(body.gaps[2]!.text).toBe('Step 2 of "MIS plan" (Do 2): nobody on the team holds Deputy.')
    expect(body.gaps[3]!.text).toBe(
      'These assets depend on each other in a loop: LAN needs MIS server needs LAN. They are restored together.',
    )
    expect(body.gaps[3]!.ids).toEqual(['LAN', 'MIS server'])
    expect(body.gaps[4]!.text).toContain('These steps wait on each other in a loop')
    expect(body.assets.filter((x) => x.inLoop).map((x) => x.name)).toEqual(['LAN', 'MIS server'])
  })

  it('gives the same body whatever order the rows come in', () => {
    const rows = school()
    rows.steps = [step('asset:LAN', 30, 'r-tech'), step('plan:p-mis', 60, 'r-tech')]
    const reversed: Rows = Object.fromEntries(
      Object.entries(rows).map(([k, v]) => [k, Array.isArray(v) ? [...v].reverse() : v]),
    ) as Rows
    expect(canonicalJson(buildPlanBody(reversed))).toBe(canonicalJson(buildPlanBody(rows)))
  })

  it('stamps the version and moment, and the fingerprint follows them', () => {
    const rows = school()
    const a = buildPlanSnapshot(rows, { version: 0, takenAt: new Date('2026-11-24T10:00:00Z') })
    const b = buildPlanSnapshot(rows, { version: 3, takenAt: new Date('2026-11-24T10:00:00Z') })
    expect(a.version).toBe(0)
    expect(a.takenAt).toBe('2026-11-24T10:00:00.000Z')
    expect(b.schema).toBe(1)
    expect(fingerprint(a)).not.toBe(fingerprint(b))
  })
})

describe('words', () => {
  it('writes ordinals and lists', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '101st',
      '111th',
    ])
    expect(listWords([])).toBe('')
    expect(listWords(['A'])).toBe('A')
    expect(listWords(['A', 'B'])).toBe('A and B')
    expect(listWords(['A', 'B', 'C'])).toBe('A, B and C')
    expect(listWords(['A', 'B', 'C', 'D'], 2)).toBe('A, B and 2 more')
  })
})
