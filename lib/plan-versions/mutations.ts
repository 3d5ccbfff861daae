import type { Actor } from '@/lib/actor'
import { writeAudit } from '@/lib/audit'
import type { Db, Tx } from '@/lib/db'
import { fingerprint, type PlanSnapshot } from '@/lib/plan/snapshot'
import { checkVersion, expectOneRow, setArchivedVersioned, updateVersioned } from '@/lib/records/versioned'
import { Refusal } from '@/lib/result'
import { type CopyInput, LOCATION_LABELS, type UpdateCopyInput, versionName } from './schema'
import { blockingGaps } from './standing'

const actorOf = (actor: Actor) => ({ schoolId: actor.schoolId, actorId: actor.userId })

async function lockSchool(tx: Tx, schoolId: string) {
  await tx.$queryRaw`SELECT id FROM "School" WHERE id = ${schoolId} FOR UPDATE`
}

async function userName(tx: Tx, userId: string) {
  const u = await tx.user.findUnique({ where: { id: userId }, select: { name: true } })
  return u?.name ?? 'Unknown'
}

// ---- publishing ---------------------------------------------------------------------------------------

export type PublishInput = {
  /** The live plan as the builder made it (its `version` is replaced by the new number). */
  snapshot: PlanSnapshot
  /**
   * `School.planSourceVersion` as read before the snapshot was built. If it has moved by the time the
   * version is written, something changed while the plan was being built and the snapshot may lack it.
   */
  sourceVersion: number
  /** The manager has seen the gaps that will be printed on it. */
  confirmed: boolean
}

/**
 * Publishes the live plan as the next numbered version, awaiting the head teacher's approval. A plan
 * with a blocking gap (no manager, no deputy, a vital service with no plan) is published only once the
 * manager confirms, with the gaps printed on it. Nothing in a version changes after this but the head
 * teacher's decision (the `PlanVersion_frozen` trigger refuses any other update).
 */
export async function publishPlanVersion(db: Db, actor: Actor, input: PublishInput, now = new Date()) {
  if (input.snapshot.school.id !== actor.schoolId) throw new Refusal('NOT_FOUND', 'That plan was not found.')
  const blocking = blockingGaps(input.snapshot)
  if (blocking.length && !input.confirmed)
    throw new Refusal(
      'NEEDS_CONFIRMATION',
      `${blocking.map((g) => g.text.replace(/\.$/, '')).join('; ')}. ${
        input.snapshot.gaps.length === 1
          ? 'This gap'
          : `${blocking.length === input.snapshot.gaps.length ? 'These' : `These and ${input.snapshot.gaps.length - blocking.length} other`} gaps (${input.snapshot.gaps.length} in all)`
      } will be printed on the published plan. Publish it anyway?`,
    )
  return db.$transaction(async (tx) => {
    await lockSchool(tx, actor.schoolId)
    const [school, last, name] = await Promise.all([
      tx.school.findUniqueOrThrow({ where: { id: actor.schoolId }, select: { planSourceVersion: true } }),
      tx.planVersion.aggregate({ where: { schoolId: actor.schoolId }, _max: { number: true } }),
      userName(tx, actor.userId),
    ])
    if (school.planSourceVersion !== input.sourceVersion)
      throw new Refusal(
        'CONFLICT',
        'The plan changed while it was being published. Nothing was published: publish it again.',
      )
    const number = (last._max.number ?? 0) + 1
    const snapshot: PlanSnapshot = { ...input.snapshot, version: number }
    const print = fingerprint(snapshot)
    const created = await tx.planVersion.create({
      data: {
        schoolId: actor.schoolId,
        number,
        snapshot: JSON.parse(JSON.stringify(snapshot)),
        fingerprint: print,
        sourceVersion: school.planSourceVersion,
        gapCount: snapshot.gaps.length,
        status: 'SUBMITTED',
        publishedAt: now,
        publishedById: actor.userId,
        publishedByName: name,
      },
      select: { id: true, number: true, fingerprint: true },
    })
    await writeAudit(tx, {
      ...actorOf(actor),
      entity: 'PlanVersion',
      entityId: created.id,
      action: 'publish',
      after: { name: versionName(number), fingerprint: print, gaps: snapshot.gaps.length },
    })
    return created
  })
}

// ---- the head teacher's decision ----------------------------------------------------------------------

async function awaitingDecision(tx: Tx, actor: Actor, id: string, version: number) {
  const found = checkVersion(
    await tx.planVersion.findFirst({
      where: { id, schoolId: actor.schoolId },
      select: {
        id: true,
        number: true,
        status: true,
        version: true,
        fingerprint: true,
        gapCount: true,
        publishedById: true,
      },
    }),
    version,
    'plan version',
  )
  if (found.status !== 'SUBMITTED')
    throw new Refusal(
      'CONFLICT',
      `Version ${found.number} has already been ${found.status === 'APPROVED' ? 'approved' : 'returned'}.`,
    )
  // Whoever published a version never approves or returns it, whatever their role is now.
  if (found.publishedById === actor.userId)
    throw new Refusal(
      'CONFLICT',
      `You published version ${found.number}: another head teacher must approve it or return it.`,
    )
  return found
}

async function decide(
  tx: Tx,
  actor: Actor,
  v: { id: string; version: number },
  data: { status: 'APPROVED' | 'RETURNED'; comment: string },
  now: Date,
) {
  const { count } = await tx.planVersion.updateMany({
    where: { id: v.id, schoolId: actor.schoolId, version: v.version, status: 'SUBMITTED' },
    data: {
      status: data.status,
      decidedAt: now,
      decidedById: actor.userId,
      decidedByName: await userName(tx, actor.userId),
      decisionComment: data.comment,
      version: { increment: 1 },
    },
  })
  expectOneRow(count, v)
  return v.version + 1
}

/**
 * The head teacher approves a version: it becomes the current plan, every earlier approved version is
 * superseded by it, and the team is asked to acknowledge it. A version older than the current one cannot
 * be approved (it would be superseded the moment it was).
 */
export async function approvePlanVersion(
  db: Db,
  actor: Actor,
  input: { id: string; version: number },
  now = new Date(),
) {
  return db.$transaction(async (tx) => {
    await lockSchool(tx, actor.schoolId)
    const v = await awaitingDecision(tx, actor, input.id, input.version)
    const newer = await tx.planVersion.findFirst({
      where: { schoolId: actor.schoolId, status: 'APPROVED', number: { gt: v.number } },
      orderBy: { number: 'desc' },
      select: { number: true },
    })
    if (newer)
      throw new Refusal(
        'CONFLICT',
        `Version ${newer.number} is already approved and newer: return version ${v.number} instead.`,
      )
    const version = await decide(tx, actor, v, { status: 'APPROVED', comment: '' }, now)
    await writeAudit(tx, {
      ...actorOf(actor),
      entity: 'PlanVersion',
      entityId: v.id,
      action: 'approve',
      after: { name: versionName(v.number), fingerprint: v.fingerprint, gaps: v.gapCount },
    })
    return { version, number: v.number }
  })
}

/** The head teacher returns a version with comments; it stays listed, and the manager publishes a new one. */
export async function returnPlanVersion(
  db: Db,
  actor: Actor,
  input: { id: string; version: number; comment: string },
  now = new Date(),
) {
  return db.$transaction(async (tx) => {
    const v = await awaitingDecision(tx, actor, input.id, input.version)
    const version = await decide(tx, actor, v, { status: 'RETURNED', comment: input.comment }, now)
    await writeAudit(tx, {
      ...actorOf(actor),
      entity: 'PlanVersion',
      entityId: v.id,
      action: 'return',
      after: { name: versionName(v.number), comment: input.comment },
    })
    return { version, number: v.number }
  })
}

// ---- acknowledgement ----------------------------------------------------------------------------------

/** The signed-in person's own current team member record in this school, from the actor (never the form). */
export async function ownTeamMember(tx: Tx | Db, actor: Actor) {
  return tx.teamMember.findFirst({
    where: {
      schoolId: actor.schoolId,
      leftAt: null,
      membership: { userId: actor.userId, schoolId: actor.schoolId },
    },
    select: { id: true, name: true },
  })
}

/**
 * "I hold and have read version N", by the team member linked to the signed-in login, for the current
 * approved version only. Once per member per version: acknowledging again changes nothing.
 */
export async function acknowledgePlanVersion(
  db: Db,
  actor: Actor,
  input: { planVersionId: string },
  now = new Date(),
) {
  return db.$transaction(async (tx) => {
    const member = await ownTeamMember(tx, actor)
    if (!member)
      throw new Refusal(
        'CONFLICT',
        'Your login is not linked to a member of the recovery team, so there is nothing to acknowledge. Ask the service continuity manager to link it.',
      )
    const [target, current] = await Promise.all([
      tx.planVersion.findFirst({
        where: { id: input.planVersionId, schoolId: actor.schoolId },
        select: { id: true, number: true },
      }),
      tx.planVersion.findFirst({
        where: { schoolId: actor.schoolId, status: 'APPROVED' },
        orderBy: { number: 'desc' },
        select: { id: true, number: true },
      }),
    ])
    if (!target) throw new Refusal('NOT_FOUND', 'That plan version was not found.')
    if (current?.id !== target.id)
      throw new Refusal(
        'CONFLICT',
        current
          ? `Version ${target.number} is not the current plan: acknowledge version ${current.number} instead.`
          : `Version ${target.number} is not approved yet, so it cannot be acknowledged.`,
      )
    const { count } = await tx.planAcknowledgement.createMany({
      data: {
        schoolId: actor.schoolId,
        planVersionId: target.id,
        teamMemberId: member.id,
        acknowledgedAt: now,
      },
      skipDuplicates: true,
    })
    if (count)
      await writeAudit(tx, {
        ...actorOf(actor),
        entity: 'PlanAcknowledgement',
        entityId: target.id,
        action: 'acknowledge',
        after: { name: versionName(target.number), member: member.name },
      })
    return { number: target.number, already: count === 0 }
  })
}

// ---- copies -------------------------------------------------------------------------------------------

const copyName = (c: { location: keyof typeof LOCATION_LABELS; holder: string }) =>
  `${LOCATION_LABELS[c.location]}: ${c.holder}`

async function memberName(tx: Tx, schoolId: string, teamMemberId: string | null) {
  if (!teamMemberId) return ''
  const m = await tx.teamMember.findFirst({ where: { id: teamMemberId, schoolId }, select: { name: true } })
  if (!m)
    throw new Refusal('INVALID', 'Choose a member of the recovery team.', {
      fieldErrors: { teamMemberId: ['Choose a member of the recovery team.'] },
    })
  return m.name
}

const copyView = (c: {
  location: keyof typeof LOCATION_LABELS
  holder: string
  versionNumber: number | null
  notes: string
  teamMember: { name: string } | null
  version: number
  archivedAt: Date | null
}) => ({
  name: copyName(c),
  locationLabel: LOCATION_LABELS[c.location],
  holder: c.holder,
  member: c.teamMember?.name ?? '',
  versionNumber: c.versionNumber === null ? '' : String(c.versionNumber),
  notes: c.notes,
  version: c.version,
  archivedAt: c.archivedAt,
})

const COPY_SELECT = {
  location: true,
  holder: true,
  versionNumber: true,
  notes: true,
  teamMemberId: true,
  teamMember: { select: { name: true } },
  version: true,
  archivedAt: true,
} as const

/** Records a copy of the plan someone holds somewhere. */
export async function createPlanCopy(db: Db, actor: Actor, input: CopyInput) {
  return db.$transaction(async (tx) => {
    const member = await memberName(tx, actor.schoolId, input.teamMemberId)
    const created = await tx.planCopy.create({
      data: {
        schoolId: actor.schoolId,
        location: input.location,
        holder: input.holder,
        teamMemberId: input.teamMemberId,
        versionNumber: input.versionNumber,
        notes: input.notes,
      },
      select: { id: true },
    })
    await writeAudit(tx, {
      ...actorOf(actor),
      entity: 'PlanCopy',
      entityId: created.id,
      action: 'create',
      after: {
        name: copyName(input),
        locationLabel: LOCATION_LABELS[input.location],
        holder: input.holder,
        member,
        versionNumber: input.versionNumber === null ? '' : String(input.versionNumber),
        notes: input.notes,
      },
    })
    return { id: created.id }
  })
}

export async function updatePlanCopy(db: Db, actor: Actor, input: UpdateCopyInput) {
  return db.$transaction(async (tx) => {
    const where = { id: input.id, schoolId: actor.schoolId }
    await memberName(tx, actor.schoolId, input.teamMemberId)
    const read = async () => {
      const c = await tx.planCopy.findFirst({ where, select: COPY_SELECT })
      if (!c) return null
      const { archivedAt: _a, ...view } = copyView(c)
      return { ...view, teamMemberId: c.teamMemberId ?? '' }
    }
    const { after } = await updateVersioned(tx, {
      actor,
      entity: 'PlanCopy',
      id: input.id,
      version: input.version,
      what: 'plan copy',
      read,
      write: () =>
        tx.planCopy.updateMany({
          where: { ...where, version: input.version },
          data: {
            location: input.location,
            holder: input.holder,
            teamMemberId: input.teamMemberId,
            versionNumber: input.versionNumber,
            notes: input.notes,
            version: { increment: 1 },
          },
        }),
    })
    return { id: input.id, version: after.version }
  })
}

export async function setPlanCopyArchived(
  db: Db,
  actor: Actor,
  input: { id: string; version: number },
  archived: boolean,
) {
  return db.$transaction(async (tx) => {
    const where = { id: input.id, schoolId: actor.schoolId }
    return setArchivedVersioned(tx, {
      actor,
      entity: 'PlanCopy',
      id: input.id,
      version: input.version,
      what: 'plan copy',
      archived,
      confirmed: true,
      read: async () => {
        const c = await tx.planCopy.findFirst({ where, select: COPY_SELECT })
        return c ? copyView(c) : null
      },
      write: (archivedAt) =>
        tx.planCopy.updateMany({
          where: { ...where, version: input.version },
          data: { archivedAt, version: { increment: 1 } },
        }),
    })
  })
}
