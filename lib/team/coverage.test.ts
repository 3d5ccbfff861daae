import { describe, expect, it } from 'vitest'
import { coverageGaps, coverageStatus, type Holding, roleCoverage, rolesLeftUncovered } from './coverage'

const ORDER = ['CONTINUITY_MANAGER', 'DEPUTY_CONTINUITY_MANAGER']
const roles = [
  { id: 'tech', name: 'Technician', builtIn: null, archived: false },
  {
    id: 'dep',
    name: 'Deputy service continuity manager',
    builtIn: 'DEPUTY_CONTINUITY_MANAGER',
    archived: false,
  },
  { id: 'old', name: 'Fax operator', builtIn: null, archived: true },
  { id: 'mgr', name: 'Service continuity manager', builtIn: 'CONTINUITY_MANAGER', archived: false },
  { id: 'comms', name: 'Communications lead', builtIn: null, archived: false },
]
const h = (roleId: string, memberId: string, memberName: string, left = false): Holding => ({
  roleId,
  memberId,
  memberName,
  left,
})

describe('coverageStatus', () => {
  it('names no holder, one holder and more', () => {
    expect(coverageStatus(0)).toBe('UNCOVERED')
    expect(coverageStatus(1)).toBe('SINGLE')
    expect(coverageStatus(2)).toBe('COVERED')
    expect(coverageStatus(7)).toBe('COVERED')
  })
})

describe('roleCoverage', () => {
  const holdings = [
    h('mgr', 'a', 'Alex'),
    h('tech', 'b', 'Sam'),
    h('tech', 'a', 'Alex'),
    h('comms', 'c', 'Chris', true),
    h('old', 'b', 'Sam'),
  ]
  const c = roleCoverage(roles, holdings, ORDER)

  it('lists the built-in roles first, then live roles by name, archived last', () => {
    expect(c.map((r) => r.roleId)).toEqual(['mgr', 'dep', 'comms', 'tech', 'old'])
  })

  it('counts only members who have not left', () => {
    const comms = c.find((r) => r.roleId === 'comms')!
    expect(comms.holders).toEqual([])
    expect(comms.former).toEqual([{ id: 'c', name: 'Chris' }])
    expect(comms.status).toBe('UNCOVERED')
  })

  it('sorts holders by name and says single or covered', () => {
    const tech = c.find((r) => r.roleId === 'tech')!
    expect(tech.holders.map((x) => x.name)).toEqual(['Alex', 'Sam'])
    expect(tech.status).toBe('COVERED')
    expect(c.find((r) => r.roleId === 'mgr')!.status).toBe('SINGLE')
    expect(c.find((r) => r.roleId === 'dep')!.status).toBe('UNCOVERED')
  })

  it('reports gaps among live roles only', () => {
    const gaps = coverageGaps(c)
    expect(gaps.uncovered.map((r) => r.roleId)).toEqual(['dep', 'comms'])
    expect(gaps.single.map((r) => r.roleId)).toEqual(['mgr'])
  })

  it('says which roles a member leaving would uncover', () => {
    expect(rolesLeftUncovered('a', c)).toEqual(['Service continuity manager'])
    // Sam shares Technician with Alex, and the archived role does not count.
    expect(rolesLeftUncovered('b', c)).toEqual([])
    expect(rolesLeftUncovered('nobody', c)).toEqual([])
  })

  it('does not change its inputs', () => {
    const copy = structuredClone(roles)
    roleCoverage(roles, holdings, ORDER)
    expect(roles).toEqual(copy)
  })
})
