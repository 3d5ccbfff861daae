import 'server-only'
import { db } from '@/lib/db'
import type { Prisma } from '@/lib/generated/prisma/client'

export const SERVICES_PAGE_SIZE = 25
export const SERVICE_SORTS = {
  priority: [{ criticality: 'asc' }, { rtoMinutes: 'asc' }, { name: 'asc' }],
  name: [{ name: 'asc' }],
  rto: [{ rtoMinutes: 'asc' }, { name: 'asc' }],
  updated: [{ updatedAt: 'desc' }],
} as const satisfies Record<string, Prisma.ServiceOrderByWithRelationInput[]>
export type ServiceSort = keyof typeof SERVICE_SORTS

export type ServiceFilter = {
  q?: string
  criticality?: number
  archived?: boolean
  sort?: ServiceSort
  page?: number
}

/** One page of services with the total, in two queries whatever the number of rows. */
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
  const page = Math.max(1, f.page ?? 1)
  const [total, rows] = await Promise.all([
    db.service.count({ where }),
    db.service.findMany({
      where,
      orderBy: [...SERVICE_SORTS[f.sort ?? 'priority']],
      skip: (page - 1) * SERVICES_PAGE_SIZE,
      take: SERVICES_PAGE_SIZE,
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
  ])
  return { total, rows, page, pages: Math.max(1, Math.ceil(total / SERVICES_PAGE_SIZE)) }
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

/** Every live asset's id and name, for pickers. */
export async function listAssetOptions(schoolId: string) {
  return db.asset.findMany({
    where: { schoolId, archivedAt: null },
    select: { id: true, name: true, type: true },
    orderBy: { name: 'asc' },
  })
}

/** A service's own links to live assets (used for an archived service, which the graph leaves out). */
export async function listServiceLinks(schoolId: string, serviceId: string) {
  return db.serviceAsset.findMany({
    where: { schoolId, serviceId, asset: { archivedAt: null } },
    select: { serviceId: true, assetId: true, required: true },
  })
}
