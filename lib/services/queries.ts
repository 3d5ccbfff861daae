import 'server-only'
import { can } from '@/lib/auth/permissions'
import type { SchoolContext } from '@/lib/auth/school-context'
import { serviceDependencies } from '@/lib/catalogue/graph'
import { listServicePlans } from '@/lib/contingency/queries'
import { db } from '@/lib/db'
import { loadGraphWithSpofs } from '@/lib/dependencies/queries'
import type { Prisma } from '@/lib/generated/prisma/client'
import { dataView } from '@/lib/records/data-view'
import { paged } from '@/lib/records/paged'
import { listRisksThreatening } from '@/lib/risks/queries'
import type { ServiceSort } from './list-params'
import type { Impact } from './schema'

export type { ServiceSort } from './list-params'

export const SERVICES_PAGE_SIZE = 25
export const SERVICE_SORTS = {
  priority: [{ criticality: 'asc' }, { rtoMinutes: 'asc' }, { name: 'asc' }],
  name: [{ name: 'asc' }],
  rto: [{ rtoMinutes: 'asc' }, { name: 'asc' }],
  updated: [{ updatedAt: 'desc' }],
} as const satisfies Record<ServiceSort, Prisma.ServiceOrderByWithRelationInput[]>

export type ServiceFilter = {
  q?: string
  criticality?: number
  archived?: boolean
  sort?: ServiceSort
  page?: number
}

/**
 * One page of services with the total (lib/records/paged.ts: one query when the list fits on its first
 * page, at most three whatever the number of rows). A page past the end shows the last page.
 */
export async function listServices(schoolId: string, f: ServiceFilter) {
  const where: Prisma.ServiceWhereInput = {
    schoolId,
    archivedAt: f.archived ? { not: null } : null,
    ...(f.criticality ? { criticality: f.criticality } : {}),
    ...(f.q
      ? {
          OR: [
            { name: { contains: f.q, mode: 'insensitive' } },
            { description: { contains: f.q, mode: 'insensitive' } },
            { owner: { contains: f.q, mode: 'insensitive' } },
          ],
        }
      : {}),
  }
  return paged({
    page: f.page,
    pageSize: SERVICES_PAGE_SIZE,
    count: () => db.service.count({ where }),
    rows: (skip, take) =>
      db.service.findMany({
        where,
        orderBy: [...SERVICE_SORTS[f.sort ?? 'priority']],
        skip,
        take,
        select: {
          id: true,
          name: true,
          owner: true,
          criticality: true,
          rtoMinutes: true,
          rpoMinutes: true,
          maxOutageMinutes: true,
          _count: { select: { needs: true } },
        },
      }),
  })
}

export async function getService(schoolId: string, id: string) {
  return db.service.findFirst({
    where: { id, schoolId },
    select: {
      id: true,
      name: true,
      description: true,
      owner: true,
      usersAffected: true,
      criticality: true,
      rtoMinutes: true,
      rpoMinutes: true,
      maxOutageMinutes: true,
      minServiceLevel: true,
      impacts: true,
      archivedAt: true,
      version: true,
      updatedAt: true,
    },
  })
}

/** A service's own links to live assets (used for an archived service, which the graph leaves out). */
export async function listServiceLinks(schoolId: string, serviceId: string) {
  return db.serviceAsset.findMany({
    where: { schoolId, serviceId, asset: { archivedAt: null } },
    select: { serviceId: true, assetId: true, required: true, version: true },
  })
}

/**
 * Everything the service page shows, in the same number of queries whatever the size of the school
 * (tests/integration/query-count.test.ts): the service, the dependency graph, its own links when it is
 * archived (the graph holds live services only), and the asset picker when the person can add links. What it depends on, directly or through
 * other assets, and which of those are single points of failure, come from lib/catalogue/graph.ts.
 * Null when the school has no such service.
 */
export async function getServiceView(schoolId: string, id: string, opts: { edit: boolean }) {
  const service = await getService(schoolId, id)
  if (!service) return null
  const archived = Boolean(service.archivedAt)
  const [{ graph: g, spofs }, ownLinks] = await Promise.all([
    loadGraphWithSpofs(schoolId),
    archived ? listServiceLinks(schoolId, service.id) : [],
  ])
  // The graph already holds every live asset by name: the picker's options, without a query of their own.
  const options = opts.edit && !archived ? g.assets.map(({ id, name, type }) => ({ id, name, type })) : []
  const names = new Map(g.assets.map((a) => [a.id, a.name]))
  const name = (assetId: string) => names.get(assetId) ?? 'Unknown asset'
  const spofIds = new Set(spofs.filter((p) => p.serviceIds.includes(service.id)).map((p) => p.assetId))
  const linkVersions = new Map(
    [...g.needs, ...ownLinks].filter((n) => n.serviceId === service.id).map((n) => [n.assetId, n.version]),
  )
  const deps = serviceDependencies(service.id, [...g.needs, ...ownLinks], g.edges).map((d) => ({
    id: d.assetId,
    name: name(d.assetId),
    direct: d.direct,
    required: d.required,
    via: d.via.map(name),
    spof: spofIds.has(d.assetId),
    /** For a direct link: its version, to change required/optional. */
    linkVersion: linkVersions.get(d.assetId),
  }))
  const linked = new Set(deps.filter((d) => d.direct).map((d) => d.id))
  return {
    service,
    archived,
    impacts: (Array.isArray(service.impacts) ? service.impacts : []) as Impact[],
    deps,
    /** The assets it needs that have no standby, when it is critical enough for that to matter. */
    spofs: deps.filter((d) => d.spof).map((d) => ({ id: d.id, name: d.name })),
    /** Live assets it is not yet linked to (empty unless the person can add links). */
    linkOptions: options.filter((o) => !linked.has(o.id)),
  }
}
export type ServiceView = NonNullable<Awaited<ReturnType<typeof getServiceView>>>

/** The services list for the page, kept per data version (lib/records/data-view.ts): a repeat view runs no query. */
export async function getServiceListPage(ctx: SchoolContext, p: ServiceFilter) {
  return dataView(ctx, 'service-list', JSON.stringify(p), () => listServices(ctx.schoolId, p))
}

/**
 * The service page for this person: the service's view, the risks that threaten it and its contingency
 * plans, each only when their role may read it. Kept per data version (lib/records/data-view.ts), so a
 * repeat view runs no query of its own. Null when the school has no such service.
 */
export async function getServicePage(ctx: SchoolContext, id: string) {
  const edit = can(ctx.role, 'catalogue.edit')
  const readRisks = can(ctx.role, 'risks.read')
  const readPlans = can(ctx.role, 'contingency.read')
  return dataView(ctx, 'service-page', `${id}:${edit}:${readRisks}:${readPlans}`, async () => {
    const [view, risks] = await Promise.all([
      getServiceView(ctx.schoolId, id, { edit }),
      readRisks ? listRisksThreatening(ctx.schoolId, { serviceId: id }) : null,
    ])
    if (!view) return null
    const plans = readPlans ? await listServicePlans(ctx.schoolId, id) : null
    return { view, risks, plans }
  })
}
