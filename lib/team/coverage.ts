/*
 * Who covers each recovery role. A role with no current holder is uncovered: the steps it carries out
 * have nobody to do them (the recovery plan lists them). A role with one holder has a single point of
 * failure in people: the "unavailability of key staff" risk (FITS risk 4). Members who have left still
 * appear in a role's history but never count as holders.
 */

export type CoverageStatus = 'UNCOVERED' | 'SINGLE' | 'COVERED'

export type RoleForCoverage = { id: string; name: string; builtIn: string | null; archived: boolean }
export type Holding = { roleId: string; memberId: string; memberName: string; left: boolean }

export type RoleCoverage = {
  roleId: string
  name: string
  builtIn: string | null
  archived: boolean
  /** Current holders (not left), by name. */
  holders: { id: string; name: string }[]
  /** Members who held it and have since left, by name. */
  former: { id: string; name: string }[]
  status: CoverageStatus
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'en-GB')

export function coverageStatus(holders: number): CoverageStatus {
  return holders === 0 ? 'UNCOVERED' : holders === 1 ? 'SINGLE' : 'COVERED'
}

/**
 * Each role with its current and former holders and its status. Built-in roles first (manager, then
 * deputy), then by name; archived roles keep their holders but are listed after the live ones.
 */
export function roleCoverage(
  roles: RoleForCoverage[],
  holdings: Holding[],
  builtInOrder: readonly string[] = [],
) {
  const rank = (r: RoleForCoverage) => {
    const i = r.builtIn ? builtInOrder.indexOf(r.builtIn) : -1
    return (r.archived ? 1000 : 0) + (i >= 0 ? i : 100)
  }
  return [...roles]
    .sort((a, b) => rank(a) - rank(b) || byName(a, b))
    .map((r): RoleCoverage => {
      const mine = holdings.filter((h) => h.roleId === r.id)
      const holders = mine.filter((h) => !h.left).map((h) => ({ id: h.memberId, name: h.memberName }))
      const former = mine.filter((h) => h.left).map((h) => ({ id: h.memberId, name: h.memberName }))
      return {
        roleId: r.id,
        name: r.name,
        builtIn: r.builtIn,
        archived: r.archived,
        holders: holders.sort(byName),
        former: former.sort(byName),
        status: coverageStatus(holders.length),
      }
    })
}

/**
 * The live roles a member is the only current holder of: marking them as left uncovers these. A member
 * who has already left uncovers nothing more.
 */
export function rolesLeftUncovered(memberId: string, coverage: RoleCoverage[]): string[] {
  return coverage
    .filter((c) => !c.archived && c.holders.length === 1 && c.holders[0]!.id === memberId)
    .map((c) => c.name)
}

/** Live roles nobody currently holds, and live roles only one person holds. */
export function coverageGaps(coverage: RoleCoverage[]) {
  const live = coverage.filter((c) => !c.archived)
  return {
    uncovered: live.filter((c) => c.status === 'UNCOVERED'),
    single: live.filter((c) => c.status === 'SINGLE'),
  }
}
