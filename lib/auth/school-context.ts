import type { Db } from '@/lib/db'
import type { Role } from '@/lib/generated/prisma/enums'

export type SchoolContext = {
  userId: string
  userName: string
  schoolId: string
  schoolName: string
  timeZone: string
  role: Role
  /** Every school this user belongs to, for the school switcher. */
  schools: { id: string; name: string; role: Role }[]
  /**
   * The server-side session this request was made in (see lib/auth/sessions.ts). Absent only in contexts
   * that tests build by hand.
   */
  sessionId?: string
  /**
   * School.dataVersion as this request found it (see lib/dashboard/queries.ts): read with the session, so
   * a page whose view is cached per data version needs no query of its own to know whether it is current.
   * Absent only in contexts that tests build by hand.
   */
  dataVersion?: number
  /**
   * School.auditRows as this request found it: the audit trail only grows, so this number names its rows,
   * and the activity log and the dashboard's latest changes are kept per it. Absent only in contexts that
   * tests build by hand.
   */
  auditRows?: number
  /** How many invitations to other schools are open for this person's e-mail (the dashboard shows them). */
  openInvitations?: number
}

/** A live session: its user, and the school they act in (null when they belong to no school). */
export type LiveSession = { userId: string; context: SchoolContext | null }

type Row = {
  userName: string
  lastSchoolId: string | null
  role: Role | null
  schoolId: string | null
  schoolName: string | null
  timeZone: string | null
  dataVersion: number | null
  auditRows: number | null
  openInvitations: number
}

/**
 * Checks the session and works out which school its user is acting in, in one query (it runs on every
 * page and action). Null when the session row is gone (signed out, removed from a school, password
 * changed) or its eight hours have passed, whatever the token itself claims.
 *
 * The school is the one the user last chose (User.lastSchoolId, remembered on the server) while they are
 * still a member of it, otherwise their first school by name; so being given a new membership never
 * changes where a person lands.
 */
export async function resolveSchoolContext(
  db: Db,
  session: { sessionId: string; userId: string },
  now = new Date(),
): Promise<LiveSession | null> {
  const rows = await db.$queryRaw<Row[]>`
    SELECT u."name" AS "userName", u."lastSchoolId", m."role"::text AS "role",
           s."id" AS "schoolId", s."name" AS "schoolName", s."timeZone", s."dataVersion", s."auditRows",
           (SELECT count(*)::int FROM "Invitation" i
             WHERE i."email" = u."email" AND i."acceptedAt" IS NULL AND i."declinedAt" IS NULL
               AND i."revokedAt" IS NULL AND i."expiresAt" > ${now}) AS "openInvitations"
    FROM "Session" se
    JOIN "User" u ON u."id" = se."userId"
    LEFT JOIN "Membership" m ON m."userId" = u."id"
    LEFT JOIN "School" s ON s."id" = m."schoolId"
    WHERE se."id" = ${session.sessionId} AND se."userId" = ${session.userId} AND se."expiresAt" > ${now}
    ORDER BY s."name" ASC, s."id" ASC`
  const first = rows[0]
  if (!first) return null
  const schools = rows.flatMap((r) =>
    r.schoolId && r.schoolName && r.role ? [{ id: r.schoolId, name: r.schoolName, role: r.role }] : [],
  )
  const current = rows.find((r) => r.schoolId && r.schoolId === first.lastSchoolId) ?? first
  if (!current.schoolId || !current.schoolName || !current.timeZone || !current.role)
    return { userId: session.userId, context: null }
  return {
    userId: session.userId,
    context: {
      userId: session.userId,
      userName: first.userName,
      schoolId: current.schoolId,
      schoolName: current.schoolName,
      timeZone: current.timeZone,
      role: current.role,
      dataVersion: current.dataVersion ?? undefined,
      auditRows: current.auditRows ?? undefined,
      openInvitations: first.openInvitations,
      schools,
      sessionId: session.sessionId,
    },
  }
}

/**
 * Remembers the school a person chose, on the server, so that they land there next time on any device.
 * The caller has checked that they belong to it; if they leave it later, resolveSchoolContext falls back.
 */
export async function rememberSchool(db: Db, userId: string, schoolId: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { lastSchoolId: schoolId }, select: { id: true } })
}

/**
 * At sign-in: when the person has not chosen a school yet (or has left the one they chose), remember the
 * one they land in now, their first by name. From then on a membership given to them later, in a school
 * whose name sorts first, does not move them there.
 */
export async function settleLandingSchool(db: Db, userId: string): Promise<void> {
  await db.$executeRaw`
    UPDATE "User" u SET "lastSchoolId" = (
      SELECT m."schoolId" FROM "Membership" m JOIN "School" s ON s."id" = m."schoolId"
      WHERE m."userId" = u."id" ORDER BY s."name" ASC, s."id" ASC LIMIT 1)
    WHERE u."id" = ${userId} AND NOT EXISTS (
      SELECT 1 FROM "Membership" m WHERE m."userId" = u."id" AND m."schoolId" = u."lastSchoolId")`
}
