/*
 * The contingency and backups pages run the same number of queries for a school with a few plans,
 * steps, backups and restore tests as for one with hundreds; and the demo seed shows the feature
 * working (a service with no plan, data breaking 3-2-1, data never restore-tested).
 */
import { describe, expect, it } from 'vitest'
import { getBackupOverview, getBackupView, getSubjectBackups } from '@/lib/backups/queries'
import {
  getPlanView,
  getRestoreProcedure,
  listPlansByService,
  listServicePlans,
  loadContingency,
} from '@/lib/contingency/queries'
import { countQueries, db } from '@/lib/db'
import { seed } from '@/prisma/seed'
import { makeSchool } from '../support/factories'

/** n services, each with a plan of 3 steps, and n data assets each with 2 backups and 2 restore tests. */
async function fill(schoolId: string, n: number) {
  const role = await db.recoveryRole.create({ data: { schoolId, name: 'Technician' } })
  for (let i = 0; i < n; i++) {
    const service = await db.service.create({
      data: {
        schoolId,
        name: `Service ${i}`,
        criticality: 1 + (i % 4),
        rtoMinutes: 60,
        rpoMinutes: 60,
        maxOutageMinutes: 120,
      },
    })
    await db.contingencyPlan.create({
      data: {
        schoolId,
        serviceId: service.id,
        name: `Plan ${i}`,
        strategy: 'FAST',
        procedure: {
          create: {
            schoolId,
            steps: {
              create: [1, 2, 3].map((position) => ({
                schoolId,
                position,
                instruction: `Step ${position}`,
                estimatedMinutes: 10,
                recoveryRoleId: role.id,
              })),
            },
          },
        },
      },
    })
    const asset = await db.asset.create({
      data: {
        schoolId,
        name: `Data ${String(i).padStart(4, '0')}`,
        type: 'DATA',
        restoreProcedure: {
          create: {
            schoolId,
            steps: { create: [{ schoolId, position: 1, instruction: 'Restore', estimatedMinutes: 30 }] },
          },
        },
      },
    })
    for (const location of ['ON_SITE', 'CLOUD'] as const)
      await db.backup.create({
        data: {
          schoolId,
          assetId: asset.id,
          name: `Copy ${location}`,
          location,
          medium: location === 'CLOUD' ? 'CLOUD_STORAGE' : 'DISK',
          frequencyMinutes: 1440,
          restoreTests: {
            create: [0, 1].map((k) => ({
              schoolId,
              testedOn: new Date(Date.UTC(2026, k, 10, 12)),
              whatRestored: 'All',
              minutesTaken: 20,
              result: 'SUCCESS' as const,
            })),
          },
        },
      })
  }
}

describe('query counts of the contingency and backups pages', () => {
  it('do not grow with plans, steps, backups and restore tests', async () => {
    const small = await makeSchool()
    const large = await makeSchool()
    await fill(small.id, 3)
    await fill(large.id, 60)
    const first = async (schoolId: string) => ({
      plan: (await db.contingencyPlan.findFirstOrThrow({ where: { schoolId, name: 'Plan 1' } })).id,
      service: (await db.service.findFirstOrThrow({ where: { schoolId, name: 'Service 1' } })).id,
      asset: (await db.asset.findFirstOrThrow({ where: { schoolId, name: 'Data 0001' } })).id,
      backup: (await db.backup.findFirstOrThrow({ where: { schoolId, asset: { name: 'Data 0001' } } })).id,
    })
    const ids = { [small.id]: await first(small.id), [large.id]: await first(large.id) }
    const PAGES: Record<string, (schoolId: string) => Promise<unknown>> = {
      'contingency plans list': (s) => listPlansByService(s, { show: 'all' }),
      'services with no plan': (s) => listPlansByService(s, { show: 'unplanned' }),
      'plan page (manager)': (s) => getPlanView(s, ids[s]!.plan, { edit: true }),
      'plan page (head)': (s) => getPlanView(s, ids[s]!.plan, { edit: false }),
      'service page plans': (s) => listServicePlans(s, ids[s]!.service),
      'restore procedure': (s) => getRestoreProcedure(s, ids[s]!.asset, { edit: true }),
      'backups overview': (s) => getBackupOverview(s, { check: 'all' }),
      'backups breaking 3-2-1': (s) => getBackupOverview(s, { check: 'three-two-one', q: 'Data' }),
      'backup page': (s) => getBackupView(s, ids[s]!.backup),
      'asset page backups': (s) => getSubjectBackups(s, { assetId: ids[s]!.asset }, 'Data 0001'),
      'recovery plan input': (s) => loadContingency(s),
    }
    for (const [name, run] of Object.entries(PAGES)) {
      const a = await countQueries(() => run(small.id))
      const b = await countQueries(() => run(large.id))
      expect(a.queries, name).toBeGreaterThan(0)
      expect(b.queries, name).toBe(a.queries)
    }
    // What the pages say about the large school.
    const overview = await getBackupOverview(large.id, { check: 'all' })
    expect(overview.rows).toHaveLength(60)
    expect(overview.rows[0]!.rule.problems).toEqual([
      'Only 2 copies: keep at least three.',
      'No copy is offline: keep at least one disconnected from the network.',
    ])
    const recovery = await loadContingency(large.id)
    expect(recovery.plans).toHaveLength(60)
    expect(recovery.procedures).toHaveLength(120)
  })
})

describe('the demo seed', () => {
  it('shows plans, a service with no plan, data breaking 3-2-1 and data never restore-tested', async () => {
    await seed()
    const oakfield = await db.school.findUniqueOrThrow({ where: { urn: '100001' } })
    const services = await listPlansByService(oakfield.id, { show: 'all' })
    const mis = services.find((s) => s.name === 'Management information system (MIS)')!
    expect(mis.plans.map((p) => p.name).sort()).toEqual([
      'Loss of the school building',
      'Supplier outage or ransomware',
    ])
    expect(mis.plans.find((p) => p.name === 'Supplier outage or ransomware')!.steps).toBe(5)
    expect(services.some((s) => s.plans.length === 0)).toBe(true)
    const { rows } = await getBackupOverview(oakfield.id, { check: 'all' })
    const byName = new Map(rows.map((r) => [r.name, r]))
    expect(byName.get('Management information system (MIS)')).toMatchObject({
      rule: { ok: true },
      restore: { kind: 'CURRENT' },
    })
    expect(byName.get('File server')).toMatchObject({ rule: { ok: false }, restore: { kind: 'STALE' } })
    expect(byName.get('E-mail')).toMatchObject({ rule: { ok: false }, restore: { kind: 'NEVER' } })
    // Run again, it adds nothing.
    const plans = await db.contingencyPlan.count()
    expect((await seed()).created).toBe(0)
    expect(await db.contingencyPlan.count()).toBe(plans)
  })
})
