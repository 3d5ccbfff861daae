import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  criticalServiceTriggers,
  daysBetween,
  exerciseTriggers,
  invocationTriggers,
  newRoleHolderTriggers,
  proposeReviews,
  stalePlanTrigger,
  type TriggerAuditRow,
  triggerWindowStart,
} from './triggers'

const tz = 'Europe/London'
let n = 0
const row = (r: Partial<TriggerAuditRow> & Pick<TriggerAuditRow, 'entity' | 'action'>): TriggerAuditRow => ({
  id: `e${++n}`,
  at: new Date('2026-11-03T10:00:00Z'),
  entityId: 's1',
  before: null,
  after: null,
  ...r,
})
const service = (over: Record<string, unknown> = {}) => ({
  name: 'Wi-Fi',
  criticality: 3,
  rtoMinutes: 240,
  version: 1,
  ...over,
})

describe('days out of date', () => {
  it('counts calendar days in the school zone', () => {
    // 23:30 UTC on 2 Jul is already 3 Jul in London (BST).
    expect(daysBetween(new Date('2026-07-02T23:30:00Z'), new Date('2026-07-03T08:00:00Z'), tz)).toBe(0)
    expect(daysBetween(new Date('2026-07-02T23:30:00Z'), new Date('2026-07-03T08:00:00Z'), 'UTC')).toBe(1)
    // Across the clocks going back (25 Oct 2026) a day is still one day.
    expect(daysBetween(new Date('2026-10-24T12:00:00Z'), new Date('2026-10-26T12:00:00Z'), tz)).toBe(2)
  })
  it('is the difference of day numbers whatever the zone', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4_000_000_000_000 }),
        fc.integer({ min: 0, max: 400 }),
        fc.constantFrom('Europe/London', 'UTC', 'Pacific/Auckland', 'America/New_York'),
        (t, days, zone) => {
          const from = new Date(t)
          const to = new Date(t + days * 86_400_000)
          const d = daysBetween(from, to, zone)
          expect(Math.abs(d - days)).toBeLessThanOrEqual(1)
        },
      ),
    )
  })
})

describe('(a) the plan out of date', () => {
  const plan = {
    versionId: 'v3',
    versionNumber: 3,
    stale: true,
    staleSince: new Date('2026-11-03T10:00:00Z'),
  }
  const now = (iso: string) => new Date(iso)
  it('proposes once the plan has been out of date for more than the set number of days', () => {
    expect(
      stalePlanTrigger({ now: now('2026-11-17T10:00:00Z'), timeZone: tz, staleDays: 14, plan }),
    ).toBeNull()
    const p = stalePlanTrigger({ now: now('2026-11-24T10:00:00Z'), timeZone: tz, staleDays: 14, plan })
    expect(p).toEqual({
      kind: 'PLAN_STALE',
      causeKey: 'PLAN_STALE:v3',
      reason:
        'The plan has been out of date for 21 days: it changed on 3 Nov 2026, after version 3 was approved.',
      auditEventIds: [],
    })
  })
  it('counts days in the school zone at the threshold', () => {
    // Stale since 23:30 UTC on 2 Jul = 00:30 on 3 Jul in London; 14 days later in London is 17 Jul.
    const p = { ...plan, staleSince: new Date('2026-07-02T23:30:00Z') }
    const at = new Date('2026-07-17T22:59:00Z') // 23:59 on 17 Jul in London: 14 days, not more
    expect(stalePlanTrigger({ now: at, timeZone: tz, staleDays: 14, plan: p })).toBeNull()
    expect(stalePlanTrigger({ now: at, timeZone: 'UTC', staleDays: 14, plan: p })).not.toBeNull()
    expect(
      stalePlanTrigger({ now: new Date('2026-07-17T23:01:00Z'), timeZone: tz, staleDays: 14, plan: p }),
    ).not.toBeNull()
  })
  it('follows the school’s own setting', () => {
    const at = new Date('2026-11-06T10:00:00Z')
    expect(stalePlanTrigger({ now: at, timeZone: tz, staleDays: 2, plan })).not.toBeNull()
    expect(stalePlanTrigger({ now: at, timeZone: tz, staleDays: 3, plan })).toBeNull()
  })
  it('proposes nothing when the plan is current, never approved, or undated', () => {
    const at = new Date('2027-01-01T10:00:00Z')
    expect(stalePlanTrigger({ now: at, timeZone: tz, staleDays: 14, plan: null })).toBeNull()
    expect(
      stalePlanTrigger({ now: at, timeZone: tz, staleDays: 14, plan: { ...plan, stale: false } }),
    ).toBeNull()
    expect(
      stalePlanTrigger({ now: at, timeZone: tz, staleDays: 14, plan: { ...plan, staleSince: null } }),
    ).toBeNull()
  })
})

describe('(b) vital and high services', () => {
  const run = (events: TriggerAuditRow[], timeZone = tz) => criticalServiceTriggers({ timeZone, events })
  it('proposes when a vital or high service is added, imported or loaded', () => {
    const e = row({ entity: 'Service', action: 'create', after: service({ criticality: 1 }) })
    expect(run([e])).toEqual([
      {
        kind: 'CRITICAL_SERVICE',
        causeKey: `SERVICE:${e.id}`,
        reason: 'The service Wi-Fi was added as vital on 3 Nov 2026.',
        auditEventIds: [e.id],
      },
    ])
    expect(
      run([row({ entity: 'Service', action: 'import', after: service({ criticality: 2 }) })])[0]?.reason,
    ).toBe('The service Wi-Fi was imported as high on 3 Nov 2026.')
    expect(
      run([row({ entity: 'Service', action: 'load-starter', after: service({ criticality: 1 }) })])[0]
        ?.reason,
    ).toBe('The service Wi-Fi was added from the starter catalogue as vital on 3 Nov 2026.')
  })
  it('says nothing of a medium or low service added', () => {
    expect(run([row({ entity: 'Service', action: 'create', after: service({ criticality: 3 }) })])).toEqual(
      [],
    )
  })
  it('proposes when a service is raised to vital or high, changed between them, or lowered', () => {
    const up = (b: number, a: number) =>
      run([
        row({
          entity: 'Service',
          action: 'update',
          before: service({ criticality: b }),
          after: service({ criticality: a }),
        }),
      ])[0]?.reason
    expect(up(3, 1)).toBe('The service Wi-Fi was raised from medium to vital on 3 Nov 2026.')
    expect(up(2, 1)).toBe('The service Wi-Fi changed from high to vital on 3 Nov 2026.')
    expect(up(1, 4)).toBe('The service Wi-Fi was lowered from vital to low on 3 Nov 2026.')
    expect(up(3, 4)).toBeUndefined()
  })
  it('proposes when a vital or high service’s RTO changes, and not for a name change', () => {
    const rto = run([
      row({
        entity: 'Service',
        action: 'update',
        before: service({ criticality: 2, rtoMinutes: 240 }),
        after: service({ criticality: 2, rtoMinutes: 60 }),
      }),
    ])
    expect(rto[0]?.reason).toBe(
      'The high service Wi-Fi had its recovery time objective changed from 4 hours to 1 hour on 3 Nov 2026.',
    )
    const renamed = run([
      row({
        entity: 'Service',
        action: 'update',
        before: service({ criticality: 1 }),
        after: service({ criticality: 1, name: 'WiFi' }),
      }),
    ])
    expect(renamed).toEqual([])
    const lowRto = run([
      row({
        entity: 'Service',
        action: 'update',
        before: service({ rtoMinutes: 60 }),
        after: service({ rtoMinutes: 30 }),
      }),
    ])
    expect(lowRto).toEqual([])
  })
  it('makes one proposal per audit row, keyed by the row, so a row read twice proposes once', () => {
    const a = row({
      entity: 'Service',
      action: 'update',
      before: service(),
      after: service({ criticality: 1 }),
    })
    const b = row({
      entity: 'Service',
      action: 'update',
      at: new Date('2026-11-04T10:00:00Z'),
      before: service({ criticality: 1 }),
      after: service({ criticality: 2 }),
    })
    const out = run([a, b])
    expect(out.map((p) => [p.causeKey, p.auditEventIds, p.reason])).toEqual([
      [`SERVICE:${a.id}`, [a.id], 'The service Wi-Fi was raised from medium to vital on 3 Nov 2026.'],
      [`SERVICE:${b.id}`, [b.id], 'The service Wi-Fi changed from vital to high on 4 Nov 2026.'],
    ])
    expect(run([a, b, a]).map((p) => p.causeKey)).toEqual([
      `SERVICE:${a.id}`,
      `SERVICE:${b.id}`,
      `SERVICE:${a.id}`,
    ])
  })
  it('dates the change in the school zone', () => {
    const e = row({
      entity: 'Service',
      action: 'create',
      at: new Date('2026-07-02T23:30:00Z'),
      after: service({ criticality: 1 }),
    })
    expect(run([e])[0]?.reason).toContain('on 3 Jul 2026')
    expect(run([e], 'UTC')[0]?.reason).toContain('on 2 Jul 2026')
  })
  it('ignores archiving and other records', () => {
    expect(
      run([
        row({ entity: 'Service', action: 'archive', before: { name: 'Wi-Fi' }, after: { name: 'Wi-Fi' } }),
        row({ entity: 'Asset', action: 'create', after: { name: 'Server', criticality: 1 } }),
      ]),
    ).toEqual([])
  })
})

describe('(c) a new head teacher or service continuity manager', () => {
  const run = (events: TriggerAuditRow[], memberNames?: Record<string, string>) =>
    newRoleHolderTriggers({ timeZone: tz, events, continuityManagerRoleId: 'cm', memberNames })
  it('proposes when a head teacher or manager joins, also through an accepted invitation', () => {
    const e = row({
      entity: 'Membership',
      action: 'create',
      entityId: 'm1',
      after: { name: 'Jo Head', role: 'HEAD' },
    })
    expect(run([e])).toEqual([
      {
        kind: 'NEW_ROLE_HOLDER',
        causeKey: `ROLE:${e.id}`,
        reason: 'Jo Head joined the school as head teacher on 3 Nov 2026.',
        auditEventIds: [e.id],
      },
    ])
    expect(
      run([row({ entity: 'Membership', action: 'create', after: { name: 'T', role: 'TEAM' } })]),
    ).toEqual([])
  })
  it('proposes when a member’s role changes to head teacher or manager, named from the school', () => {
    const e = row({
      entity: 'Membership',
      action: 'update',
      entityId: 'm2',
      before: { email: 'sam@x.org', role: 'TEAM' },
      after: { email: 'sam@x.org', role: 'MANAGER' },
    })
    expect(run([e], { m2: 'Sam Patel' })[0]?.reason).toBe(
      'Sam Patel became service continuity manager on 3 Nov 2026.',
    )
    expect(run([e])[0]?.reason).toBe('sam@x.org became service continuity manager on 3 Nov 2026.')
    const down = row({
      entity: 'Membership',
      action: 'update',
      before: { role: 'MANAGER' },
      after: { role: 'TEAM' },
    })
    expect(run([down])).toEqual([])
  })
  it('proposes when a team member newly holds the built-in service continuity manager role', () => {
    const given = row({
      entity: 'TeamMember',
      action: 'update',
      before: { name: 'Ann', roleIds: ['x'], leftAt: null },
      after: { name: 'Ann', roleIds: ['x', 'cm'], leftAt: null },
    })
    expect(run([given])[0]?.reason).toBe(
      'Ann took on the service continuity manager role in the recovery team on 3 Nov 2026.',
    )
    const added = row({
      entity: 'TeamMember',
      action: 'create',
      after: { name: 'Bo', roleIds: ['cm'], leftAt: null },
    })
    const back = row({
      entity: 'TeamMember',
      action: 'rejoin',
      before: { name: 'Cy', roleIds: ['cm'], leftAt: '2026-01-01' },
      after: { name: 'Cy', roleIds: ['cm'], leftAt: null },
    })
    expect(run([added, back])).toHaveLength(2)
    const kept = row({
      entity: 'TeamMember',
      action: 'update',
      before: { name: 'Ann', roleIds: ['cm'] },
      after: { name: 'Ann', roleIds: ['cm'], mobile: '1' },
    })
    const contacts = row({
      entity: 'TeamMember',
      action: 'update-contacts',
      before: { roleIds: [] },
      after: { roleIds: ['cm'] },
    })
    const other = row({ entity: 'TeamMember', action: 'create', after: { name: 'Di', roleIds: ['x'] } })
    expect(run([kept, contacts, other])).toEqual([])
  })
  it('needs the built-in role to know it', () => {
    const given = row({ entity: 'TeamMember', action: 'create', after: { name: 'Bo', roleIds: ['cm'] } })
    expect(newRoleHolderTriggers({ timeZone: tz, events: [given], continuityManagerRoleId: null })).toEqual(
      [],
    )
  })
})

describe('(d) after an exercise or a real invocation', () => {
  it('proposes one review per exercise and per invocation once they are recorded', () => {
    const at = new Date('2026-07-02T23:30:00Z')
    expect(
      exerciseTriggers({ timeZone: tz, exercises: [{ id: 'x1', heldOn: at, name: 'Tabletop' }] }),
    ).toEqual([
      {
        kind: 'EXERCISE',
        causeKey: 'EXERCISE:x1',
        reason: 'The exercise Tabletop was held on 3 Jul 2026: review what it showed.',
        auditEventIds: [],
      },
    ])
    expect(
      invocationTriggers({ timeZone: tz, invocations: [{ id: 'i1', at, name: 'the MIS outage' }] })[0],
    ).toMatchObject({
      kind: 'INVOCATION',
      causeKey: 'INVOCATION:i1',
    })
    expect(exerciseTriggers({ timeZone: tz })).toEqual([])
  })
})

describe('all triggers together', () => {
  it('lists every proposal with a distinct key', () => {
    const out = proposeReviews({
      now: new Date('2026-12-01T10:00:00Z'),
      timeZone: tz,
      staleDays: 14,
      plan: { versionId: 'v1', versionNumber: 1, stale: true, staleSince: new Date('2026-11-01T10:00:00Z') },
      events: [
        row({ entity: 'Service', action: 'create', entityId: 'a', after: service({ criticality: 1 }) }),
        row({ entity: 'Membership', action: 'create', after: { name: 'H', role: 'HEAD' } }),
      ],
      continuityManagerRoleId: 'cm',
      exercises: [{ id: 'x', heldOn: new Date(), name: 'Drill' }],
    })
    expect(out.map((p) => p.kind)).toEqual(['PLAN_STALE', 'CRITICAL_SERVICE', 'NEW_ROLE_HOLDER', 'EXERCISE'])
    expect(new Set(out.map((p) => p.causeKey)).size).toBe(out.length)
  })
  it('reads the audit trail from the later of the last sign-off and the last evaluation', () => {
    const a = new Date('2026-01-01T00:00:00Z')
    const b = new Date('2026-02-01T00:00:00Z')
    expect(triggerWindowStart(a, b)).toBe(b)
    expect(triggerWindowStart(b, a)).toBe(b)
    expect(triggerWindowStart(null, a)).toBe(a)
    expect(triggerWindowStart(a, null)).toBe(a)
    expect(triggerWindowStart(null, null)).toBeNull()
  })
})
