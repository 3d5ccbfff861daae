import type { Actor } from '@/lib/actor'
import { writeAudit } from '@/lib/audit'
import type { Db, Tx } from '@/lib/db'
import { checkVersion, expectOneRow, setArchivedVersioned, updateVersioned } from '@/lib/records/versioned'
import { Refusal } from '@/lib/result'
import { DEFAULT_CATEGORIES, DEFAULT_THREATS, missingDefaults } from './defaults'
import type { Proposal } from './proposals'
import {
  COUNTERMEASURE_KINDS,
  COUNTERMEASURE_STATUSES,
  type CountermeasureData,
  FITS_PROCESSES,
  labelOf,
  RISK_STATUSES,
  type RiskData,
  type UpdateCountermeasureInput,
  type UpdateRiskInput,
} from './schema'

const actorOf = (actor: Actor) => ({ schoolId: actor.schoolId, actorId: actor.userId })
const names = (list: { name: string }[]) =>
  list
    .map((x) => x.name)
    .sort((a, b) => a.localeCompare(b))
    .join(', ')

/** Serialises name checks and proposal acceptance in one school, so two saves at once cannot clash. */
async function lockSchool(tx: Tx, schoolId: string) {
  await tx.$queryRaw`SELECT id FROM "School" WHERE id = ${schoolId} FOR UPDATE`
}

// ---- The register's defaults and appetite ----

/** Adds the FITS categories and threats a school does not hold yet; retired ones are held, so never revived. */
async function addMissingDefaults(tx: Tx, schoolId: string) {
  const [cats, threats] = await Promise.all([
    tx.riskCategory.findMany({
      where: { schoolId, defaultKey: { not: null } },
      select: { defaultKey: true },
    }),
    tx.threat.findMany({ where: { schoolId, defaultKey: { not: null } }, select: { defaultKey: true } }),
  ])
  const newCats = missingDefaults(
    DEFAULT_CATEGORIES,
    cats.map((c) => c.defaultKey),
  )
  const newThreats = missingDefaults(
    DEFAULT_THREATS,
    threats.map((t) => t.defaultKey),
  )
  if (newCats.length)
    await tx.riskCategory.createMany({
      data: newCats.map((c) => ({ schoolId, name: c.name, description: c.description, defaultKey: c.key })),
      skipDuplicates: true,
    })
  if (newThreats.length)
    await tx.threat.createMany({
      data: newThreats.map((t) => ({ schoolId, name: t.name, defaultKey: t.key })),
      skipDuplicates: true,
    })
  return { categories: newCats.map((c) => c.name), threats: newThreats.map((t) => t.name) }
}

/** Loads the FITS risk categories and threats; loading twice adds nothing twice and brings nothing back. */
export async function loadRiskDefaults(db: Db, actor: Actor) {
  return db.$transaction(async (tx) => {
    await lockSchool(tx, actor.schoolId)
    const added = await addMissingDefaults(tx, actor.schoolId)
    const count = added.categories.length + added.threats.length
    if (count)
      await writeAudit(tx, {
        ...actorOf(actor),
        entity: 'RiskRegister',
        entityId: actor.schoolId,
        action: 'load-defaults',
        after: added,
      })
    return { added: count }
  })
}

export async function setRiskAppetite(db: Db, actor: Actor, input: { appetite: number; version: number }) {
  return db.$transaction(async (tx) => {
    const where = { id: actor.schoolId }
    const { after } = await updateVersioned(tx, {
      actor,
      entity: 'RiskRegister',
      id: actor.schoolId,
      version: input.version,
      what: 'school',
      read: () => tx.school.findFirst({ where, select: { riskAppetite: true, version: true } }),
      write: () =>
        tx.school.updateMany({
          where: { ...where, version: input.version },
          data: { riskAppetite: input.appetite, version: { increment: 1 } },
        }),
    })
    return { version: after.version }
  })
}

// ---- Categories and threats: the same shape, two tables ----

type NamedKind = 'category' | 'threat'
const NAMED = {
  category: { entity: 'RiskCategory', what: 'risk category', table: (tx: Tx) => tx.riskCategory },
  threat: { entity: 'Threat', what: 'threat', table: (tx: Tx) => tx.threat },
} as const
const NAMED_AUDITED = { id: true, name: true, description: true, retiredAt: true, version: true } as const

async function checkNamedFree(
  tx: Tx,
  kind: NamedKind,
  schoolId: string,
  name: string,
  exceptId: string | null,
) {
  // Both tables have the same columns; the cast picks one delegate type for the call.
  const table = NAMED[kind].table(tx) as Tx['threat']
  const clash = await table.findFirst({
    where: {
      schoolId,
      retiredAt: null,
      name: { equals: name, mode: 'insensitive' },
      ...(exceptId ? { id: { not: exceptId } } : {}),
    },
    select: { name: true },
  })
  if (clash)
    throw new Refusal('CONFLICT', `There is already a ${NAMED[kind].what} called "${clash.name}".`, {
      fieldErrors: { name: [`There is already a ${NAMED[kind].what} called "${clash.name}".`] },
    })
}

export async function createNamed(
  db: Db,
  actor: Actor,
  kind: NamedKind,
  input: { name: string; description: string },
) {
  return db.$transaction(async (tx) => {
    await lockSchool(tx, actor.schoolId)
    await checkNamedFree(tx, kind, actor.schoolId, input.name, null)
    const table = NAMED[kind].table(tx) as Tx['threat']
    const created = await table.create({
      data: { ...input, schoolId: actor.schoolId },
      select: NAMED_AUDITED,
    })
    await writeAudit(tx, {
      ...actorOf(actor),
      entity: NAMED[kind].entity,
      entityId: created.id,
      action: 'create',
      after: created,
    })
    return { id: created.id }
  })
}

export async function updateNamed(
  db: Db,
  actor: Actor,
  kind: NamedKind,
  input: { id: string; version: number; name: string; description: string },
) {
  return db.$transaction(async (tx) => {
    await lockSchool(tx, actor.schoolId)
    const table = NAMED[kind].table(tx) as Tx['threat']
    const where = { id: input.id, schoolId: actor.schoolId }
    const { after } = await updateVersioned(tx, {
      actor,
      entity: NAMED[kind].entity,
      id: input.id,
      version: input.version,
      what: NAMED[kind].what,
      read: () => table.findFirst({ where, select: NAMED_AUDITED }),
      check: () => checkNamedFree(tx, kind, actor.schoolId, input.name, input.id),
      write: () =>
        table.updateMany({
          where: { ...where, version: input.version },
          data: { name: input.name, description: input.description, version: { increment: 1 } },
        }),
    })
    return { id: input.id, version: after.version }
  })
}

/** Retires (no longer offered for new risks; existing risks keep it) or brings back a category or threat. */
export async function setNamedRetired(
  db: Db,
  actor: Actor,
  kind: NamedKind,
  input: { id: string; version: number; retired: 'yes' | 'no' },
) {
  return db.$transaction(async (tx) => {
    await lockSchool(tx, actor.schoolId)
    const table = NAMED[kind].table(tx) as Tx['threat']
    const where = { id: input.id, schoolId: actor.schoolId }
    const before = checkVersion(
      await table.findFirst({ where, select: NAMED_AUDITED }),
      input.version,
      NAMED[kind].what,
    )
    const retire = input.retired === 'yes'
    if (Boolean(before.retiredAt) === retire) return { id: input.id, version: before.version }
    if (!retire) await checkNamedFree(tx, kind, actor.schoolId, before.name, input.id)
    const retiredAt = retire ? new Date() : null
    expectOneRow(
      (
        await table.updateMany({
          where: { ...where, version: input.version },
          data: { retiredAt, version: { increment: 1 } },
        })
      ).count,
      before,
    )
    await writeAudit(tx, {
      ...actorOf(actor),
      entity: NAMED[kind].entity,
      entityId: input.id,
      action: retire ? 'retire' : 'restore',
      before: { name: before.name, retiredAt: before.retiredAt },
      after: { name: before.name, retiredAt },
    })
    return { id: input.id, version: before.version + 1 }
  })
}

// ---- Risks ----

/** A risk as its audit rows and stale comparisons carry it: names for the log, ids for the form. */
async function readRisk(tx: Tx, schoolId: string, id: string) {
  const r = await tx.risk.findFirst({
    where: { id, schoolId },
    select: {
      id: true,
      title: true,
      description: true,
      categoryId: true,
      category: { select: { name: true } },
      threats: { select: { id: true, name: true } },
      services: { select: { id: true, name: true } },
      assets: { select: { id: true, name: true } },
      likelihood: true,
      impact: true,
      residualLikelihood: true,
      residualImpact: true,
      owner: true,
      status: true,
      nextReviewOn: true,
      version: true,
    },
  })
  if (!r) return null
  return {
    id: r.id,
    name: r.title,
    description: r.description,
    category: r.category.name,
    threats: names(r.threats),
    services: names(r.services),
    assets: names(r.assets),
    likelihood: r.likelihood,
    impact: r.impact,
    residualLikelihood: r.residualLikelihood,
    residualImpact: r.residualImpact,
    owner: r.owner,
    status: labelOf(RISK_STATUSES, r.status),
    nextReviewOn: r.nextReviewOn,
    version: r.version,
    // Unlabelled (never shown in the log): what the form needs to compare and merge.
    statusCode: r.status,
    categoryId: r.categoryId,
    threatIds: r.threats.map((t) => t.id).sort(),
    serviceIds: r.services.map((s) => s.id).sort(),
    assetIds: r.assets.map((a) => a.id).sort(),
  }
}
export type StoredRisk = NonNullable<Awaited<ReturnType<typeof readRisk>>>

/**
 * Checks what a risk links to is in this school: a live category (or the one it already has), live
 * threats (or ones it already has), live services and assets (or ones it already has). Anything from
 * another school is simply not found, so nothing about it is revealed.
 */
async function checkLinks(tx: Tx, schoolId: string, data: RiskData, current: StoredRisk | null) {
  const keep = (ids: string[] | undefined) => ids ?? []
  const [category, threats, services, assets] = await Promise.all([
    tx.riskCategory.findFirst({
      where: {
        schoolId,
        id: data.categoryId,
        ...(current?.categoryId === data.categoryId ? {} : { retiredAt: null }),
      },
      select: { id: true },
    }),
    tx.threat.count({
      where: {
        schoolId,
        id: { in: data.threatIds },
        OR: [{ retiredAt: null }, { id: { in: keep(current?.threatIds) } }],
      },
    }),
    tx.service.count({
      where: {
        schoolId,
        id: { in: data.serviceIds },
        OR: [{ archivedAt: null }, { id: { in: keep(current?.serviceIds) } }],
      },
    }),
    tx.asset.count({
      where: {
        schoolId,
        id: { in: data.assetIds },
        OR: [{ archivedAt: null }, { id: { in: keep(current?.assetIds) } }],
      },
    }),
  ])
  if (!category)
    throw new Refusal('INVALID', 'Please correct the highlighted fields.', {
      fieldErrors: { categoryId: ['Choose a category from the list.'] },
    })
  const unique = (ids: string[]) => new Set(ids).size
  if (
    threats !== unique(data.threatIds) ||
    services !== unique(data.serviceIds) ||
    assets !== unique(data.assetIds)
  )
    throw new Refusal(
      'CONFLICT',
      'Some of the ticked threats, services or assets are no longer recorded (retired or archived since the page was opened). Nothing was saved: reload the page and tick them again.',
    )
}

const linkSets = (data: RiskData, how: 'set' | 'connect') => ({
  threats: { [how]: [...new Set(data.threatIds)].map((id) => ({ id })) },
  services: { [how]: [...new Set(data.serviceIds)].map((id) => ({ id })) },
  assets: { [how]: [...new Set(data.assetIds)].map((id) => ({ id })) },
})
const riskScalars = (data: RiskData) => ({
  title: data.title,
  description: data.description,
  categoryId: data.categoryId,
  likelihood: data.likelihood,
  impact: data.impact,
  residualLikelihood: data.residualLikelihood,
  residualImpact: data.residualImpact,
  owner: data.owner,
  nextReviewOn: data.nextReviewOn,
})

export async function createRisk(db: Db, actor: Actor, data: RiskData) {
  return db.$transaction(async (tx) => {
    await checkLinks(tx, actor.schoolId, data, null)
    const { id } = await tx.risk.create({
      data: { schoolId: actor.schoolId, ...riskScalars(data), ...linkSets(data, 'connect') },
      select: { id: true },
    })
    const after = await readRisk(tx, actor.schoolId, id)
    await writeAudit(tx, { ...actorOf(actor), entity: 'Risk', entityId: id, action: 'create', after })
    return { id }
  })
}

export async function updateRisk(db: Db, actor: Actor, input: UpdateRiskInput) {
  return db.$transaction(async (tx) => {
    const where = { id: input.id, schoolId: actor.schoolId }
    const { after } = await updateVersioned(tx, {
      actor,
      entity: 'Risk',
      id: input.id,
      version: input.version,
      what: 'risk',
      read: () => readRisk(tx, actor.schoolId, input.id),
      check: (before) => checkLinks(tx, actor.schoolId, input, before),
      write: async () => {
        const r = await tx.risk.updateMany({
          where: { ...where, version: input.version },
          data: { ...riskScalars(input), version: { increment: 1 } },
        })
        if (r.count === 1) await tx.risk.update({ where: { id: input.id }, data: linkSets(input, 'set') })
        return r
      },
    })
    return { id: input.id, version: after.version }
  })
}

/** Closes a risk (it leaves the heat map and the dashboard, and stays in the register) or reopens it. */
export async function setRiskStatus(
  db: Db,
  actor: Actor,
  input: { id: string; version: number; status: 'OPEN' | 'CLOSED' },
) {
  return db.$transaction(async (tx) => {
    const current = checkVersion(await readRisk(tx, actor.schoolId, input.id), input.version, 'risk')
    if (current.statusCode === input.status) return { id: input.id, version: current.version }
    const closing = input.status === 'CLOSED'
    const { after } = await updateVersioned(tx, {
      actor,
      entity: 'Risk',
      action: closing ? 'close' : 'reopen',
      id: input.id,
      version: input.version,
      what: 'risk',
      read: () => readRisk(tx, actor.schoolId, input.id),
      write: () =>
        tx.risk.updateMany({
          where: { id: input.id, schoolId: actor.schoolId, version: input.version },
          data: {
            status: input.status,
            closedAt: closing ? new Date() : null,
            version: { increment: 1 },
          },
        }),
    })
    return { id: input.id, version: after.version }
  })
}

// ---- Proposals ----

/**
 * Accepts a proposed risk: the risk is created with the proposal's category, threats and services,
 * linked to the asset it came from. `proposal` is the current proposal for the key (the caller worked it
 * out from the catalogue); accepting twice, even at once, creates one risk.
 */
export async function acceptProposal(db: Db, actor: Actor, proposal: Proposal) {
  return db.$transaction(async (tx) => {
    await lockSchool(tx, actor.schoolId)
    const taken = await tx.risk.findFirst({
      where: { schoolId: actor.schoolId, proposalKey: proposal.key },
      select: { id: true },
    })
    if (taken) throw new Refusal('CONFLICT', 'This proposal has already been accepted.')
    // A proposal names its category and threats by their FITS key: make sure the school holds them.
    await addMissingDefaults(tx, actor.schoolId)
    const [categories, threats, services, asset] = await Promise.all([
      tx.riskCategory.findMany({
        where: { schoolId: actor.schoolId, retiredAt: null },
        select: { id: true, defaultKey: true },
        orderBy: { name: 'asc' },
      }),
      tx.threat.findMany({
        where: { schoolId: actor.schoolId, retiredAt: null, defaultKey: { in: proposal.threatKeys } },
        select: { id: true },
      }),
      tx.service.findMany({
        where: { schoolId: actor.schoolId, id: { in: proposal.serviceIds }, archivedAt: null },
        select: { id: true },
      }),
      tx.asset.findFirst({
        where: { schoolId: actor.schoolId, id: proposal.assetId, archivedAt: null },
        select: { id: true },
      }),
    ])
    if (!asset) throw new Refusal('NOT_FOUND', 'That proposal was not found.')
    const category = categories.find((c) => c.defaultKey === proposal.categoryKey) ?? categories[0]
    if (!category)
      throw new Refusal(
        'CONFLICT',
        'Every risk category is retired: bring one back before accepting a proposal.',
      )
    const { id } = await tx.risk.create({
      data: {
        schoolId: actor.schoolId,
        title: proposal.title,
        description: proposal.reason,
        categoryId: category.id,
        likelihood: proposal.likelihood,
        impact: proposal.impact,
        proposalKey: proposal.key,
        sourceAssetId: asset.id,
        threats: { connect: threats },
        services: { connect: services },
        assets: { connect: [{ id: asset.id }] },
      },
      select: { id: true },
    })
    const after = await readRisk(tx, actor.schoolId, id)
    await writeAudit(tx, {
      ...actorOf(actor),
      entity: 'Risk',
      entityId: id,
      action: 'accept-proposal',
      after,
    })
    return { id }
  })
}

/** Dismisses a proposal with a reason, at the asset's current version: it returns if the asset changes. */
export async function dismissProposal(db: Db, actor: Actor, proposal: Proposal, reason: string) {
  return db.$transaction(async (tx) => {
    const data = {
      assetId: proposal.assetId,
      assetVersion: proposal.assetVersion,
      reason,
      dismissedAt: new Date(),
    }
    const row = await tx.riskProposalDismissal.upsert({
      where: { schoolId_proposalKey: { schoolId: actor.schoolId, proposalKey: proposal.key } },
      create: { schoolId: actor.schoolId, proposalKey: proposal.key, ...data },
      update: data,
      select: { id: true },
    })
    await writeAudit(tx, {
      ...actorOf(actor),
      entity: 'RiskProposal',
      entityId: row.id,
      action: 'dismiss',
      after: { name: proposal.title, asset: proposal.assetName, reason },
    })
    return { id: row.id }
  })
}

// ---- Countermeasures ----

async function readCountermeasure(tx: Tx, schoolId: string, id: string) {
  const c = await tx.countermeasure.findFirst({
    where: { id, schoolId },
    select: {
      id: true,
      title: true,
      description: true,
      risks: { select: { id: true, title: true } },
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
    },
  })
  if (!c) return null
  return {
    id: c.id,
    name: c.title,
    description: c.description,
    risks: names(c.risks.map((r) => ({ name: r.title }))),
    kind: labelOf(COUNTERMEASURE_KINDS, c.kind),
    process: labelOf(FITS_PROCESSES, c.process),
    owner: c.owner,
    status: labelOf(COUNTERMEASURE_STATUSES, c.status),
    dueOn: c.dueOn,
    costPounds: c.costPounds,
    lastVerifiedOn: c.lastVerifiedOn,
    verificationNote: c.verificationNote,
    archivedAt: c.archivedAt,
    version: c.version,
    // Unlabelled: what the form needs to compare and merge.
    kindCode: c.kind,
    processCode: c.process,
    statusCode: c.status,
    riskIds: c.risks.map((r) => r.id).sort(),
  }
}
export type StoredCountermeasure = NonNullable<Awaited<ReturnType<typeof readCountermeasure>>>

async function checkRisks(tx: Tx, schoolId: string, riskIds: string[]) {
  const found = await tx.risk.count({ where: { schoolId, id: { in: riskIds } } })
  if (found !== new Set(riskIds).size)
    throw new Refusal(
      'CONFLICT',
      'Some of the ticked risks are no longer recorded. Nothing was saved: reload the page and tick them again.',
    )
}
const cmScalars = (d: CountermeasureData) => ({
  title: d.title,
  description: d.description,
  kind: d.kind,
  process: d.process,
  owner: d.owner,
  status: d.status,
  dueOn: d.dueOn,
  costPounds: d.costPounds,
  lastVerifiedOn: d.lastVerifiedOn,
  verificationNote: d.verificationNote,
})

export async function createCountermeasure(db: Db, actor: Actor, data: CountermeasureData) {
  return db.$transaction(async (tx) => {
    await checkRisks(tx, actor.schoolId, data.riskIds)
    const { id } = await tx.countermeasure.create({
      data: {
        schoolId: actor.schoolId,
        ...cmScalars(data),
        risks: { connect: [...new Set(data.riskIds)].map((r) => ({ id: r })) },
      },
      select: { id: true },
    })
    const after = await readCountermeasure(tx, actor.schoolId, id)
    await writeAudit(tx, {
      ...actorOf(actor),
      entity: 'Countermeasure',
      entityId: id,
      action: 'create',
      after,
    })
    return { id }
  })
}

export async function updateCountermeasure(db: Db, actor: Actor, input: UpdateCountermeasureInput) {
  return db.$transaction(async (tx) => {
    const where = { id: input.id, schoolId: actor.schoolId }
    const { after } = await updateVersioned(tx, {
      actor,
      entity: 'Countermeasure',
      id: input.id,
      version: input.version,
      what: 'countermeasure',
      read: () => readCountermeasure(tx, actor.schoolId, input.id),
      check: () => checkRisks(tx, actor.schoolId, input.riskIds),
      write: async () => {
        const r = await tx.countermeasure.updateMany({
          where: { ...where, version: input.version },
          data: { ...cmScalars(input), version: { increment: 1 } },
        })
        if (r.count === 1)
          await tx.countermeasure.update({
            where: { id: input.id },
            data: { risks: { set: [...new Set(input.riskIds)].map((id) => ({ id })) } },
          })
        return r
      },
    })
    return { id: input.id, version: after.version }
  })
}

/** Marks a countermeasure planned, in place or verified (verified today when no day is recorded). */
export async function setCountermeasureStatus(
  db: Db,
  actor: Actor,
  input: { id: string; version: number; status: 'PLANNED' | 'IN_PLACE' | 'VERIFIED' },
) {
  return db.$transaction(async (tx) => {
    const current = checkVersion(
      await readCountermeasure(tx, actor.schoolId, input.id),
      input.version,
      'countermeasure',
    )
    if (current.statusCode === input.status) return { id: input.id, version: current.version }
    const { after } = await updateVersioned(tx, {
      actor,
      entity: 'Countermeasure',
      action: 'change-status',
      id: input.id,
      version: input.version,
      what: 'countermeasure',
      read: () => readCountermeasure(tx, actor.schoolId, input.id),
      write: (before) =>
        tx.countermeasure.updateMany({
          where: { ...where(actor, input.id), version: input.version },
          data: {
            status: input.status,
            ...(input.status === 'VERIFIED' && !before.lastVerifiedOn
              ? { lastVerifiedOn: new Date(`${new Date().toISOString().slice(0, 10)}T12:00:00Z`) }
              : {}),
            version: { increment: 1 },
          },
        }),
    })
    return { id: input.id, version: after.version }
  })
}
const where = (actor: Actor, id: string) => ({ id, schoolId: actor.schoolId })

export async function setCountermeasureArchived(
  db: Db,
  actor: Actor,
  input: { id: string; version: number },
  archived: boolean,
) {
  return db.$transaction(async (tx) =>
    setArchivedVersioned(tx, {
      actor,
      entity: 'Countermeasure',
      id: input.id,
      version: input.version,
      what: 'countermeasure',
      archived,
      confirmed: true,
      read: () => readCountermeasure(tx, actor.schoolId, input.id),
      write: (archivedAt) =>
        tx.countermeasure.updateMany({
          where: { ...where(actor, input.id), version: input.version },
          data: { archivedAt, version: { increment: 1 } },
        }),
    }),
  )
}
