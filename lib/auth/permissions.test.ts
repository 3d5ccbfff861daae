import { describe, expect, it } from 'vitest'
import type { Role } from '@/lib/generated/prisma/enums'
import { ALL_PERMISSIONS, can, type Permission } from './permissions'

// The expected table, written out independently of PERMISSIONS so that a change to either shows up.
// Columns: MANAGER, HEAD, TEAM, VIEWER.
const EXPECTED: Record<Permission, [boolean, boolean, boolean, boolean]> = {
  'school.read': [true, true, true, true],
  'school.manage': [true, false, false, false],
  'people.read': [true, true, false, false],
  'people.manage': [true, false, false, false],
  'audit.read': [true, true, false, false],
  'catalogue.read': [true, true, true, true],
  'catalogue.edit': [true, false, false, false],
  'contingency.read': [true, true, false, false],
  'contingency.edit': [true, false, false, false],
  'risks.read': [true, true, true, true],
  'risks.edit': [true, false, false, false],
  'plan.read': [true, true, true, true],
  'plan.draft': [true, true, false, false],
  'plan.contacts': [true, true, true, false],
  'plan.publish': [true, false, false, false],
  'plan.approve': [false, true, false, false],
  'plan.acknowledge': [true, false, true, false],
  'review.read': [true, true, false, true],
  'review.edit': [true, false, false, false],
  'review.signoff': [false, true, false, false],
  'assignments.read-own': [true, false, true, false],
  'steps.tick': [true, false, true, false],
  'team.read': [true, true, false, false],
  'team.contacts': [true, true, false, false],
  'team.edit': [true, false, false, false],
  'team.profile': [true, true, true, false],
}
const ROLES: Role[] = ['MANAGER', 'HEAD', 'TEAM', 'VIEWER']

describe('role -> permission table', () => {
  it('covers exactly the expected permissions', () => {
    expect([...ALL_PERMISSIONS].sort()).toEqual(Object.keys(EXPECTED).sort())
  })

  for (const permission of Object.keys(EXPECTED) as Permission[]) {
    ROLES.forEach((role, i) => {
      const allowed = EXPECTED[permission][i]
      it(`${role} ${allowed ? 'may' : 'may not'} ${permission}`, () => {
        expect(can(role, permission)).toBe(allowed)
      })
    })
  }

  it('grants nothing without a role or for an unknown permission', () => {
    expect(can(null, 'school.read')).toBe(false)
    expect(can(undefined, 'plan.read')).toBe(false)
    expect(can('MANAGER', 'no.such' as Permission)).toBe(false)
  })
})
