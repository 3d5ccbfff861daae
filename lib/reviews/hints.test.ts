import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { STARTER_CHECKLIST } from './checklist'
import { HINTS, hintFor, type ReviewFacts } from './hints'

const none: ReviewFacts = {
  changed: {},
  services: 0,
  assets: 0,
  spofs: 0,
  standbysToCheck: 0,
  servicesWithoutPlan: 0,
  plansWithoutSteps: 0,
  stepsWithNobody: 0,
  openRisks: 0,
  risksOverdue: 0,
  exercises: { count: 0, monthsSinceLast: null },
  restoreNeverTested: 0,
  restoreOverdue: 0,
  membersWithoutTraining: 0,
  teamJoined: 0,
  teamLeft: 0,
  noContinuityManager: false,
}
const facts = (f: Partial<ReviewFacts>): ReviewFacts => ({ ...none, ...f })

describe('hints beside the starter questions', () => {
  it('maps only keys the starter checklist has', () => {
    const keys = new Set(STARTER_CHECKLIST.map((i) => i.key))
    for (const k of Object.keys(HINTS)) expect(keys.has(k), k).toBe(true)
  })

  it('says what changed since the last review', () => {
    const f = facts({ changed: { Asset: 4, AssetDependency: 1, Service: 1, TeamMember: 2 } })
    expect(hintFor('keep.assets', f)).toBe(
      '4 assets and 1 dependency between assets changed since the last review.',
    )
    expect(hintFor('keep.services', f)).toBe('1 service changed since the last review.')
    expect(hintFor('keep.services', facts({ changed: {} }))).toBe(
      'No services or links to assets changed since the last review.',
    )
    expect(hintFor('keep.changes', f)).toBe(
      '8 records changed since the last review: each is listed under “What changed”.',
    )
  })

  it('says how the recovery team changed and who has no training', () => {
    expect(hintFor('keep.personnel', facts({ teamJoined: 2, teamLeft: 1, membersWithoutTraining: 1 }))).toBe(
      'The recovery team changed since the last review: 2 joined, 1 left. 1 team member has no training recorded.',
    )
    expect(hintFor('keep.personnel', none)).toBe(
      'Nobody joined or left the recovery team since the last review.',
    )
    expect(hintFor('prepare.training', facts({ membersWithoutTraining: 3 }))).toBe(
      '3 team members have no training recorded.',
    )
  })

  it('says which services have no plan and which steps nobody can carry out', () => {
    expect(hintFor('improve.adequate', facts({ servicesWithoutPlan: 3 }))).toBe(
      '3 services have no contingency plan.',
    )
    expect(hintFor('improve.adequate', facts({ servicesWithoutPlan: 1, plansWithoutSteps: 2 }))).toBe(
      '1 service has no contingency plan. 2 plans have no steps.',
    )
    expect(hintFor('improve.adequate', none)).toBe('Every service has a contingency plan with steps.')
    expect(hintFor('improve.improve', facts({ stepsWithNobody: 4 }))).toBe(
      '4 steps have nobody to carry them out.',
    )
    expect(hintFor('improve.improve', facts({ stepsWithNobody: 1 }))).toBe(
      '1 step has nobody to carry it out.',
    )
  })

  it('says which risks are overdue for review', () => {
    expect(hintFor('counter.problem', facts({ risksOverdue: 2 }))).toBe('2 risks are overdue for review.')
    expect(
      hintFor('improve.identified', facts({ services: 7, assets: 1, openRisks: 3, risksOverdue: 1 })),
    ).toBe(
      'The catalogue holds 7 services and 1 asset; 3 open risks are recorded, 1 risk is overdue for review.',
    )
  })

  it('says no exercise has been recorded, or none in 12 months', () => {
    expect(hintFor('improve.rehearse', none)).toBe('No exercise has been recorded.')
    expect(hintFor('improve.rehearse', facts({ exercises: { count: 2, monthsSinceLast: 13 } }))).toBe(
      'No exercise in the last 12 months.',
    )
    expect(hintFor('improve.rehearse', facts({ exercises: { count: 1, monthsSinceLast: 3 } }))).toBe(
      '1 exercise has been recorded, the last 3 months ago.',
    )
  })

  it('says which backups were never restore-tested', () => {
    expect(
      hintFor(
        'counter.availability',
        facts({ restoreNeverTested: 2, restoreOverdue: 1, standbysToCheck: 1 }),
      ),
    ).toBe(
      '1 standby to re-check. 2 backed-up items have never been restore-tested. 1 backed-up item is due a restore test again.',
    )
    expect(hintFor('counter.configuration', facts({ spofs: 1 }))).toBe(
      '1 single point of failure to eliminate.',
    )
    expect(hintFor('prepare.roles', facts({ noContinuityManager: true }))).toBe(
      'Nobody holds the service continuity manager role yet.',
    )
  })

  it('gives a school’s own questions, and unknown keys, no hint', () => {
    expect(hintFor(null, none)).toBeNull()
    expect(hintFor('own.question', none)).toBeNull()
    expect(hintFor('counter.financial', none)).toBeNull()
  })

  it('never throws and always reads as whole sentences for any counts', () => {
    const n = fc.nat(500)
    fc.assert(
      fc.property(
        fc.record({
          services: n,
          assets: n,
          spofs: n,
          standbysToCheck: n,
          servicesWithoutPlan: n,
          plansWithoutSteps: n,
          stepsWithNobody: n,
          openRisks: n,
          risksOverdue: n,
          restoreNeverTested: n,
          restoreOverdue: n,
          membersWithoutTraining: n,
          teamJoined: n,
          teamLeft: n,
        }),
        (counts) => {
          const f = facts(counts)
          for (const key of Object.keys(HINTS)) {
            const h = hintFor(key, f)
            if (h !== null) expect(h).toMatch(/^[A-Z0-9].*\.$/)
          }
        },
      ),
    )
  })
})
