/*
 * The demo school's risk register (issue 9): the starter catalogue (when the school has none yet, so the
 * register has services and assets to point at), the FITS categories and threats, risks accepted from
 * the catalogue's weak points and written by hand, countermeasures in every state, and a dismissed
 * proposal. Everything goes through the same mutations as the portal, so the activity log tells the
 * story too. Idempotent: a school that already has risks is left as it is.
 */
import { loadStarterCatalogue } from '../lib/catalogue/load-starter'
import { db } from '../lib/db'
import {
  acceptProposal,
  createCountermeasure,
  createRisk,
  dismissProposal,
  loadRiskDefaults,
} from '../lib/risks/mutations'
import { type ProposalAsset, proposeRisks } from '../lib/risks/proposals'

const DAY = 86_400_000
/** A date-only value `days` from today, stored at midday UTC as the forms store them. */
const day = (days: number) =>
  new Date(`${new Date(Date.now() + days * DAY).toISOString().slice(0, 10)}T12:00:00Z`)

/** The school's weak points, worked out as the proposals page does (without the server-only queries). */
async function proposalsFor(schoolId: string) {
  const [services, assets, needs, edges, backups] = await Promise.all([
    db.service.findMany({
      where: { schoolId, archivedAt: null },
      select: { id: true, name: true, criticality: true, rtoMinutes: true },
    }),
    db.asset.findMany({
      where: { schoolId, archivedAt: null },
      select: {
        id: true,
        name: true,
        type: true,
        version: true,
        standbyAssetId: true,
        standbyArrangement: true,
        starterKey: true,
      },
    }),
    db.serviceAsset.findMany({
      where: { schoolId },
      select: { serviceId: true, assetId: true, required: true },
    }),
    db.assetDependency.findMany({ where: { schoolId }, select: { assetId: true, dependsOnId: true } }),
    db.backup.findMany({ where: { schoolId, archivedAt: null }, select: { assetId: true } }),
  ])
  const nodes: ProposalAsset[] = assets.map((a) => ({
    ...a,
    hasStandby: Boolean(a.standbyAssetId || a.standbyArrangement.trim()),
    backups: backups.filter((b) => b.assetId === a.id).length,
  }))
  const keyOf = new Map(assets.map((a) => [a.id, a.starterKey]))
  const proposals = proposeRisks({
    services,
    assets: nodes,
    needs,
    edges,
    accepted: [],
    dismissed: new Map(),
  })
  return (starterKey: string) => proposals.find((p) => keyOf.get(p.assetId) === starterKey)
}

/** Seeds the register of one school as its manager; returns how many rows it created (0 when present). */
export async function seedRisks(schoolId: string, managerId: string): Promise<number> {
  if (await db.risk.count({ where: { schoolId } })) return 0
  const actor = { schoolId, userId: managerId }
  let created = 0
  if (!(await db.service.count({ where: { schoolId } }))) {
    const loaded = await loadStarterCatalogue(db, actor)
    created += Object.values(loaded).reduce<number>((n, v) => n + (typeof v === 'number' ? v : 0), 0)
  }
  created += (await loadRiskDefaults(db, actor)).added

  const proposal = await proposalsFor(schoolId)
  const accepted: Record<string, string> = {}
  for (const key of ['technician', 'isp', 'file-server']) {
    const p = proposal(key)
    if (p) {
      accepted[key] = (await acceptProposal(db, actor, p)).id
      created++
    }
  }
  const web = proposal('web-host')
  if (web) {
    await dismissProposal(
      db,
      actor,
      web,
      'The website can be down for a week: parents are told by text and e-mail, and the host restores it from its own copies.',
    )
    created++
  }

  const [categories, threats, services, assets] = await Promise.all([
    db.riskCategory.findMany({ where: { schoolId }, select: { id: true, defaultKey: true } }),
    db.threat.findMany({ where: { schoolId }, select: { id: true, defaultKey: true } }),
    db.service.findMany({ where: { schoolId }, select: { id: true, starterKey: true } }),
    db.asset.findMany({ where: { schoolId }, select: { id: true, starterKey: true } }),
  ])
  const cat = (k: string) => categories.find((c) => c.defaultKey === k)!.id
  const pick = (
    list: { id: string; defaultKey?: string | null; starterKey?: string | null }[],
    keys: string[],
  ) => list.filter((x) => keys.includes(x.defaultKey ?? x.starterKey ?? '')).map((x) => x.id)
  const risk = async (r: {
    title: string
    description: string
    category: string
    threats: string[]
    services: string[]
    assets: string[]
    likelihood: number
    impact: number
    residual?: [number, number]
    owner: string
    review: number
  }) => {
    created++
    return (
      await createRisk(db, actor, {
        title: r.title,
        description: r.description,
        categoryId: cat(r.category),
        threatIds: pick(threats, r.threats),
        serviceIds: pick(services, r.services),
        assetIds: pick(assets, r.assets),
        likelihood: r.likelihood,
        impact: r.impact,
        residualLikelihood: r.residual?.[0] ?? null,
        residualImpact: r.residual?.[1] ?? null,
        owner: r.owner,
        nextReviewOn: day(r.review),
      })
    ).id
  }

  const ransomware = await risk({
    title: 'Ransomware encrypts the file server and its on-site backups',
    description: 'A phishing e-mail or an unpatched laptop lets ransomware spread across the network.',
    category: 'data',
    threats: ['ransomware', 'phishing', 'virus'],
    services: ['data-storage', 'mis', 'printing'],
    assets: ['file-server', 'backups'],
    likelihood: 4,
    impact: 5,
    residual: [2, 4],
    owner: 'Priya Shah (service continuity manager)',
    review: 45,
  })
  const fire = await risk({
    title: 'Fire in the server room',
    description: 'The server room sits beside the boiler house and has no fire suppression.',
    category: 'internal',
    threats: ['fire', 'power-surge'],
    services: ['data-storage', 'internet', 'telephony', 'printing'],
    assets: ['server-room', 'file-server', 'core-switch'],
    likelihood: 2,
    impact: 5,
    residual: [2, 3],
    owner: 'Site manager',
    review: 120,
  })
  const power = await risk({
    title: 'Power cut takes down the network',
    description: 'Two cuts last winter; the network cabinet has no battery backup yet.',
    category: 'internal',
    threats: ['power-failure', 'power-surge'],
    services: ['internet', 'wifi', 'telephony'],
    assets: ['power', 'core-switch'],
    likelihood: 3,
    impact: 3,
    owner: 'ICT technician',
    review: 30,
  })
  const phishing = await risk({
    title: 'A stolen staff login exposes pupil records in the MIS',
    description: 'Staff are sent convincing fake sign-in pages; the MIS is reached from home.',
    category: 'data',
    threats: ['phishing', 'human-error'],
    services: ['mis', 'safeguarding'],
    assets: ['mis-hosted'],
    likelihood: 4,
    impact: 4,
    owner: 'Data protection officer',
    review: -10,
  })
  await risk({
    title: 'Laptops stolen from the staff room',
    description: 'Laptops are left charging overnight in an unlocked room.',
    category: 'internal',
    threats: ['theft'],
    services: ['word-processing'],
    assets: ['computers'],
    likelihood: 3,
    impact: 2,
    owner: 'Business manager',
    review: 200,
  })

  const measure = async (m: Parameters<typeof createCountermeasure>[2]) => {
    created++
    return createCountermeasure(db, actor, m)
  }
  const base = { description: '', dueOn: null, costPounds: null, lastVerifiedOn: null, verificationNote: '' }
  await measure({
    ...base,
    title: 'Tested offline backups',
    riskIds: [ransomware, fire],
    kind: 'RECOVER',
    process: 'AVAILABILITY',
    owner: 'ICT technician',
    status: 'VERIFIED',
    lastVerifiedOn: day(-21),
    verificationNote: "Restored the finance folder from last Friday's offline disk in 40 minutes.",
    costPounds: 300,
  })
  await measure({
    ...base,
    title: 'Antivirus and prompt patching',
    riskIds: [ransomware, phishing],
    kind: 'PREVENT',
    process: 'PROBLEM',
    owner: 'ICT technician',
    status: 'IN_PLACE',
  })
  await measure({
    ...base,
    title: 'Uninterruptible power supply (UPS) for the network cabinet',
    riskIds: [power, fire],
    kind: 'PREVENT',
    process: 'AVAILABILITY',
    owner: 'Site manager',
    status: 'PLANNED',
    dueOn: day(-14),
    costPounds: 1250,
  })
  await measure({
    ...base,
    title: 'Phishing awareness training for all staff',
    riskIds: [phishing, ransomware],
    kind: 'PREVENT',
    process: 'SERVICE_DESK',
    owner: 'Data protection officer',
    status: 'PLANNED',
    dueOn: day(40),
  })
  if (accepted.technician)
    await measure({
      ...base,
      title: 'Cross-training the office manager on the daily checks',
      riskIds: [accepted.technician],
      kind: 'RECOVER',
      process: 'SERVICE_DESK',
      owner: 'Business manager',
      status: 'PLANNED',
      dueOn: day(60),
    })
  if (accepted.isp)
    await measure({
      ...base,
      title: 'Second internet line from another provider',
      riskIds: [accepted.isp],
      kind: 'PREVENT',
      process: 'CAPACITY',
      owner: 'Business manager',
      status: 'PLANNED',
      dueOn: day(90),
      costPounds: 900,
    })
  return created
}
