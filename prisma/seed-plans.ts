/*
 * Demo data for contingency plans, procedures and backups (issue 10, items 3 to 5) in the demo school:
 * plans for the most critical services (one with a supplier standby, one manual workaround, a service
 * left with no plan), ordered steps given to recovery roles, backups (one set meeting 3-2-1, one set
 * breaking it) and restore tests (one data asset never restore-tested). Written through the domain's
 * own mutations as the demo manager, so the activity log tells the story too. Idempotent: a school that
 * already has a contingency plan is left as it is.
 */
import type { Actor } from '../lib/actor'
import { createBackup, recordRestoreTest } from '../lib/backups/mutations'
import { loadStarterCatalogue } from '../lib/catalogue/load-starter'
import { addStep, createPlan } from '../lib/contingency/mutations'
import type { Db } from '../lib/db'
import type { BuiltInRecoveryRole } from '../lib/generated/prisma/enums'

const ROLES: { name: string; builtIn?: BuiltInRecoveryRole; responsibilities: string }[] = [
  {
    name: 'Service continuity manager',
    builtIn: 'CONTINUITY_MANAGER',
    responsibilities: 'Owns the plan; decides when to invoke it and leads the recovery.',
  },
  {
    name: 'Deputy service continuity manager',
    builtIn: 'DEPUTY_CONTINUITY_MANAGER',
    responsibilities: 'Stands in for the manager during absence.',
  },
  { name: 'ICT technician', responsibilities: 'Restores hardware, software and data.' },
  { name: 'Office lead', responsibilities: 'Runs the manual workarounds and tells parents and staff.' },
]

/** A recovery role by its built-in kind or its name, made if the school has none yet. */
async function role(db: Db, schoolId: string, r: (typeof ROLES)[number]): Promise<string> {
  const found = await db.recoveryRole.findFirst({
    where: r.builtIn
      ? { schoolId, builtIn: r.builtIn }
      : { schoolId, archivedAt: null, name: { equals: r.name, mode: 'insensitive' } },
    select: { id: true },
  })
  if (found) return found.id
  const made = await db.recoveryRole.create({
    data: { schoolId, name: r.name, builtIn: r.builtIn ?? null, responsibilities: r.responsibilities },
    select: { id: true },
  })
  return made.id
}

const daysAgo = (n: number) => {
  const d = new Date(Date.now() - n * 86_400_000)
  return new Date(`${d.toISOString().slice(0, 10)}T12:00:00Z`)
}

/** Seeds the school's plans, steps and backups; returns how many rows it made (0 when already there). */
export async function seedPlans(db: Db, actor: Actor): Promise<number> {
  const { schoolId } = actor
  if (await db.contingencyPlan.findFirst({ where: { schoolId }, select: { id: true } })) return 0
  let created = 0
  // Plans are for services: the demo school starts from the starter catalogue (adds nothing twice).
  await loadStarterCatalogue(db, actor)
  const services = new Map(
    (
      await db.service.findMany({ where: { schoolId, archivedAt: null }, select: { id: true, name: true } })
    ).map((s) => [s.name, s.id]),
  )
  const assets = new Map(
    (
      await db.asset.findMany({ where: { schoolId, archivedAt: null }, select: { id: true, name: true } })
    ).map((a) => [a.name, a.id]),
  )
  const [manager, deputy, technician, office] = await Promise.all(ROLES.map((r) => role(db, schoolId, r)))
  const mis = services.get('Management information system (MIS)')
  const storage = services.get('Data storage')
  const email = services.get('E-mail')
  const internet = services.get('Internet')
  if (!mis || !storage || !email || !internet) return created

  const steps = async (
    owner: { planId: string } | { assetId: string },
    list: [string, number, string | undefined][],
  ) => {
    let previous: string | null = null
    for (const [instruction, minutes, roleId] of list) {
      const { id } = await addStep(db, actor, {
        planId: 'planId' in owner ? owner.planId : null,
        assetId: 'assetId' in owner ? owner.assetId : null,
        instruction,
        estimatedMinutes: minutes,
        recoveryRoleId: roleId ?? null,
        afterStepId: previous,
      })
      previous = id
      created++
    }
  }
  const plan = async (serviceId: string, data: Parameters<typeof createPlan>[2]['data']) => {
    const { id } = await createPlan(db, actor, { serviceId, data })
    created++
    return id
  }
  const blank = {
    description: '',
    oneOffCostPence: null,
    yearlyCostPence: null,
    manualWorkaround: '',
    invocationCriteria: '',
    standbySupplier: '',
    standbyContract: '',
    standbyContact: '',
    standbyHowToInvoke: '',
    standbyInvokeCostPence: null,
  }

  const misPlan = await plan(mis, {
    ...blank,
    name: 'Supplier outage or ransomware',
    strategy: 'INTERMEDIATE',
    description:
      'The MIS is hosted by the supplier. If it is down or encrypted, the supplier restores last night’s copy onto its standby service; the office works on paper until then.',
    oneOffCostPence: 0,
    yearlyCostPence: 85000,
    manualWorkaround:
      'Paper registers from the grab bag, taken by each teacher at 08:50 and 13:15; the office keeps the printed emergency contact list (refreshed every Friday).',
    invocationCriteria:
      'The MIS is unavailable for more than 2 hours during the school day, or the supplier reports a security incident. The service continuity manager (or the deputy) decides.',
    standbySupplier: 'Capita SIMS hosting',
    standbyContract: 'Hosted MIS, schedule B (standby restore)',
    standbyContact: 'Service desk 0800 000 0000 (24 hours); account manager Jo Patel 07700 900123',
    standbyHowToInvoke: 'Phone the service desk, quote the school URN and ask for a standby restore.',
    standbyInvokeCostPence: 25000,
  })
  await steps({ planId: misPlan }, [
    ['Confirm the outage with the supplier service desk and note the incident number.', 15, manager],
    ['Tell staff to take paper registers and hand out the printed contact lists.', 10, office],
    ['Invoke the standby restore with the supplier, quoting the contract.', 20, manager],
    ['Check the restored MIS: log in, open today’s registers, spot-check ten pupil records.', 45, technician],
    ['Enter the paper registers into the MIS and file the sheets.', 60, office],
  ])

  await plan(mis, {
    ...blank,
    name: 'Loss of the school building',
    strategy: 'RECIPROCAL',
    description: 'Staff work from Riverside Academy’s ICT suite, reaching the hosted MIS over the internet.',
    yearlyCostPence: 0,
    manualWorkaround: 'Phone cascade to staff and parents from the printed contact list.',
    invocationCriteria: 'The building cannot be used (fire, flood, power) for more than one day.',
  })

  const storagePlan = await plan(storage, {
    ...blank,
    name: 'File server failure',
    strategy: 'GRADUAL',
    description:
      'Replace or repair the file server, then restore the shared drives from the latest good backup.',
    oneOffCostPence: 320000,
    yearlyCostPence: 12000,
    manualWorkaround:
      'Staff use their cloud drives for new work; urgent files are restored first on request.',
    invocationCriteria: 'The file server cannot be repaired within 4 hours.',
  })
  await steps({ planId: storagePlan }, [
    ['Order a replacement server or disks from the supplier.', 30, technician],
    ['Install the operating system and rejoin the domain.', 120, technician],
    [
      'Restore the shared drives from the NAS copy (the restore procedure of the file server).',
      240,
      technician,
    ],
    ['Tell staff the drives are back and where to report missing files.', 10, deputy],
  ])

  await plan(internet, {
    ...blank,
    name: 'Broadband line down',
    strategy: 'MANUAL_WORKAROUND',
    description:
      'A 4G router in the office keeps the office and the MIS connected while the line is repaired.',
    oneOffCostPence: 15000,
    yearlyCostPence: 18000,
    manualWorkaround: 'Only the office and the head’s laptop use the 4G router; classes work offline.',
    invocationCriteria: 'The line is down for more than 30 minutes.',
  })
  // E-mail, and the rest of the catalogue, are left with no plan: the plans list says so plainly.

  // Backups: the MIS meets 3-2-1 with an offline copy and a recent restore test; data storage breaks
  // it (two copies, both in the building, none offline); e-mail has a copy never restore-tested.
  const backup = async (
    subject: { assetId?: string; serviceId?: string },
    data: Parameters<typeof createBackup>[2]['data'],
  ) => {
    const { id } = await createBackup(db, actor, {
      assetId: subject.assetId ?? null,
      serviceId: subject.serviceId ?? null,
      data,
    })
    created++
    return id
  }
  const misCloud = await backup(
    { serviceId: mis },
    {
      name: 'Supplier’s nightly MIS backup',
      location: 'CLOUD',
      offline: false,
      medium: 'CLOUD_STORAGE',
      frequencyMinutes: 1440,
      retention: '30 nightly copies',
      notes: 'Held in the supplier’s second data centre.',
    },
  )
  await backup(
    { serviceId: mis },
    {
      name: 'Weekly MIS export to the office NAS',
      location: 'ON_SITE',
      offline: false,
      medium: 'DISK',
      frequencyMinutes: 10080,
      retention: '8 weekly copies',
      notes: '',
    },
  )
  await backup(
    { serviceId: mis },
    {
      name: 'Monthly MIS export on a rotated USB disk',
      location: 'OFF_SITE',
      offline: true,
      medium: 'REMOVABLE_DISK',
      frequencyMinutes: 43200,
      retention: '12 monthly copies',
      notes: 'Kept by the business manager at home; two disks in rotation.',
    },
  )
  await recordRestoreTest(db, actor, {
    backupId: misCloud,
    testedOn: daysAgo(40),
    whatRestored: 'The whole MIS database, to the supplier’s test instance',
    minutesTaken: 95,
    result: 'SUCCESS',
    notes: 'Registers and contacts checked by the office manager.',
  })
  created++

  const fileServer = assets.get('File server')
  const nas = await backup(fileServer ? { assetId: fileServer } : { serviceId: storage }, {
    name: 'Shared drives, nightly to the NAS',
    location: 'ON_SITE',
    offline: false,
    medium: 'DISK',
    frequencyMinutes: 1440,
    retention: '14 nightly copies',
    notes: '',
  })
  await backup(fileServer ? { assetId: fileServer } : { serviceId: storage }, {
    name: 'Shadow copies on the file server',
    location: 'ON_SITE',
    offline: false,
    medium: 'SAME_DEVICE',
    frequencyMinutes: 240,
    retention: '7 days',
    notes: 'Quick undo for deleted files; lost with the server.',
  })
  await recordRestoreTest(db, actor, {
    backupId: nas,
    testedOn: daysAgo(260),
    whatRestored: 'The Year 6 shared folder',
    minutesTaken: 25,
    result: 'SUCCESS',
    notes: '',
  })
  created++
  if (fileServer) {
    await steps({ assetId: fileServer }, [
      ['Check the NAS holds last night’s copy and note its date.', 10, technician],
      ['Restore the shared drives from the NAS to the new server.', 180, technician],
      ['Reapply folder permissions from the permissions export.', 30, technician],
    ])
  }

  await backup(
    { serviceId: email },
    {
      name: 'Cloud e-mail backup service',
      location: 'CLOUD',
      offline: false,
      medium: 'CLOUD_STORAGE',
      frequencyMinutes: 1440,
      retention: '1 year',
      notes: 'Third-party backup of every mailbox.',
    },
  )
  return created
}
