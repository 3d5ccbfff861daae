import type { Actor } from '@/lib/actor'
import { type AuditActionOf, type AuditEntity, type AuditPair, writeAudit } from '@/lib/audit'
import { Refusal, STALE_MESSAGE } from '@/lib/result'

/*
 * The one write path for versioned, audited records. Each editable record carries `version`; a change
 * names the version the user's form was built from. Read -> version check -> guarded write -> re-read
 * -> audit row, all inside the caller's transaction, so a concurrent edit is refused as STALE (with the
 * record as it is now, for the form to compare and merge) and nothing is overwritten.
 */

/**
 * `current` is the row as read in this transaction (null when it is not in the school), `version` what
 * the user's form was built from. A missing record is NOT_FOUND; an older version is STALE and carries
 * the current row so the user can compare it with their typing.
 */
export function checkVersion<T extends { version: number }>(
  current: T | null,
  version: number,
  what: string,
): T {
  if (!current) throw new Refusal('NOT_FOUND', `That ${what} was not found.`)
  if (current.version !== version) throw new Refusal('STALE', STALE_MESSAGE, { current })
  return current
}

/** After an updateMany guarded by { id, schoolId, version }: zero rows means someone got there first. */
export function expectOneRow(count: number, current: unknown): void {
  if (count !== 1) throw new Refusal('STALE', STALE_MESSAGE, { current })
}

type Tx = Parameters<typeof writeAudit>[0]
/** Entities whose audit vocabulary has action A (lib/audit/vocabulary.ts). */
type EntityWith<A extends string> = {
  [E in AuditEntity]: A extends AuditActionOf<E> ? E : never
}[AuditEntity]

type VersionedUpdate<R extends { version: number }, E extends EntityWith<'update'>> = {
  actor: Actor
  entity: E
  id: string
  version: number
  /** Words for "That ___ was not found." */
  what: string
  /** Reads the audited fields of the record in this school (null when it is not there). */
  read: () => Promise<R | null>
  /** Writes the change with `updateMany({ where: { id, schoolId, version }, data: { ..., version: { increment: 1 } } })`. */
  write: (before: R) => Promise<{ count: number }>
  /** Rules that need the record as it is (a name clash, a standby): throw a Refusal to refuse. */
  check?: (before: R) => Promise<void> | void
  action?: AuditActionOf<E>
}

/** Updates one versioned record and writes its audit row (before and after), in the caller's transaction. */
export async function updateVersioned<R extends { version: number }, E extends EntityWith<'update'>>(
  tx: Tx,
  u: VersionedUpdate<R, E>,
): Promise<{ before: R; after: R }> {
  const before = checkVersion(await u.read(), u.version, u.what)
  await u.check?.(before)
  expectOneRow((await u.write(before)).count, before)
  const after = (await u.read()) as R
  await writeAudit(tx, {
    schoolId: u.actor.schoolId,
    actorId: u.actor.userId,
    // The entity and its action are checked against the vocabulary where E is inferred (the caller).
    ...({ entity: u.entity, action: u.action ?? 'update' } as AuditPair),
    entityId: u.id,
    before,
    after,
  })
  return { before, after }
}

type ArchiveChange<R extends { version: number; archivedAt: Date | null; name: string }> = {
  actor: Actor
  entity: EntityWith<'archive'> & EntityWith<'restore'>
  id: string
  version: number
  what: string
  archived: boolean
  /** True once the user has seen what archiving takes with it. */
  confirmed: boolean
  read: () => Promise<R | null>
  write: (archivedAt: Date | null) => Promise<{ count: number }>
  /** What depends on the record, in words, when archiving it would take something with it (else null). */
  consequences?: (before: R) => Promise<string | null>
  /** Rules for bringing it back (for example a live record now has its name). */
  checkRestore?: (before: R) => Promise<void>
}

/**
 * Archives or restores one versioned record: archiving first answers NEEDS_CONFIRMATION with its
 * consequences unless the user has confirmed; doing what is already done changes nothing.
 */
export async function setArchivedVersioned<
  R extends { version: number; archivedAt: Date | null; name: string },
>(tx: Tx, c: ArchiveChange<R>): Promise<{ id: string; version: number }> {
  const before = checkVersion(await c.read(), c.version, c.what)
  if (Boolean(before.archivedAt) === c.archived) return { id: c.id, version: before.version }
  if (c.archived && !c.confirmed) {
    const message = await c.consequences?.(before)
    if (message) throw new Refusal('NEEDS_CONFIRMATION', message, { current: { version: before.version } })
  }
  if (!c.archived) await c.checkRestore?.(before)
  const archivedAt = c.archived ? new Date() : null
  expectOneRow((await c.write(archivedAt)).count, before)
  await writeAudit(tx, {
    schoolId: c.actor.schoolId,
    actorId: c.actor.userId,
    ...({ entity: c.entity, action: c.archived ? 'archive' : 'restore' } as AuditPair),
    entityId: c.id,
    before: { name: before.name, archivedAt: before.archivedAt },
    after: { name: before.name, archivedAt },
  })
  return { id: c.id, version: before.version + 1 }
}
