export type StandbyDrift = 'OK' | 'NEVER_VERIFIED' | 'MAY_NOT_MATCH' | 'NO_STANDBY'

/**
 * Whether an asset's standby can still be trusted to take over.
 *
 * Rule: with no standby there is nothing to check (NO_STANDBY). A standby nobody has ever verified is
 * NEVER_VERIFIED. A standby verified before the primary's specification last changed may no longer match it
 * (MAY_NOT_MATCH); verification at the same moment as the change, or later, counts as OK, as does a primary
 * whose specification has never been recorded as changed.
 */
export function standbyDrift(a: {
  specificationChangedAt: Date | null
  standbyVerifiedAt: Date | null
  hasStandby: boolean
}): StandbyDrift {
  if (!a.hasStandby) return 'NO_STANDBY'
  if (a.standbyVerifiedAt === null) return 'NEVER_VERIFIED'
  if (a.specificationChangedAt === null) return 'OK'
  // Compare instants, not Date objects: two Dates for the same moment are never === to each other.
  return a.specificationChangedAt.getTime() > a.standbyVerifiedAt.getTime() ? 'MAY_NOT_MATCH' : 'OK'
}
