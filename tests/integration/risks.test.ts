import { beforeEach, describe, expect, it } from 'vitest'
import { updateAssetAction } from '@/lib/assets/actions'
import { archiveBackupAction, createBackupAction } from '@/lib/backups/actions'
import { db } from '@/lib/db'
import {
  acceptProposalAction,
  archiveCountermeasureAction,
  createCategoryAction,
  createCountermeasureAction,
  createRiskAction,
  createThreatAction,
  dismissProposalAction,
  loadRiskDefaultsAction,
  restoreCountermeasureAction,
  retireCategoryAction,
  retireThreatAction,
  setCountermeasureStatusAction,
  setRiskAppetiteAction,
  setRiskStatusAction,
  updateCategoryAction,
  updateCountermeasureAction,
  updateRiskAction,
  updateThreatAction,
} from '@/lib/risks/actions'
import { getHeatMap, getRegister, listProposals } from '@/lib/risks/queries'
import { countAt } from '@/lib/risks/scoring'
import {
  assetForm,
  contextFor,
  form,
  makeAsset,
  makeMember,
  makeSchool,
  makeService,
} from '../support/factories'
import { lastRedirect } from '../support/mock-navigation'
import { asUser } from '../support/session'

type Ctx = Awaited<ReturnType<typeof contextFor>>
let s: {
  schoolId: string
  otherId: string
  manager: Ctx
  otherManager: Ctx
  team: Ctx
  serviceId: string
  assetId: string
  categoryId: string
  threatIds: string[]
}

const audit = (schoolId: string, entity: string) =>
  db.auditEvent.findMany({ where: { schoolId, entity }, orderBy: { at: 'asc' } })

/** Every risk-register row of a school, to prove a refusal changed nothing. */
async function registerSnapshot(schoolId: string) {
  const [risks, cms, cats, threats, dismissals, school, auditRows] = await Promise.all([
    db.risk.findMany({
      where: { schoolId },
      include: {
        threats: { select: { id: true } },
        services: { select: { id: true } },
        assets: { select: { id: true } },
      },
      orderBy: { id: 'asc' },
    }),
    db.countermeasure.findMany({
      where: { schoolId },
      include: { risks: { select: { id: true } } },
      orderBy: { id: 'asc' },
    }),
    db.riskCategory.findMany({ where: { schoolId }, orderBy: { id: 'asc' } }),
    db.threat.findMany({ where: { schoolId }, orderBy: { id: 'asc' } }),
    db.riskProposalDismissal.findMany({ where: { schoolId }, orderBy: { id: 'asc' } }),
    db.school.findUniqueOrThrow({ where: { id: schoolId } }),
    db.auditEvent.findMany({ where: { schoolId }, orderBy: { id: 'asc' } }),
  ])
  return { risks, cms, cats, threats, dismissals, school, auditRows }
}

function riskFields(over: Record<string, string | number> = {}) {
  return {
    title: 'Server room fire',
    description: 'The only server room has no suppression.',
    categoryId: s.categoryId,
    [`threat_${s.threatIds[0]}`]: 'yes',
    [`threat_${s.threatIds[1]}`]: 'yes',
    [`service_${s.serviceId}`]: 'yes',
    [`asset_${s.assetId}`]: 'yes',
    likelihood: 2,
    impact: 5,
    residualLikelihood: '',
    residualImpact: '',
    owner: 'Business manager',
    nextReviewOn: '2027-03-01',
    ...over,
  }
}

async function newRisk(over: Record<string, string | number> = {}) {
  const r = await createRiskAction(null, form(riskFields(over)))
  if (!r.ok) throw new Error(`${r.reason}: ${r.message} ${JSON.stringify(r.fieldErrors)}`)
  return r.data.id
}

beforeEach(async () => {
  const school = await makeSchool()
  const other = await makeSchool()
  const manager = await contextFor((await makeMember(school.id, 'MANAGER')).user.id, school.id)
  const otherManager = await contextFor((await makeMember(other.id, 'MANAGER')).user.id, other.id)
  const team = await contextFor((await makeMember(school.id, 'TEAM')).user.id, school.id)
  asUser(manager)
  expect((await loadRiskDefaultsAction(null, {})).ok).toBe(true)
  const categoryId = (
    await db.riskCategory.findFirstOrThrow({ where: { schoolId: school.id, defaultKey: 'internal' } })
  ).id
  const threats = await db.threat.findMany({
    where: { schoolId: school.id, defaultKey: { in: ['fire', 'power-failure'] } },
    orderBy: { name: 'asc' },
  })
  const service = await makeService(school.id, { name: 'MIS', criticality: 1 })
  const asset = await makeAsset(school.id, { name: 'Server' })
  s = {
    schoolId: school.id,
    otherId: other.id,
    manager,
    otherManager,
    team,
    serviceId: service.id,
    assetId: asset.id,
    categoryId,
    threatIds: threats.map((t) => t.id),
  }
})

describe('the FITS defaults', () => {
  it('loads five categories and seventeen threats once, and never brings back a retired one', async () => {
    expect(await db.riskCategory.count({ where: { schoolId: s.schoolId } })).toBe(5)
    expect(await db.threat.count({ where: { schoolId: s.schoolId } })).toBe(17)
    const again = await loadRiskDefaultsAction(null, {})
    expect(again).toMatchObject({ ok: true, data: { added: 0 } })
    const fire = await db.threat.findFirstOrThrow({ where: { schoolId: s.schoolId, defaultKey: 'fire' } })
    expect((await retireThreatAction(null, form({ id: fire.id, version: fire.version }))).ok).toBe(true)
    await loadRiskDefaultsAction(null, {})
    expect(await db.threat.count({ where: { schoolId: s.schoolId } })).toBe(17)
    expect((await db.threat.findUniqueOrThrow({ where: { id: fire.id } })).retiredAt).not.toBeNull()
    // One summary row for the load that added something; none for the loads that added nothing.
    expect(await audit(s.schoolId, 'RiskRegister')).toHaveLength(1)
  })

  it('lets the manager add, rename, retire and bring back a category or threat, refusing a duplicate name', async () => {
    const added = await createCategoryAction(null, form({ name: 'Loss of premises', description: 'Closure' }))
    expect(added.ok).toBe(true)
    const dup = await createCategoryAction(null, form({ name: 'loss of DATA' }))
    expect(dup).toMatchObject({ ok: false, reason: 'CONFLICT', values: { name: 'loss of DATA' } })
    expect(dup.ok === false && dup.fieldErrors?.name?.[0]).toContain('already a risk category')
    const id = added.ok ? added.data.id : ''
    expect(
      await updateCategoryAction(null, form({ id, version: 1, name: 'Loss of the building' })),
    ).toMatchObject({
      ok: true,
    })
    expect(await updateCategoryAction(null, form({ id, version: 1, name: 'Stale' }))).toMatchObject({
      ok: false,
      reason: 'STALE',
    })
    expect(await retireCategoryAction(null, form({ id, version: 2 }))).toMatchObject({ ok: true })
    expect(await retireCategoryAction(null, form({ id, version: 3, retired: 'no' }))).toMatchObject({
      ok: true,
    })
    const t = await createThreatAction(null, form({ name: 'Cyber attack on a supplier' }))
    expect(t.ok).toBe(true)
    const tid = t.ok ? t.data.id : ''
    expect(
      await updateThreatAction(null, form({ id: tid, version: 1, name: 'Supplier breach' })),
    ).toMatchObject({
      ok: true,
    })
    const rows = await audit(s.schoolId, 'RiskCategory')
    expect(rows.map((r) => r.action)).toEqual(['create', 'update', 'retire', 'restore'])
  })

  it('refuses a retired category for a new risk', async () => {
    const cat = await db.riskCategory.findUniqueOrThrow({ where: { id: s.categoryId } })
    await retireCategoryAction(null, form({ id: cat.id, version: cat.version }))
    const r = await createRiskAction(null, form(riskFields()))
    expect(r).toMatchObject({ ok: false, reason: 'INVALID' })
    expect(r.ok === false && r.fieldErrors?.categoryId).toEqual(['Choose a category from the list.'])
  })
})

describe('risks', () => {
  it('stores a risk with its threats, services and assets, and an audit row in words', async () => {
    const id = await newRisk()
    expect(lastRedirect()).toBe(`/risks/${id}?saved=created`)
    const r = await db.risk.findUniqueOrThrow({
      where: { id },
      include: { threats: true, services: true, assets: true },
    })
    expect(r).toMatchObject({
      likelihood: 2,
      impact: 5,
      residualLikelihood: null,
      owner: 'Business manager',
      version: 1,
    })
    expect(r.nextReviewOn?.toISOString().slice(0, 10)).toBe('2027-03-01')
    expect(r.threats.map((t) => t.id).sort()).toEqual([...s.threatIds].sort())
    expect(r.services.map((x) => x.id)).toEqual([s.serviceId])
    expect(r.assets.map((x) => x.id)).toEqual([s.assetId])
    const [row] = await audit(s.schoolId, 'Risk')
    expect(row).toMatchObject({ action: 'create', entityId: id })
    expect(row?.after).toMatchObject({
      name: 'Server room fire',
      threats: 'Fire, Power failure',
      services: 'MIS',
    })
  })

  it('refuses bad input beside the field and gives back every value entered', async () => {
    const before = await registerSnapshot(s.schoolId)
    const r = await createRiskAction(
      null,
      form(riskFields({ title: '  ', likelihood: 7, residualLikelihood: 3 })),
    )
    expect(r).toMatchObject({ ok: false, reason: 'INVALID' })
    if (r.ok) return
    expect(r.fieldErrors?.title).toEqual(['Give the risk a title.'])
    expect(r.fieldErrors?.likelihood).toEqual(['Choose the likelihood.'])
    expect(r.values).toMatchObject({
      owner: 'Business manager',
      [`threat_${s.threatIds[0]}`]: 'yes',
      residualLikelihood: '3',
    })
    const half = await createRiskAction(null, form(riskFields({ residualLikelihood: 1 })))
    expect(half.ok === false && half.fieldErrors?.residualImpact?.[0]).toContain('both residual values')
    const worse = await createRiskAction(null, form(riskFields({ residualLikelihood: 5, residualImpact: 5 })))
    expect(worse.ok === false && worse.fieldErrors?.residualLikelihood?.[0]).toContain(
      'cannot make a risk worse',
    )
    const nul = await createRiskAction(null, form(riskFields({ owner: 'a\u0000b' })))
    expect(nul.ok === false && nul.fieldErrors?.owner).toBeDefined()
    expect(await registerSnapshot(s.schoolId)).toEqual(before)
  })

  it("refuses another school's category, threat, service or asset, and stores nothing", async () => {
    const foreignService = await makeService(s.otherId, { name: 'Theirs' })
    const foreignAsset = await makeAsset(s.otherId, { name: 'Theirs' })
    const before = await registerSnapshot(s.schoolId)
    for (const extra of [
      { [`service_${foreignService.id}`]: 'yes' },
      { [`asset_${foreignAsset.id}`]: 'yes' },
    ]) {
      const r = await createRiskAction(null, form(riskFields(extra)))
      expect(r).toMatchObject({ ok: false, reason: 'CONFLICT' })
    }
    asUser(s.otherManager)
    await loadRiskDefaultsAction(null, {})
    const theirCategory = await db.riskCategory.findFirstOrThrow({ where: { schoolId: s.otherId } })
    asUser(s.manager)
    expect(await createRiskAction(null, form(riskFields({ categoryId: theirCategory.id })))).toMatchObject({
      ok: false,
      reason: 'INVALID',
    })
    expect(await registerSnapshot(s.schoolId)).toEqual(before)
  })

  it('edits a risk by version: a stale save changes nothing and carries what is stored now', async () => {
    const id = await newRisk()
    const saved = await updateRiskAction(
      null,
      form({
        ...riskFields({ title: 'Fire in the server room', residualLikelihood: 1, residualImpact: 4 }),
        [`threat_${s.threatIds[1]}`]: '',
        id,
        version: 1,
      }),
    )
    expect(saved).toMatchObject({ ok: true, data: { version: 2 } })
    const r = await db.risk.findUniqueOrThrow({ where: { id }, include: { threats: true } })
    expect(r).toMatchObject({ title: 'Fire in the server room', residualLikelihood: 1, residualImpact: 4 })
    expect(r.threats.map((t) => t.id)).toEqual([s.threatIds[0]])
    const before = await registerSnapshot(s.schoolId)
    const stale = await updateRiskAction(null, form({ ...riskFields({ title: 'Mine' }), id, version: 1 }))
    expect(stale).toMatchObject({
      ok: false,
      reason: 'STALE',
      current: { name: 'Fire in the server room', version: 2 },
    })
    expect(await registerSnapshot(s.schoolId)).toEqual(before)
    const [, update] = await audit(s.schoolId, 'Risk')
    expect(update?.action).toBe('update')
    expect(update?.before).toMatchObject({ residualLikelihood: null, threats: 'Fire, Power failure' })
    expect(update?.after).toMatchObject({ residualLikelihood: 1, threats: 'Fire' })
  })

  it("answers not found for another school's risk, and for a role that may not edit", async () => {
    const id = await newRisk()
    const before = await registerSnapshot(s.schoolId)
    asUser(s.otherManager)
    expect(await updateRiskAction(null, form({ ...riskFields(), id, version: 1 }))).toMatchObject({
      ok: false,
      reason: 'NOT_FOUND',
    })
    expect(await setRiskStatusAction(null, form({ id, version: 1, status: 'CLOSED' }))).toMatchObject({
      ok: false,
      reason: 'NOT_FOUND',
    })
    asUser(s.team)
    expect(await setRiskStatusAction(null, form({ id, version: 1, status: 'CLOSED' }))).toMatchObject({
      ok: false,
      reason: 'NOT_FOUND',
    })
    expect(await registerSnapshot(s.schoolId)).toEqual(before)
  })

  it('closes and reopens a risk; closed risks leave the heat map', async () => {
    const id = await newRisk()
    expect((await getHeatMap(s.schoolId)).total).toBe(1)
    expect(await setRiskStatusAction(null, form({ id, version: 1, status: 'CLOSED' }))).toMatchObject({
      ok: true,
    })
    expect(await db.risk.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'CLOSED', version: 2 })
    expect((await getHeatMap(s.schoolId)).total).toBe(0)
    expect(await setRiskStatusAction(null, form({ id, version: 1, status: 'OPEN' }))).toMatchObject({
      ok: false,
      reason: 'STALE',
    })
    expect(await setRiskStatusAction(null, form({ id, version: 2, status: 'OPEN' }))).toMatchObject({
      ok: true,
    })
    expect((await audit(s.schoolId, 'Risk')).map((r) => r.action)).toEqual(['create', 'close', 'reopen'])
  })

  it('sets the appetite by version, and the register marks risks above it', async () => {
    await newRisk({ likelihood: 3, impact: 4 })
    await newRisk({ title: 'Small', likelihood: 1, impact: 2 })
    const school = await db.school.findUniqueOrThrow({ where: { id: s.schoolId } })
    const bad = await setRiskAppetiteAction(null, form({ appetite: 30, version: school.version }))
    expect(bad.ok === false && bad.fieldErrors?.appetite?.[0]).toContain('from 1 to 24')
    expect(await setRiskAppetiteAction(null, form({ appetite: 12, version: school.version }))).toMatchObject({
      ok: true,
    })
    const p = {
      status: 'open',
      above: true,
      overdue: false,
      basis: 'inherent',
      sort: 'score',
      page: 1,
    } as const
    expect((await getRegister(s.schoolId, p, 'Europe/London')).total).toBe(0)
    expect(await setRiskAppetiteAction(null, form({ appetite: 6, version: school.version }))).toMatchObject({
      ok: false,
      reason: 'STALE',
    })
    expect(
      await setRiskAppetiteAction(null, form({ appetite: 6, version: school.version + 1 })),
    ).toMatchObject({ ok: true })
    const reg = await getRegister(s.schoolId, p, 'Europe/London')
    expect(reg.rows.map((r) => r.title)).toEqual(['Server room fire'])
    expect((await audit(s.schoolId, 'RiskRegister')).at(-1)?.after).toMatchObject({ riskAppetite: 6 })
  })

  it('filters the register to one heat map cell, inherent or residual', async () => {
    await newRisk({ title: 'A', likelihood: 4, impact: 5, residualLikelihood: 2, residualImpact: 3 })
    await newRisk({ title: 'B', likelihood: 4, impact: 5 })
    const p = { status: 'open', above: false, overdue: false, sort: 'title', page: 1 } as const
    const cell = (l: number, i: number, basis: 'inherent' | 'residual') =>
      getRegister(s.schoolId, { ...p, l, i, basis }, 'Europe/London').then((r) => r.rows.map((x) => x.title))
    expect(await cell(4, 5, 'inherent')).toEqual(['A', 'B'])
    expect(await cell(4, 5, 'residual')).toEqual(['B'])
    expect(await cell(2, 3, 'residual')).toEqual(['A'])
    const map = await getHeatMap(s.schoolId)
    expect(countAt(map.inherent, 4, 5)).toBe(2)
    expect(countAt(map.residual, 2, 3)).toBe(1)
  })
})

describe('risks proposed from the catalogue', () => {
  beforeEach(async () => {
    // The server is a single point of failure: the vital MIS needs it and it has no standby.
    await db.serviceAsset.create({
      data: { schoolId: s.schoolId, serviceId: s.serviceId, assetId: s.assetId },
    })
  })

  it('accepts a proposal: one risk, linked to its asset, with its category, threats and services', async () => {
    const { proposals } = await listProposals(s.schoolId)
    const key = `SPOF:${s.assetId}`
    expect(proposals.map((p) => p.key)).toEqual([key])
    const r = await acceptProposalAction(null, form({ key }))
    expect(r.ok).toBe(true)
    const id = r.ok ? r.data.id : ''
    expect(lastRedirect()).toBe(`/risks/${id}?saved=accepted`)
    const risk = await db.risk.findUniqueOrThrow({
      where: { id },
      include: { category: true, threats: true, services: true, assets: true },
    })
    expect(risk).toMatchObject({
      proposalKey: key,
      sourceAssetId: s.assetId,
      title: 'Failure of Server',
      impact: 5,
    })
    expect(risk.category.defaultKey).toBe('internal')
    expect(risk.services.map((x) => x.id)).toEqual([s.serviceId])
    expect(risk.assets.map((x) => x.id)).toEqual([s.assetId])
    expect(risk.threats.map((t) => t.defaultKey)).toContain('power-failure')
    expect((await listProposals(s.schoolId)).proposals).toEqual([])
    // Accepting again finds nothing to accept.
    expect(await acceptProposalAction(null, form({ key }))).toMatchObject({ ok: false, reason: 'NOT_FOUND' })
    expect(await db.risk.count({ where: { schoolId: s.schoolId } })).toBe(1)
    expect((await audit(s.schoolId, 'Risk'))[0]?.action).toBe('accept-proposal')
  })

  it('dismisses with a reason; the proposal stays away until the asset changes', async () => {
    const key = `SPOF:${s.assetId}`
    const noReason = await dismissProposalAction(null, form({ key, reason: ' ' }))
    expect(noReason.ok === false && noReason.fieldErrors?.reason).toEqual([
      'Say why this is not a risk for the school.',
    ])
    expect(await dismissProposalAction(null, form({ key, reason: 'Replaced next month' }))).toMatchObject({
      ok: true,
    })
    expect((await listProposals(s.schoolId)).proposals).toEqual([])
    expect((await audit(s.schoolId, 'RiskProposal'))[0]?.after).toMatchObject({
      name: 'Failure of Server',
      reason: 'Replaced next month',
    })
    expect(await dismissProposalAction(null, form({ key, reason: 'Again' }))).toMatchObject({
      ok: false,
      reason: 'NOT_FOUND',
    })
    const r = await updateAssetAction(
      null,
      assetForm({
        id: s.assetId,
        version: 1,
        name: 'Server',
        location: 'Office',
        standbyArrangement: '',
        standbyVerifiedAt: '',
      }),
    )
    expect(r.ok).toBe(true)
    expect((await listProposals(s.schoolId)).proposals.map((p) => p.key)).toEqual([key])
  })

  it('proposes data with no recorded backup until a backup copy is recorded, and again once it is archived', async () => {
    const data = await makeAsset(s.schoolId, {
      name: 'Pupil records',
      type: 'DATA',
      standbyArrangement: 'Spare disk',
    })
    const key = `NO_BACKUP:${data.id}`
    // A standby is not a copy of the data: the proposal stands.
    expect((await listProposals(s.schoolId)).proposals.map((p) => p.key)).toContain(key)
    const made = await createBackupAction(
      null,
      form({
        subject: `asset:${data.id}`,
        name: 'Nightly copy',
        location: 'CLOUD',
        medium: 'CLOUD_STORAGE',
        frequencyValue: 1,
        frequencyUnit: 'days',
        retention: '',
        notes: '',
      }),
    )
    expect(made.ok).toBe(true)
    expect((await listProposals(s.schoolId)).proposals.map((p) => p.key)).not.toContain(key)
    const id = made.ok ? made.data.id : ''
    expect((await archiveBackupAction(null, form({ id, version: 1, confirm: 'yes' }))).ok).toBe(true)
    expect((await listProposals(s.schoolId)).proposals.map((p) => p.key)).toContain(key)
  })

  it("answers not found for another school's proposal and changes nothing", async () => {
    const before = await registerSnapshot(s.schoolId)
    asUser(s.otherManager)
    const key = `SPOF:${s.assetId}`
    expect(await acceptProposalAction(null, form({ key }))).toMatchObject({ ok: false, reason: 'NOT_FOUND' })
    expect(await dismissProposalAction(null, form({ key, reason: 'x' }))).toMatchObject({
      ok: false,
      reason: 'NOT_FOUND',
    })
    expect(await registerSnapshot(s.schoolId)).toEqual(before)
  })
})

describe('countermeasures', () => {
  const fields = (riskId: string, over: Record<string, string | number> = {}) => ({
    title: 'UPS for the server cabinet',
    description: '',
    [`risk_${riskId}`]: 'yes',
    kind: 'PREVENT',
    process: 'AVAILABILITY',
    owner: 'Network manager',
    status: 'PLANNED',
    dueOn: '2027-01-31',
    costPounds: '£1,250',
    lastVerifiedOn: '',
    verificationNote: '',
    ...over,
  })

  it('creates, edits by version, changes status, archives and restores, with audit rows', async () => {
    const riskId = await newRisk()
    const r = await createCountermeasureAction(null, form(fields(riskId)))
    expect(r.ok).toBe(true)
    const id = r.ok ? r.data.id : ''
    expect(lastRedirect()).toBe(`/risks/countermeasures/${id}?saved=created`)
    const stored = await db.countermeasure.findUniqueOrThrow({ where: { id }, include: { risks: true } })
    expect(stored).toMatchObject({ costPounds: 1250, kind: 'PREVENT', status: 'PLANNED' })
    expect(stored.risks.map((x) => x.id)).toEqual([riskId])
    expect(
      await updateCountermeasureAction(
        null,
        form({ ...fields(riskId, { owner: 'Bursar' }), id, version: 1 }),
      ),
    ).toMatchObject({
      ok: true,
    })
    expect(await updateCountermeasureAction(null, form({ ...fields(riskId), id, version: 1 }))).toMatchObject(
      {
        ok: false,
        reason: 'STALE',
        current: { owner: 'Bursar', version: 2 },
      },
    )
    expect(
      await setCountermeasureStatusAction(null, form({ id, version: 2, status: 'VERIFIED' })),
    ).toMatchObject({
      ok: true,
    })
    const verified = await db.countermeasure.findUniqueOrThrow({ where: { id } })
    expect(verified.status).toBe('VERIFIED')
    expect(verified.lastVerifiedOn).not.toBeNull()
    expect(await archiveCountermeasureAction(null, form({ id, version: 3 }))).toMatchObject({ ok: true })
    expect(await restoreCountermeasureAction(null, form({ id, version: 4 }))).toMatchObject({ ok: true })
    expect((await audit(s.schoolId, 'Countermeasure')).map((x) => x.action)).toEqual([
      'create',
      'update',
      'change-status',
      'archive',
      'restore',
    ])
  })

  it('refuses a verified measure with no day, a bad cost, and a risk of another school', async () => {
    const riskId = await newRisk()
    const before = await registerSnapshot(s.schoolId)
    const cost = await createCountermeasureAction(null, form(fields(riskId, { costPounds: 'lots' })))
    expect(cost).toMatchObject({ ok: false, reason: 'INVALID', values: { costPounds: 'lots' } })
    expect(cost.ok === false && cost.fieldErrors?.costPounds?.[0]).toContain('pounds')
    const r = await createCountermeasureAction(null, form(fields(riskId, { status: 'VERIFIED' })))
    expect(r).toMatchObject({ ok: false, reason: 'INVALID', values: { status: 'VERIFIED' } })
    expect(r.ok === false && r.fieldErrors?.lastVerifiedOn?.[0]).toContain('needs the day')
    asUser(s.otherManager)
    expect(await createCountermeasureAction(null, form(fields(riskId)))).toMatchObject({
      ok: false,
      reason: 'CONFLICT',
    })
    expect(await registerSnapshot(s.schoolId)).toEqual(before)
  })
})

describe('exports', () => {
  it('writes the register and the countermeasures as CSV with scores, and defuses formulas', async () => {
    const riskId = await newRisk({
      title: '=HYPERLINK("http://x")',
      residualLikelihood: 1,
      residualImpact: 5,
    })
    await createCountermeasureAction(
      null,
      form({
        title: '+cmd',
        [`risk_${riskId}`]: 'yes',
        kind: 'DETECT',
        process: 'INCIDENT',
        status: 'PLANNED',
      }),
    )
    const { risksCsv, countermeasuresCsv } = await import('@/lib/risks/export')
    const risks = await risksCsv(s.schoolId)
    expect(risks.split('\n')[0]).toContain('title,category,status,threats')
    expect(risks).toContain(`'=HYPERLINK`)
    expect(risks).toContain('Fire; Power failure')
    // Score 10 (high) before, 5 (medium) now.
    expect(risks).toMatch(/,2,5,10,High,1,5,5,Medium,/)
    const cms = await countermeasuresCsv(s.schoolId)
    expect(cms).toContain(`'+cmd`)
    expect(cms).toContain('Detect,Incident management')
    // Another school's export holds none of this school's rows.
    expect(await risksCsv(s.otherId)).not.toContain('HYPERLINK')
  })
})
