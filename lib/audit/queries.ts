import 'server-only'
import { db } from '@/lib/db'
import type { Prisma } from '@/lib/generated/prisma/client'
import { type DataViewContext, dataView } from '@/lib/records/data-view'
import { paged } from '@/lib/records/paged'
import {
  type AuditEntry,
  type AuditRow,
  type ChangeEntry,
  describeAuditRow,
  groupByRecord,
  idsToResolve,
  type NameMap,
  type RecordChanges,
} from './describe'
import type { AuditEntity, NamedEntity } from './vocabulary'

/**
 * Changes per page of the activity log. Each change reads as a sentence with its fields beneath, about
 * 2 KB of page; 25 fill a laptop screen two or three times over and keep the page quick to serve (issue 8:
 * at 50 the log served a third of the sign-in page's requests a second); the filters and paging reach the rest.
 */
export const ACTIVITY_PAGE_SIZE = 25
/** At most this many rows of bulk changes are read for one page (an import can hold thousands). */
export const BATCH_ROWS_PER_PAGE = 1000
/** Rows of one bulk change per page of its own page (/activity/batch/[id]). */
export const BATCH_PAGE_SIZE = 100

/** The fields describeAuditRow reads, for queries that fetch audit rows themselves (the dashboard). */
export const AUDIT_ROW_SELECT = {
  id: true,
  at: true,
  entity: true,
  entityId: true,
  action: true,
  before: true,
  after: true,
  batchId: true,
  actor: { select: { name: true } },
} as const satisfies Prisma.AuditEventSelect

export type ListChangesOptions = {
  /** The school's time zone, for "when". */
  timeZone: string
  /** From this moment (inclusive) ... */
  since?: Date
  /** ... until this one (exclusive). */
  until?: Date
  /** Only changes to these kinds of record. */
  entity?: AuditEntity | readonly AuditEntity[]
  /** Only changes to this record (with `entity`): its own history, bulk changes included. */
  entityId?: string
  /** From 1; a page past the end shows the last page. */
  page?: number
  pageSize?: number
  /**
   * `summary` (the default with no entity or record asked for): a bulk change is one entry holding its
   * rows. `rows`: each record's row on its own and no summaries (the default when filtering by kind or
   * record, so a record's history shows it was imported).
   */
  batches?: 'summary' | 'rows'
  /**
   * With `summary`, also read the rows of the bulk changes on the page (default true). The activity log
   * does not: each bulk change links to its own page (getBatch), so a 1,500-row import does not put
   * 1,500 rows into every view of the log.
   */
  withBatchRows?: boolean
  /** Also return the page's entries grouped per record. */
  groupByRecord?: boolean
}

export type ChangesPage = {
  entries: ChangeEntry[]
  records?: RecordChanges[]
  total: number
  page: number
  pages: number
}

/**
 * The school's change history, newest first, described in words: the activity log, the dashboard and
 * any domain that shows what changed (reviews: "what changed since the last review"). Runs a fixed
 * number of queries whatever the number of rows: count, page, the page's bulk rows, and one query per
 * kind of record whose names it needs.
 */
export async function listChanges(schoolId: string, opts: ListChangesOptions): Promise<ChangesPage> {
  const entities = opts.entity === undefined ? undefined : ([] as AuditEntity[]).concat(opts.entity)
  const batches = opts.batches ?? (entities || opts.entityId ? 'rows' : 'summary')
  const where: Prisma.AuditEventWhereInput = {
    schoolId,
    ...(opts.since || opts.until ? { at: { gte: opts.since, lt: opts.until } } : {}),
    ...(opts.entityId ? { entityId: opts.entityId } : {}),
    ...(batches === 'summary'
      ? { batchId: null, ...(entities ? { entity: { in: entities } } : {}) }
      : { entity: entities ? { in: entities } : { not: 'Catalogue' } }),
  }
  const { rows, total, page, pages } = await paged<AuditRow>({
    page: opts.page,
    pageSize: opts.pageSize ?? ACTIVITY_PAGE_SIZE,
    count: () => db.auditEvent.count({ where }),
    rows: (skip, take) =>
      db.auditEvent.findMany({
        where,
        orderBy: [{ at: 'desc' }, { id: 'desc' }],
        skip,
        take,
        select: AUDIT_ROW_SELECT,
      }),
  })
  const summaryIds =
    batches === 'summary' ? rows.filter((r) => r.entity === 'Catalogue').map((r) => r.id) : []
  const children: AuditRow[] =
    summaryIds.length && opts.withBatchRows !== false
      ? await db.auditEvent.findMany({
          where: { schoolId, batchId: { in: summaryIds } },
          orderBy: [{ at: 'asc' }, { id: 'asc' }],
          take: BATCH_ROWS_PER_PAGE,
          select: AUDIT_ROW_SELECT,
        })
      : []
  const names = await resolveNames(schoolId, [...rows, ...children])
  const ctx = { timeZone: opts.timeZone, names }
  const byBatch = new Map<string, AuditEntry[]>()
  for (const c of children) {
    const list = byBatch.get(c.batchId!) ?? []
    list.push(describeAuditRow(c, ctx))
    byBatch.set(c.batchId!, list)
  }
  const entries: ChangeEntry[] = rows.map((r) => {
    const e: ChangeEntry = describeAuditRow(r, ctx)
    if (r.entity === 'Catalogue' && batches === 'summary')
      e.batch = { rows: byBatch.get(r.id) ?? [], total: batchSize(r.after) }
    return e
  })
  return {
    entries,
    ...(opts.groupByRecord ? { records: groupByRecord(entries) } : {}),
    total,
    page,
    pages,
  }
}

/** How many records a bulk change touched, from its summary row (what it says, even if not all rows are read). */
function batchSize(after: unknown): number {
  const a = (after ?? {}) as Record<string, unknown>
  const n = (v: unknown) => (Array.isArray(v) ? v.length : typeof v === 'number' ? v : 0)
  return n(a.services) + n(a.assets) + n(a.links) + n(a.dependencies)
}

/** Names for the ids a page of rows holds: one query per kind of record, only for kinds that are needed. */
async function resolveNames(schoolId: string, rows: AuditRow[]): Promise<NameMap> {
  const ids = idsToResolve(rows)
  const want = (e: NamedEntity) => [...ids[e]]
  const lookups: Record<NamedEntity, (list: string[]) => Promise<{ id: string; name: string }[]>> = {
    Service: (list) =>
      db.service.findMany({ where: { schoolId, id: { in: list } }, select: { id: true, name: true } }),
    Asset: (list) =>
      db.asset.findMany({ where: { schoolId, id: { in: list } }, select: { id: true, name: true } }),
    Membership: async (list) =>
      (
        await db.membership.findMany({
          where: { schoolId, id: { in: list } },
          select: { id: true, user: { select: { name: true } } },
        })
      ).map((m) => ({ id: m.id, name: m.user.name })),
    Invitation: (list) =>
      db.invitation.findMany({ where: { schoolId, id: { in: list } }, select: { id: true, name: true } }),
  }
  const found = await Promise.all(
    (Object.keys(lookups) as NamedEntity[]).map(async (e) => {
      const list = want(e)
      const rows = list.length ? await lookups[e](list) : []
      return [e, new Map(rows.map((r) => [r.id, r.name]))] as const
    }),
  )
  return Object.fromEntries(found) as NameMap
}

/** The dashboard's latest changes, described; bulk changes as their one summary. */
export async function listRecentChanges(
  schoolId: string,
  timeZone: string,
  take = 5,
): Promise<ChangeEntry[]> {
  const rows: AuditRow[] = await db.auditEvent.findMany({
    where: { schoolId, batchId: null },
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    take,
    select: AUDIT_ROW_SELECT,
  })
  const names = await resolveNames(schoolId, rows)
  return rows.map((r) => describeAuditRow(r, { timeZone, names }))
}

/**
 * How many audit rows the school has, bulk rows included: School.auditRows, which a database trigger
 * raises with every insert (migration `audit_rows`). Rows are only ever added, so the number names the
 * set of rows exactly (whatever order the transactions that wrote them committed in): views of the audit
 * trail are kept per this number as well as the data version. The session query reads it for every
 * request (`SchoolContext.auditRows`); this is for a context without it.
 */
export async function countAuditRows(schoolId: string): Promise<number> {
  const school = await db.school.findUniqueOrThrow({ where: { id: schoolId }, select: { auditRows: true } })
  return school.auditRows
}

/**
 * A page of the activity log, kept per data version (names of records) and per number of audit rows the
 * school has: rows are only ever added, so their number names the set exactly, whatever order the
 * transactions that wrote them committed in. A repeat view runs no query (the session read the number)
 * instead of the page, its count and the names it needs (lib/records/data-view.ts).
 */
export async function getActivityPage(
  ctx: DataViewContext & { auditRows?: number },
  opts: Omit<ListChangesOptions, 'timeZone'>,
) {
  const rows = ctx.auditRows ?? (await countAuditRows(ctx.schoolId))
  return dataView(ctx, 'activity', `${rows}:${JSON.stringify(opts)}`, () =>
    listChanges(ctx.schoolId, { ...opts, timeZone: ctx.timeZone }),
  )
}

/**
 * One bulk change (an import or a starter catalogue load) with a page of its rows, oldest first, grouped
 * by kind of record on the page. Null when the school has no such bulk change. Fixed number of queries:
 * the summary, the count, the page of rows, and the names they need.
 */
export async function getBatch(
  schoolId: string,
  batchId: string,
  opts: { timeZone: string; page?: number; pageSize?: number },
): Promise<{ entry: ChangeEntry; rows: AuditEntry[]; total: number; page: number; pages: number } | null> {
  const summary: AuditRow | null = await db.auditEvent.findFirst({
    where: { id: batchId, schoolId, entity: 'Catalogue', batchId: null },
    select: AUDIT_ROW_SELECT,
  })
  if (!summary) return null
  const pageSize = opts.pageSize ?? BATCH_PAGE_SIZE
  const total = await db.auditEvent.count({ where: { schoolId, batchId } })
  const pages = Math.max(1, Math.ceil(total / pageSize))
  const page = Math.min(Math.max(1, Math.trunc(opts.page ?? 1) || 1), pages)
  const rows: AuditRow[] = await db.auditEvent.findMany({
    where: { schoolId, batchId },
    orderBy: [{ at: 'asc' }, { id: 'asc' }],
    skip: (page - 1) * pageSize,
    take: pageSize,
    select: AUDIT_ROW_SELECT,
  })
  const names = await resolveNames(schoolId, [summary, ...rows])
  const ctx = { timeZone: opts.timeZone, names }
  const described = rows.map((r) => describeAuditRow(r, ctx))
  const entry: ChangeEntry = {
    ...describeAuditRow(summary, ctx),
    batch: { rows: [], total: Math.max(total, batchSize(summary.after)) },
  }
  return { entry, rows: described, total, page, pages }
}
