/*
 * The backup rule the DfE sets for schools (cyber security standards, "3-2-1"): at least three backup
 * copies of the data, on at least two different media, at least one of them off site; and at least one
 * copy offline (disconnected, so ransomware that reaches the network cannot reach it). Checked per data
 * asset or service over its current backups. The live data itself is not counted: it is what the copies
 * protect, and it goes down with the disaster.
 */

export type BackupLocation = 'ON_SITE' | 'OFF_SITE' | 'CLOUD'
export type BackupMedium = 'SAME_DEVICE' | 'DISK' | 'REMOVABLE_DISK' | 'TAPE' | 'CLOUD_STORAGE' | 'OPTICAL'
export type BackupCopy = { location: BackupLocation; medium: BackupMedium; offline: boolean }

export type ThreeTwoOne = {
  copies: number
  media: number
  offSite: number
  offline: number
  /** True when every part of the rule holds. */
  ok: boolean
  /** What is missing, in words, one sentence per part that fails (empty when ok). */
  problems: string[]
}

export const REQUIRED_COPIES = 3
export const REQUIRED_MEDIA = 2

/** A cloud copy is off site; anything else not marked off site is in the building. */
export const isOffSite = (c: Pick<BackupCopy, 'location'>) => c.location !== 'ON_SITE'

/** Checks one data asset's (or service's) current backup copies against 3-2-1 and the offline copy. */
export function checkThreeTwoOne(copies: readonly BackupCopy[]): ThreeTwoOne {
  const media = new Set(copies.map((c) => c.medium)).size
  const offSite = copies.filter(isOffSite).length
  const offline = copies.filter((c) => c.offline).length
  const problems: string[] = []
  if (copies.length < REQUIRED_COPIES)
    problems.push(
      copies.length === 0
        ? 'No backups recorded: keep at least three copies.'
        : `Only ${copies.length} ${copies.length === 1 ? 'copy' : 'copies'}: keep at least three.`,
    )
  if (copies.length > 0 && media < REQUIRED_MEDIA)
    problems.push('Every copy is on the same kind of medium: use at least two different media.')
  if (copies.length > 0 && offSite === 0) problems.push('No copy is off site: keep at least one off site.')
  if (copies.length > 0 && offline === 0)
    problems.push('No copy is offline: keep at least one disconnected from the network.')
  return { copies: copies.length, media, offSite, offline, ok: problems.length === 0, problems }
}
