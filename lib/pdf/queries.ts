import 'server-only'
import { listChanges } from '@/lib/audit/queries'
import { db } from '@/lib/db'
import type { PlanSnapshot } from '@/lib/plan/snapshot'
import { coversUntil, getReview } from '@/lib/reviews/queries'
import { REVIEWED_ENTITIES } from '@/lib/reviews/schema'
import type { PdfStamp } from './stamp'

/**
 * What the PDF routes read. Every query names the school; another school's version, review or member
 * finds nothing, so the routes answer "not found" and reveal nothing.
 */

/** A published version as the PDF prints it (its snapshot and the stamp's facts), or null. */
export async function getPlanVersionForPdf(
  schoolId: string,
  number: number,
  origin: string,
  /** Team members and viewers read approved versions only, as on the version pages. */
  opts: { approvedOnly: boolean } = { approvedOnly: false },
): Promise<{ snapshot: PlanSnapshot; stamp: PdfStamp } | null> {
  const v = await db.planVersion.findFirst({
    where: { schoolId, number, ...(opts.approvedOnly ? { status: 'APPROVED' as const } : {}) },
    select: {
      number: true,
      snapshot: true,
      fingerprint: true,
      status: true,
      publishedAt: true,
      publishedByName: true,
      decidedAt: true,
      decidedByName: true,
      school: { select: { name: true, timeZone: true } },
    },
  })
  if (!v) return null
  const snapshot = v.snapshot as unknown as PlanSnapshot
  return {
    snapshot,
    stamp: {
      // The school's name now: a renamed school's old versions still print under the name people know.
      schoolName: v.school.name,
      timeZone: v.school.timeZone,
      version: v.number,
      status: v.status,
      publishedAt: v.publishedAt,
      publishedByName: v.publishedByName,
      decidedAt: v.decidedAt,
      decidedByName: v.decidedByName,
      fingerprint: v.fingerprint,
      origin,
    },
  }
}

/** The signed-in person's own team member record in this school (through their membership), or null. */
export async function getOwnTeamMemberId(schoolId: string, userId: string): Promise<string | null> {
  const member = await db.teamMember.findFirst({
    where: { schoolId, membership: { userId, schoolId } },
    select: { id: true },
  })
  return member?.id ?? null
}

/** At most this many audit rows go into a review report; more than that is said in words. */
export const REPORT_CHANGES_LIMIT = 2000

/**
 * A signed-off review with everything its report prints: answers, actions, history, and every change it
 * covered with whether it was marked considered. Null when the review is not in the school or is not
 * signed off (the report exists only once the head teacher has signed it off).
 */
export async function getReviewReport(schoolId: string, id: string, timeZone: string) {
  const review = await getReview(schoolId, id)
  if (review?.status !== 'SIGNED_OFF') return null
  const [school, changes] = await Promise.all([
    db.school.findFirst({ where: { id: schoolId }, select: { name: true, timeZone: true } }),
    listChanges(schoolId, {
      timeZone,
      since: review.coversFrom ?? undefined,
      // The same window the review page showed: from the last signed-off review to this one's submission.
      until: coversUntil(review),
      entity: REVIEWED_ENTITIES,
      groupByRecord: true,
      pageSize: REPORT_CHANGES_LIMIT,
    }),
  ])
  const considered = new Set(review.considered.map((c) => `${c.entity}:${c.entityId}`))
  return {
    schoolName: school?.name ?? '',
    timeZone: school?.timeZone ?? timeZone,
    review,
    changes: (changes.records ?? []).map((g) => ({
      key: `${g.entity}:${g.entityId}`,
      name: g.name,
      entity: g.entity,
      considered: considered.has(`${g.entity}:${g.entityId}`),
      entries: g.entries.map((e) => ({ id: e.id, when: e.when, sentence: e.sentence })),
    })),
    changesTotal: changes.total,
    changesShown: changes.entries.length,
  }
}
export type ReviewReport = NonNullable<Awaited<ReturnType<typeof getReviewReport>>>
