export type StandbyDrift = 'OK' | 'NEVER_VERIFIED' | 'MAY_NOT_MATCH' | 'NO_STANDBY'

// One formatter per time zone: building one is far dearer than using it, and the assets list and the
// dashboard check every asset's standby on each request.
const dayFormats = new Map<string, Intl.DateTimeFormat>()

/** The calendar day (yyyy-mm-dd) an instant falls on in a time zone. */
export function dayIn(d: Date, timeZone: string): string {
  let format = dayFormats.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    dayFormats.set(timeZone, format)
  }
  return format.format(d)
}

/**
 * Whether an asset's standby can still be trusted to take over (seed 000: the off-site standby server
 * must keep pace with the one it replaces).
 *
 * Rule: with no standby there is nothing to check (NO_STANDBY). A standby nobody has ever verified is
 * NEVER_VERIFIED. The verification is recorded as a calendar day (a date-only value, stored at midday UTC),
 * the specification change as an instant: the standby MAY_NOT_MATCH when the specification changed on a
 * later day, in the school's time zone, than the day it was last verified. A check on the same day as the
 * change counts as made after it (the manager changes the specification, then checks the standby), and a
 * specification never changed since the asset was recorded needs nothing.
 */
export function standbyDrift(
  a: { specificationChangedAt: Date | null; standbyVerifiedAt: Date | null; hasStandby: boolean },
  timeZone: string,
): StandbyDrift {
  if (!a.hasStandby) return 'NO_STANDBY'
  if (a.standbyVerifiedAt === null) return 'NEVER_VERIFIED'
  if (a.specificationChangedAt === null) return 'OK'
  const verifiedDay = a.standbyVerifiedAt.toISOString().slice(0, 10)
  return dayIn(a.specificationChangedAt, timeZone) > verifiedDay ? 'MAY_NOT_MATCH' : 'OK'
}
