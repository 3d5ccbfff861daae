import { describe, expect, it } from 'vitest'
import { restoreStatus } from '@/lib/backups/restore-status'
import { checkThreeTwoOne } from '@/lib/backups/three-two-one'
import { type CoverageInput, countGaps, findGaps, GAP_KINDS } from './gaps'

const today = new Date('2026-11-24T12:00:00Z')
const good = [
  { location: 'ON_SITE', medium: 'DISK', offline: false },
  { location: 'CLOUD', medium: 'CLOUD_STORAGE', offline: false },
  { location: 'OFF_SITE', medium: 'REMOVABLE_DISK', offline: true },
] as const

const role = (
  roleId: string,
  name: string,
  holders: string[],
  extra: Partial<CoverageInput['roles'][number]> = {},
) =>
  ({
    roleId,
    name,
    builtIn: null,
    archived: false,
    status: holders.length === 0 ? 'UNCOVERED' : holders.length === 1 ? 'SINGLE' : 'COVERED',
    holders: holders.map((n) => ({ id: `m-${n}`, name: n })),
    ...extra,
  }) as CoverageInput['roles'][number]

const member = (name: string, extra: Partial<CoverageInput['members'][number]> = {}) => ({
  id: `m-${name}`,
  name,
  mobile: '07700 900001',
  otherPhone: '',
  personalEmail: '',
  systemAccess: true,
  training: [{ kind: 'NCSC_CYBER', heldOn: new Date('2026-09-01T12:00:00Z') }],
  ...extra,
})

/** A school with nothing missing: every later test breaks one thing. */
function complete(): CoverageInput {
  return {
    today,
    services: [{ id: 's1', name: 'MIS', plans: [{ id: 'p1', name: 'Paper registers', steps: 1 }] }],
    steps: [
      {
        id: 'st1',
        number: 1,
        instruction: 'Print registers',
        roleId: 'r1',
        where: { kind: 'plan', id: 'p1', name: 'Paper registers' },
      },
    ],
    roles: [
      role('rm', 'Service continuity manager', ['Ann', 'Bob'], { builtIn: 'CONTINUITY_MANAGER' }),
      role('rd', 'Deputy', ['Bob', 'Ann'], { builtIn: 'DEPUTY_CONTINUITY_MANAGER' }),
      role('r1', 'Office', ['Ann', 'Bob']),
    ],
    members: [member('Ann'), member('Bob')],
    data: [
      {
        kind: 'asset',
        id: 'a1',
        name: 'MIS database',
        backups: [{ id: 'b1' }, { id: 'b2' }, { id: 'b3' }],
        rule: checkThreeTwoOne(good),
        restore: restoreStatus([{ testedOn: new Date('2026-10-01T12:00:00Z'), result: 'SUCCESS' }], today, 6),
      },
    ],
    restoreTestMonths: 6,
    formatDate: (d) => d.toISOString().slice(0, 10),
  }
}

const kinds = (i: CoverageInput) => findGaps(i).map((g) => g.kind)

describe('findGaps', () => {
  it('finds nothing in a school with nothing missing', () => {
    expect(findGaps(complete())).toEqual([])
    expect(Object.values(countGaps([])).every((n) => n === 0)).toBe(true)
    expect(Object.keys(countGaps([]))).toEqual([...GAP_KINDS])
  })

  it('a service with no plan links to a new plan for that service', () => {
    const i = complete()
    i.services.push({ id: 's2', name: 'Telephony', plans: [] })
    const [g] = findGaps(i)
    expect(g).toMatchObject({
      kind: 'SERVICE_NO_PLAN',
      subject: 'Telephony',
      href: '/contingency/new?serviceId=s2',
    })
    expect(g!.action).toMatch(/Write a contingency plan/)
  })

  it('a plan with no steps links to the plan', () => {
    const i = complete()
    i.services[0]!.plans.push({ id: 'p2', name: 'Cloud MIS', steps: 0 })
    expect(findGaps(i)).toEqual([
      expect.objectContaining({
        kind: 'PLAN_NO_STEPS',
        subject: 'Cloud MIS',
        context: 'MIS',
        href: '/contingency/p2',
      }),
    ])
  })

  it('a step with no role, a retired role or a role nobody holds is a gap; a held role is not', () => {
    const i = complete()
    i.roles.push(role('r2', 'Caretaker', []), role('r3', 'Old role', ['Ann', 'Bob'], { archived: true }))
    i.steps.push(
      {
        id: 'st2',
        number: 2,
        instruction: 'Call supplier',
        roleId: null,
        where: { kind: 'plan', id: 'p1', name: 'Paper registers' },
      },
      {
        id: 'st3',
        number: 3,
        instruction: 'Unlock server room',
        roleId: 'r2',
        where: { kind: 'plan', id: 'p1', name: 'Paper registers' },
      },
      {
        id: 'st4',
        number: 1,
        instruction: 'Restore',
        roleId: 'r3',
        where: { kind: 'restore', id: 'a1', name: 'MIS database' },
      },
    )
    const steps = findGaps(i).filter((g) => g.kind === 'STEP_NOBODY')
    expect(steps.map((g) => g.subject)).toEqual(['Call supplier', 'Unlock server room', 'Restore'])
    expect(steps[0]!.href).toBe('/contingency/p1')
    expect(steps[1]).toMatchObject({ href: '/team/roles/r2', context: 'Plan: Paper registers, step 3' })
    expect(steps[1]!.action).toMatch(/Nobody holds the role "Caretaker"/)
    expect(steps[2]).toMatchObject({ href: '/backups/restore/a1', fix: 'Open the restore procedure' })
    expect(steps[1]!.fix).toBe('Open the role')
    expect(steps[0]!.fix).toBe('Open the plan')
    expect(steps[2]!.action).toMatch(/retired/)
  })

  it('no deputy (and no manager) when the built-in role has no current holder, or is missing', () => {
    const i = complete()
    i.roles[1] = role('rd', 'Deputy', [], { builtIn: 'DEPUTY_CONTINUITY_MANAGER' })
    expect(kinds(i)).toEqual(['NO_DEPUTY'])
    expect(findGaps(i)[0]).toMatchObject({ href: '/team/roles/rd' })
    i.roles.splice(0, 1)
    expect(kinds(i)).toEqual(['NO_MANAGER', 'NO_DEPUTY'])
    expect(findGaps(i)[0]).toMatchObject({ href: '/team/roles' })
  })

  it('a live role with one holder is flagged; an archived one is not', () => {
    const i = complete()
    i.roles.push(role('r4', 'Network', ['Ann']), role('r5', 'Gone', ['Ann'], { archived: true }))
    expect(findGaps(i)).toEqual([
      expect.objectContaining({ kind: 'SINGLE_HOLDER', subject: 'Network', context: 'Held by Ann' }),
    ])
  })

  it('members with no off-site contact, and with system access but no NCSC record', () => {
    const i = complete()
    i.members.push(
      member('Cat', { mobile: '  ', personalEmail: '' }),
      member('Dan', { training: [] }),
      member('Eve', { training: [], systemAccess: false }),
      member('Fay', { training: [{ kind: 'REHEARSAL', heldOn: today }] }),
    )
    expect(findGaps(i).map((g) => `${g.kind}:${g.subject}`)).toEqual([
      'NO_OFFSITE_CONTACT:Cat',
      'NO_CYBER_TRAINING:Dan',
      'NO_CYBER_TRAINING:Fay',
    ])
    expect(findGaps(i)[0]!.href).toBe('/team/m-Cat')
  })

  it('backups that break 3-2-1 say what is missing; untested or stale restores are gaps', () => {
    const i = complete()
    i.data.push(
      {
        kind: 'asset',
        id: 'a2',
        name: 'Finance',
        backups: [],
        rule: checkThreeTwoOne([]),
        restore: restoreStatus([], today, 6),
      },
      {
        kind: 'service',
        id: 's9',
        name: 'E-mail',
        backups: [{ id: 'b9' }],
        rule: checkThreeTwoOne([good[1]]),
        restore: restoreStatus([{ testedOn: new Date('2026-01-01T12:00:00Z'), result: 'SUCCESS' }], today, 6),
      },
      {
        kind: 'asset',
        id: 'a3',
        name: 'Curriculum files',
        backups: [{ id: 'b1' }, { id: 'b2' }, { id: 'b3' }],
        rule: checkThreeTwoOne(good),
        restore: restoreStatus([{ testedOn: today, result: 'FAILED' }], today, 6),
      },
    )
    const g = findGaps(i)
    expect(g.map((x) => `${x.kind}:${x.subject}`)).toEqual([
      'BACKUP_321:Finance',
      'BACKUP_321:E-mail',
      'RESTORE_UNTESTED:E-mail',
      'RESTORE_UNTESTED:Curriculum files',
    ])
    expect(g[0]).toMatchObject({ href: '/backups/new?subject=asset%3Aa2', fix: 'Record a backup' })
    expect(g[0]!.action).toMatch(/No backups recorded/)
    expect(g[1]!.action).toMatch(/Only 1 copy/)
    expect(g[2]).toMatchObject({ context: 'Last restored 2026-01-01' })
    expect(g[2]!.action).toMatch(/every 6 months/)
    expect(g[3]).toMatchObject({
      context: 'Never restore-tested',
      href: '/backups?check=restore&q=Curriculum%20files',
      fix: 'Open the backups',
    })
    expect(g[1]).toMatchObject({ href: '/backups?check=three-two-one&q=E-mail' })
  })

  it('every gap says what to do and where', () => {
    const i = complete()
    i.roles = []
    i.members = [member('Zed', { mobile: '', training: [] })]
    i.services.push({ id: 's2', name: 'Wi-Fi', plans: [] })
    for (const g of findGaps(i)) {
      expect(g.action.length).toBeGreaterThan(10)
      expect(g.href).toMatch(/^\//)
    }
    expect(countGaps(findGaps(i))).toMatchObject({
      NO_MANAGER: 1,
      NO_DEPUTY: 1,
      SERVICE_NO_PLAN: 1,
      STEP_NOBODY: 1,
      NO_OFFSITE_CONTACT: 1,
      NO_CYBER_TRAINING: 1,
    })
  })
})
