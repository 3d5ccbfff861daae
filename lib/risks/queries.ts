import 'server-only'
import { dayIn } from '@/lib/catalogue/standby'
import { db } from '@/lib/db'
import { loadGraph } from '@/lib/dependencies/queries'
import type { CountermeasureListParams, RiskListParams } from './list-params'
import { type Proposal, proposeRisks } from './proposals'
import {
  type Basis,
  cellOf,
  currentScore,
  heatGrid,
  isAboveAppetite,
  isReviewOverdue,
  ratingOf,
  residualScore,
  riskScore,
} from './scoring'

export const RISKS_PAGE_SIZE = 25
const dayOf = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null)

/** The school's appetite and the version a change to it names. */
export async function getRiskSettings(schoolId: string) {
  return db.school.findFirstOrThrow({
    where: { id: schoolId },
    select: { riskAppetite: true, version: true },
  })
}

/** Every risk of the school with what the register, heat map and dashboard show, in one query. */
async function allRisks(schoolId: string) {
  return db.risk.findMany({
    where: { schoolId },
    select: {
      id: true,
      title: true,
      owner: true,
      status: true,
      likelihood: true,
      impact: true,
      residualLikelihood: true,
      residualImpact: true,
      nextReviewOn: true,
      updatedAt: true,
      categoryId: true,
      category: { select: { name: true } },
      services: { select: { id: true, name: true, criticality: true } },
      countermeasures: { where: { archivedAt: null }, select: { id: true, status: true } },
    },
  })
}
type RiskRow = Awaited<ReturnType<typeof allRisks>>[number]

function decorate(r: RiskRow, appetite: number, today: string) {
  const score = riskScore(r.likelihood, r.impact)
  const residual = residualScore(r)
  const current = currentScore(r)
  return {
    ...r,
    score,
    residual,
    current,
    rating: ratingOf(current),
    aboveAppetite: isAboveAppetite(r, appetite),
    reviewOverdue: r.status === 'OPEN' && isReviewOverdue(dayOf(r.nextReviewOn), today),
  }
}
export type RegisterRow = ReturnType<typeof decorate>

const SORTS: Record<RiskListParams['sort'], (a: RegisterRow, b: RegisterRow) => number> = {
  score: (a, b) => b.current - a.current || b.score - a.score || a.title.localeCompare(b.title),
  inherent: (a, b) => b.score - a.score || a.title.localeCompare(b.title),
  title: (a, b) => a.title.localeCompare(b.title),
  review: (a, b) =>
    (dayOf(a.nextReviewOn) ?? '9999').localeCompare(dayOf(b.nextReviewOn) ?? '9999') ||
    a.title.localeCompare(b.title),
  updated: (a, b) => b.updatedAt.getTime() - a.updatedAt.getTime(),
}

/**
 * The register page: one page of risks, filtered and sorted, with the options its filters offer, in
 * four queries whatever the number of risks. A school's register runs to dozens of risks, not
 * thousands, so the score-based filters (rating, above appetite, a heat map cell) are applied in memory
 * with the same rules the heat map and dashboard use.
 */
export async function getRegister(schoolId: string, p: RiskListParams, timeZone: string) {
  const today = dayIn(new Date(), timeZone)
  const [settings, risks, categories, services] = await Promise.all([
    getRiskSettings(schoolId),
    allRisks(schoolId),
    db.riskCategory.findMany({
      where: { schoolId },
      select: { id: true, name: true },
      orderBy: { name: 'asc' },
    }),
    db.service.findMany({
      where: { schoolId, archivedAt: null },
      select: { id: true, name: true },
      orderBy: { name: 'asc' },
    }),
  ])
  const q = p.q?.toLowerCase()
  const rows = risks
    .map((r) => decorate(r, settings.riskAppetite, today))
    .filter(
      (r) =>
        (p.status === 'all' || r.status === (p.status === 'open' ? 'OPEN' : 'CLOSED')) &&
        (!q || r.title.toLowerCase().includes(q) || r.owner.toLowerCase().includes(q)) &&
        (!p.category || r.categoryId === p.category) &&
        (!p.rating || r.rating === p.rating) &&
        (!p.above || r.aboveAppetite) &&
        (!p.overdue || r.reviewOverdue) &&
        (!p.service || r.services.some((s) => s.id === p.service)) &&
        (!p.l || cellOf(r, p.basis)[0] === p.l) &&
        (!p.i || cellOf(r, p.basis)[1] === p.i),
    )
    .sort(SORTS[p.sort])
  const pages = Math.max(1, Math.ceil(rows.length / RISKS_PAGE_SIZE))
  const page = Math.min(pages, p.page)
  return {
    appetite: settings.riskAppetite,
    total: rows.length,
    rows: rows.slice((page - 1) * RISKS_PAGE_SIZE, page * RISKS_PAGE_SIZE),
    page,
    pages,
    categories,
    services,
  }
}

/** Both heat maps (open risks only) and the appetite, in two queries. */
export async function getHeatMap(schoolId: string) {
  const [settings, risks] = await Promise.all([
    getRiskSettings(schoolId),
    db.risk.findMany({
      where: { schoolId, status: 'OPEN' },
      select: { likelihood: true, impact: true, residualLikelihood: true, residualImpact: true },
    }),
  ])
  const grid = (basis: Basis) => heatGrid(risks, basis)
  return {
    appetite: settings.riskAppetite,
    total: risks.length,
    inherent: grid('inherent'),
    residual: grid('residual'),
    reassessed: risks.filter((r) => residualScore(r) !== null).length,
  }
}

/** What the risk form offers: live categories, threats, services and assets (plus any the risk already has). */
export async function getRiskFormOptions(schoolId: string) {
  const [categories, threats, services, assets] = await Promise.all([
    db.riskCategory.findMany({
      where: { schoolId },
      select: { id: true, name: true, retiredAt: true },
      orderBy: { name: 'asc' },
    }),
    db.threat.findMany({
      where: { schoolId },
      select: { id: true, name: true, retiredAt: true },
      orderBy: { name: 'asc' },
    }),
    db.service.findMany({
      where: { schoolId, archivedAt: null },
      select: { id: true, name: true },
      orderBy: { name: 'asc' },
    }),
    db.asset.findMany({
      where: { schoolId, archivedAt: null },
      select: { id: true, name: true },
      orderBy: { name: 'asc' },
    }),
  ])
  return { categories, threats, services, assets }
}
export type RiskFormOptions = Awaited<ReturnType<typeof getRiskFormOptions>>

/** Everything a risk's page shows, in a fixed number of queries. Null when the school has no such risk. */
export async function getRiskView(schoolId: string, id: string, timeZone: string, opts: { edit: boolean }) {
  const [risk, settings, options] = await Promise.all([
    db.risk.findFirst({
      where: { id, schoolId },
      select: {
        id: true,
        title: true,
        description: true,
        categoryId: true,
        category: { select: { name: true } },
        threats: { select: { id: true, name: true }, orderBy: { name: 'asc' } },
        services: { select: { id: true, name: true, criticality: true }, orderBy: { criticality: 'asc' } },
        assets: { select: { id: true, name: true }, orderBy: { name: 'asc' } },
        likelihood: true,
        impact: true,
        residualLikelihood: true,
        residualImpact: true,
        owner: true,
        status: true,
        nextReviewOn: true,
        proposalKey: true,
        sourceAsset: { select: { id: true, name: true } },
        countermeasures: {
          where: { archivedAt: null },
          select: {
            id: true,
            title: true,
            kind: true,
            status: true,
            dueOn: true,
            lastVerifiedOn: true,
            version: true,
          },
          orderBy: { title: 'asc' },
        },
        closedAt: true,
        version: true,
      },
    }),
    getRiskSettings(schoolId),
    opts.edit ? getRiskFormOptions(schoolId) : null,
  ])
  if (!risk) return null
  const today = dayIn(new Date(), timeZone)
  return {
    risk,
    appetite: settings.riskAppetite,
    score: riskScore(risk.likelihood, risk.impact),
    residual: residualScore(risk),
    current: currentScore(risk),
    aboveAppetite: isAboveAppetite(risk, settings.riskAppetite),
    reviewOverdue: risk.status === 'OPEN' && isReviewOverdue(dayOf(risk.nextReviewOn), today),
    options,
  }
}
export type RiskView = NonNullable<Awaited<ReturnType<typeof getRiskView>>>

/**
 * The current proposals from the catalogue's weak points, in a fixed number of queries: the dependency
 * graph, the assets' versions, the keys already accepted, the dismissals and the backup copies per asset.
 */
export async function listProposals(
  schoolId: string,
): Promise<{ proposals: Proposal[]; serviceNames: Map<string, string> }> {
  const [g, versions, accepted, dismissed, backups] = await Promise.all([
    loadGraph(schoolId),
    db.asset.findMany({
      where: { schoolId, archivedAt: null },
      select: { id: true, version: true, type: true },
    }),
    db.risk.findMany({ where: { schoolId, proposalKey: { not: null } }, select: { proposalKey: true } }),
    db.riskProposalDismissal.findMany({
      where: { schoolId },
      select: { proposalKey: true, assetVersion: true },
    }),
    db.backup.groupBy({
      by: ['assetId'],
      where: { schoolId, archivedAt: null, assetId: { not: null } },
      _count: { _all: true },
    }),
  ])
  const v = new Map(versions.map((a) => [a.id, a.version]))
  const copies = new Map(backups.map((b) => [b.assetId, b._count._all]))
  const proposals = proposeRisks({
    services: g.services,
    assets: g.assets.map((a) => ({
      id: a.id,
      name: a.name,
      type: a.type,
      hasStandby: a.hasStandby,
      backups: copies.get(a.id) ?? 0,
      version: v.get(a.id) ?? 1,
    })),
    needs: g.needs,
    edges: g.edges,
    accepted: accepted.map((r) => r.proposalKey ?? ''),
    dismissed: new Map(dismissed.map((d) => [d.proposalKey, d.assetVersion])),
  })
  return { proposals, serviceNames: new Map(g.services.map((s) => [s.id, s.name])) }
}

/** One current proposal by its key, or null when it is not (or no longer) proposed. */
export async function findProposal(schoolId: string, key: string) {
  return (await listProposals(schoolId)).proposals.find((p) => p.key === key) ?? null
}

/** The dismissed proposals still standing (their asset unchanged since), with the reasons. */
export async function listDismissed(schoolId: string) {
  return db.riskProposalDismissal.findMany({
    where: { schoolId },
    select: {
      id: true,
      proposalKey: true,
      reason: true,
      dismissedAt: true,
      assetVersion: true,
      assetId: true,
    },
    orderBy: { dismissedAt: 'desc' },
  })
}

/** The categories and threats, live and retired, for the settings page. */
export async function listCategoriesAndThreats(schoolId: string) {
  const select = {
    id: true,
    name: true,
    description: true,
    retiredAt: true,
    version: true,
    defaultKey: true,
  } as const
  const [categories, threats] = await Promise.all([
    db.riskCategory.findMany({ where: { schoolId }, select, orderBy: { name: 'asc' } }),
    db.threat.findMany({ where: { schoolId }, select, orderBy: { name: 'asc' } }),
  ])
  return { categories, threats }
}

// ---- Countermeasures ----

export const COUNTERMEASURES_PAGE_SIZE = 25

function cmFlags(c: { status: string; dueOn: Date | null; lastVerifiedOn: Date | null }, today: string) {
  return {
    /** Not yet in place and past its due day. */
    overdue: c.status === 'PLANNED' && isReviewOverdue(dayOf(c.dueOn), today),
    /** In place (or planned) but nobody has recorded checking that it works. */
    neverVerified: c.lastVerifiedOn === null,
  }
}

/** The countermeasures list, filtered in memory like the register, in one query. */
export async function listCountermeasures(schoolId: string, p: CountermeasureListParams, timeZone: string) {
  const today = dayIn(new Date(), timeZone)
  const all = await db.countermeasure.findMany({
    where: { schoolId, archivedAt: p.archived ? { not: null } : null },
    select: {
      id: true,
      title: true,
      kind: true,
      process: true,
      owner: true,
      status: true,
      dueOn: true,
      costPounds: true,
      lastVerifiedOn: true,
      _count: { select: { risks: true } },
    },
    orderBy: [{ dueOn: { sort: 'asc', nulls: 'last' } }, { title: 'asc' }],
  })
  const q = p.q?.toLowerCase()
  const rows = all
    .map((c) => ({ ...c, ...cmFlags(c, today) }))
    .filter(
      (c) =>
        (!q || c.title.toLowerCase().includes(q) || c.owner.toLowerCase().includes(q)) &&
        (!p.status || c.status === p.status) &&
        (p.check !== 'overdue' || c.overdue) &&
        (p.check !== 'unverified' || c.neverVerified),
    )
  const pages = Math.max(1, Math.ceil(rows.length / COUNTERMEASURES_PAGE_SIZE))
  const page = Math.min(pages, p.page)
  return {
    total: rows.length,
    rows: rows.slice((page - 1) * COUNTERMEASURES_PAGE_SIZE, page * COUNTERMEASURES_PAGE_SIZE),
    page,
    pages,
  }
}

/** The risks a countermeasure form offers to tick (open ones, and closed ones it already reduces). */
export async function listRiskChoices(schoolId: string) {
  return db.risk.findMany({
    where: { schoolId },
    select: { id: true, title: true, status: true },
    orderBy: { title: 'asc' },
  })
}

export async function getCountermeasureView(
  schoolId: string,
  id: string,
  timeZone: string,
  opts: { edit: boolean },
) {
  const [c, choices] = await Promise.all([
    db.countermeasure.findFirst({
      where: { id, schoolId },
      select: {
        id: true,
        title: true,
        description: true,
        kind: true,
        process: true,
        owner: true,
        status: true,
        dueOn: true,
        costPounds: true,
        lastVerifiedOn: true,
        verificationNote: true,
        archivedAt: true,
        version: true,
        risks: {
          select: {
            id: true,
            title: true,
            likelihood: true,
            impact: true,
            residualLikelihood: true,
            residualImpact: true,
          },
          orderBy: { title: 'asc' },
        },
      },
    }),
    opts.edit ? listRiskChoices(schoolId) : [],
  ])
  if (!c) return null
  return { countermeasure: c, ...cmFlags(c, dayIn(new Date(), timeZone)), choices }
}
export type CountermeasureView = NonNullable<Awaited<ReturnType<typeof getCountermeasureView>>>

// ---- Connections and the dashboard ----

/** The open risks that threaten a service or an asset (its page lists them), in one query. */
export async function listRisksThreatening(
  schoolId: string,
  target: { serviceId?: string; assetId?: string },
) {
  return db.risk.findMany({
    where: {
      schoolId,
      status: 'OPEN',
      ...(target.serviceId ? { services: { some: { id: target.serviceId } } } : {}),
      ...(target.assetId ? { assets: { some: { id: target.assetId } } } : {}),
    },
    select: {
      id: true,
      title: true,
      likelihood: true,
      impact: true,
      residualLikelihood: true,
      residualImpact: true,
    },
    orderBy: { title: 'asc' },
  })
}

/**
 * The dashboard's risk panel: risks above appetite, countermeasures overdue, risks due for review, and
 * vital or high services with a high (or very high) risk and no countermeasure in place. Three queries.
 */
export async function getRiskSummary(schoolId: string, timeZone: string) {
  const today = dayIn(new Date(), timeZone)
  const [settings, risks, overdue] = await Promise.all([
    getRiskSettings(schoolId),
    allRisks(schoolId),
    db.countermeasure.count({
      where: { schoolId, archivedAt: null, status: 'PLANNED', dueOn: { lt: new Date(`${today}T00:00:00Z`) } },
    }),
  ])
  const open = risks.filter((r) => r.status === 'OPEN').map((r) => decorate(r, settings.riskAppetite, today))
  const exposed = new Map<string, string>()
  for (const r of open) {
    if (r.rating !== 'HIGH' && r.rating !== 'VERY_HIGH') continue
    if (r.countermeasures.some((c) => c.status !== 'PLANNED')) continue
    for (const s of r.services) if (s.criticality <= 2) exposed.set(s.id, s.name)
  }
  return {
    appetite: settings.riskAppetite,
    open: open.length,
    aboveAppetite: open.filter((r) => r.aboveAppetite).length,
    reviewDue: open.filter((r) => r.reviewOverdue).length,
    overdueCountermeasures: overdue,
    exposedServices: [...exposed]
      .map(([id, name]) => ({ id, name }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  }
}
