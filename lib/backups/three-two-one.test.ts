import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type BackupCopy, checkThreeTwoOne } from './three-two-one'

const nas: BackupCopy = { location: 'ON_SITE', medium: 'DISK', offline: false }
const cloud: BackupCopy = { location: 'CLOUD', medium: 'CLOUD_STORAGE', offline: false }
const rotatedDisk: BackupCopy = { location: 'OFF_SITE', medium: 'REMOVABLE_DISK', offline: true }
const snapshot: BackupCopy = { location: 'ON_SITE', medium: 'SAME_DEVICE', offline: false }

describe('the 3-2-1 check with one offline copy', () => {
  it('passes three copies on two media, one off site and one offline', () => {
    const r = checkThreeTwoOne([nas, cloud, rotatedDisk])
    expect(r).toEqual({ copies: 3, media: 3, offSite: 2, offline: 1, ok: true, problems: [] })
  })

  it('says plainly when nothing is backed up', () => {
    const r = checkThreeTwoOne([])
    expect(r.ok).toBe(false)
    expect(r.problems).toEqual(['No backups recorded: keep at least three copies.'])
  })

  it('fails two copies even when they are off site and offline', () => {
    const r = checkThreeTwoOne([cloud, rotatedDisk])
    expect(r.ok).toBe(false)
    expect(r.problems).toEqual(['Only 2 copies: keep at least three.'])
  })

  it('fails three copies on one medium', () => {
    const r = checkThreeTwoOne([nas, { ...nas, location: 'OFF_SITE' }, { ...nas, offline: true }])
    expect(r.problems).toEqual([
      'Every copy is on the same kind of medium: use at least two different media.',
    ])
  })

  it('counts a cloud copy as off site, and fails when every copy is in the building', () => {
    expect(checkThreeTwoOne([nas, snapshot, { ...rotatedDisk, location: 'CLOUD' }]).offSite).toBe(1)
    const r = checkThreeTwoOne([nas, snapshot, { ...rotatedDisk, location: 'ON_SITE' }])
    expect(r.problems).toEqual(['No copy is off site: keep at least one off site.'])
  })

  it('fails when no copy is offline', () => {
    const r = checkThreeTwoOne([nas, cloud, { ...rotatedDisk, offline: false }])
    expect(r.problems).toEqual(['No copy is offline: keep at least one disconnected from the network.'])
  })

  it('lists every part that fails', () => {
    expect(checkThreeTwoOne([nas]).problems).toHaveLength(4)
  })

  it('is ok exactly when every part of the rule holds, whatever the copies', () => {
    const copy = fc.record({
      location: fc.constantFrom('ON_SITE', 'OFF_SITE', 'CLOUD' as const),
      medium: fc.constantFrom(
        'SAME_DEVICE',
        'DISK',
        'REMOVABLE_DISK',
        'TAPE',
        'CLOUD_STORAGE',
        'OPTICAL' as const,
      ),
      offline: fc.boolean(),
    }) as fc.Arbitrary<BackupCopy>
    fc.assert(
      fc.property(fc.array(copy, { maxLength: 8 }), (copies) => {
        const r = checkThreeTwoOne(copies)
        const expected =
          copies.length >= 3 &&
          new Set(copies.map((c) => c.medium)).size >= 2 &&
          copies.some((c) => c.location !== 'ON_SITE') &&
          copies.some((c) => c.offline)
        expect(r.ok).toBe(expected)
        expect(r.problems.length === 0).toBe(expected)
      }),
    )
  })
})
