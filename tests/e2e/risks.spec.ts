import { randomBytes } from 'node:crypto'
import { expect, type TestDb, test } from './fixtures'
import { postAction, screenshots } from './support'

/*
 * Issue 9: the risk register. Each test works in a school of its own (the `school` fixture): a manager
 * turns a single point of failure into a risk and lowers it, dismisses a proposal with a reason, fills
 * the risk form and keeps every value after an error; a head teacher reads it all and changes nothing.
 */

const newId = () => `c${randomBytes(12).toString('hex')}`

/** A vital service that needs an asset with no standby: a single point of failure. */
async function weakPoint(db: TestDb, schoolId: string, asset: string, type = 'HARDWARE') {
  const serviceId = await db.service(schoolId, { name: 'Management information system', criticality: 1 })
  const assetId = await db.asset(schoolId, { name: asset, type })
  await db.link(schoolId, serviceId, assetId)
  return { serviceId, assetId }
}

/** Everything the register holds for a school, to prove a refused request changed nothing. */
async function registerSnapshot(db: TestDb, schoolId: string) {
  const [row] = await db.query<Record<string, string>>(
    `SELECT (SELECT count(*) FROM "Risk" WHERE "schoolId" = $1) AS risks,
            (SELECT coalesce(sum(version), 0) FROM "Risk" WHERE "schoolId" = $1) AS risk_versions,
            (SELECT count(*) FROM "Countermeasure" WHERE "schoolId" = $1) AS cms,
            (SELECT count(*) FROM "RiskCategory" WHERE "schoolId" = $1) AS cats,
            (SELECT count(*) FROM "RiskProposalDismissal" WHERE "schoolId" = $1) AS dismissed,
            (SELECT version FROM "School" WHERE id = $1) AS school_version,
            (SELECT count(*) FROM "AuditEvent" WHERE "schoolId" = $1) AS audit`,
    [schoolId],
  )
  return row
}

test('a manager accepts a proposed risk, finds it on the heat map, lowers it with a countermeasure and watches it move', async ({
  signedInAs,
  db,
  school,
}) => {
  const { assetId } = await weakPoint(db, school.id, 'Exams server')
  const page = await signedInAs('MANAGER')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Risks' }).click()
  await page
    .getByRole('navigation', { name: 'Risks' })
    .getByRole('link', { name: 'Proposed from the catalogue' })
    .click()
  const card = page.getByTestId('proposal-Exams server')
  await expect(card).toContainText('Single point of failure')
  await expect(card).toContainText('Management information system')
  await screenshots(page, 'risk-proposals')
  await card.getByRole('button', { name: 'Accept as a risk' }).click()
  await expect(page.getByRole('heading', { name: 'Failure of Exams server', level: 1 })).toBeVisible()
  await expect(page.locator('[data-notice="success"]')).toContainText('added to the register')
  await expect(page.getByTestId('risk-source')).toContainText('Exams server')
  const riskUrl = page.url().split('?')[0]!
  const [risk] = await db.query<{ id: string; likelihood: number; impact: number; sourceAssetId: string }>(
    `SELECT id, likelihood, impact, "sourceAssetId" FROM "Risk" WHERE "schoolId" = $1`,
    [school.id],
  )
  expect(risk).toMatchObject({ likelihood: 3, impact: 5, sourceAssetId: assetId })
  await screenshots(page, 'risk-page')

  // On the heat map, in the cell likelihood 3, impact 5, on both maps (nothing lowers it yet).
  await page.goto('/risks/heat-map')
  await expect(page.getByTestId('heat-inherent-3-5')).toHaveText('1')
  await expect(page.getByTestId('heat-residual-3-5')).toHaveText('1')
  await screenshots(page, 'risk-heat-map')
  await page.getByTestId('heat-inherent-3-5').click()
  await expect(page.getByTestId('cell-filter')).toContainText('likelihood 3, impact 5')
  await expect(page.getByTestId('risk-Failure of Exams server')).toBeVisible()
  await screenshots(page, 'risk-register-cell')

  // A countermeasure, from a suggestion, for this risk; then marked in place.
  await page.goto(riskUrl)
  await page.getByRole('link', { name: 'Add a countermeasure' }).click()
  await page.getByRole('link', { name: 'Uninterruptible power supply (UPS)' }).click()
  await expect(page.getByLabel('Title')).toHaveValue('Uninterruptible power supply (UPS)')
  await expect(page.getByRole('checkbox', { name: 'Failure of Exams server' })).toBeChecked()
  await screenshots(page, 'countermeasure-new')
  await page.getByLabel('Owner').fill('Network manager')
  await page.getByRole('button', { name: 'Add countermeasure' }).click()
  await expect(
    page.getByRole('heading', { name: 'Uninterruptible power supply (UPS)', level: 1 }),
  ).toBeVisible()
  await expect(page.getByTestId('cm-status')).toContainText('Planned')
  await page.getByRole('button', { name: 'Mark as in place' }).click()
  await expect(page.getByTestId('cm-status')).toContainText('In place')
  // The edit form below shows the new status, so saving it cannot put the old one back.
  await expect(page.getByLabel('Status')).toHaveValue('IN_PLACE')
  await screenshots(page, 'countermeasure-page')

  // The residual score once it is in place: the risk moves cell on the residual map only.
  await page.goto(riskUrl)
  await expect(page.getByTestId('cm-Uninterruptible power supply (UPS)')).toContainText('In place')
  const form = page.getByRole('region', { name: 'Edit this risk' })
  await form.getByRole('group', { name: 'Residual likelihood' }).getByLabel('1. Rare').check()
  await form.getByRole('group', { name: 'Residual impact' }).getByLabel('3. Moderate').check()
  await form.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.locator('[data-notice="success"]')).toContainText('The risk was saved')
  await page.goto('/risks/heat-map')
  await expect(page.getByTestId('heat-inherent-3-5')).toHaveText('1')
  await expect(page.getByTestId('heat-residual-3-5')).toHaveText('0')
  await expect(page.getByTestId('heat-residual-1-3')).toHaveText('1')
  await page.getByTestId('heat-residual-1-3').click()
  await expect(page.getByTestId('risk-Failure of Exams server')).toBeVisible()
  await page.goto('/risks')
  await screenshots(page, 'risk-register')
  // The dashboard's risk panel: nothing above appetite now that the residual is recorded.
  await page.goto('/')
  const panel = page.getByRole('region', { name: 'Risks' })
  await expect(panel).toContainText('0Above appetite')
  await expect(panel).toContainText('1Open risk')
  await screenshots(page, 'dashboard-risks')
})

test('a manager dismisses a proposal with a reason, and it stays dismissed', async ({
  signedInAs,
  db,
  school,
}) => {
  await weakPoint(db, school.id, 'Pupil photographs', 'DATA')
  const page = await signedInAs('MANAGER')
  await page.goto('/risks/proposals')
  const card = page.getByTestId('proposal-Pupil photographs')
  await expect(card).toContainText('Data with no recorded backup')
  await card.getByText('Dismiss with a reason').click()
  await card.getByRole('button', { name: 'Dismiss', exact: true }).click()
  await expect(card.getByText('Say why this is not a risk for the school.')).toBeVisible()
  await card.getByLabel('Why is this not a risk for the school?').fill('Copies are kept by the photographer.')
  await card.getByRole('button', { name: 'Dismiss', exact: true }).click()
  await expect(page.getByTestId('proposal-Pupil photographs')).toHaveCount(0)
  // The card is gone with the proposal, so the page says what happened.
  await expect(page.getByText('The proposal was dismissed.')).toBeVisible()
  await page.reload()
  await expect(page.getByTestId('proposal-Pupil photographs')).toHaveCount(0)
  const rows = await db.query<{ reason: string }>(
    `SELECT reason FROM "RiskProposalDismissal" WHERE "schoolId" = $1`,
    [school.id],
  )
  expect(rows).toEqual([{ reason: 'Copies are kept by the photographer.' }])
})

test('the risk form keeps every control after an error and stores exactly what was entered', async ({
  signedInAs,
  db,
  school,
}) => {
  const { serviceId, assetId } = await weakPoint(db, school.id, 'Office router')
  const page = await signedInAs('MANAGER')
  // The FITS defaults, from the settings page.
  await page.goto('/risks/settings')
  await page.getByRole('button', { name: 'Load the FITS categories and threats' }).click()
  await expect(page.locator('[data-notice="success"]')).toContainText('Added 22')
  await screenshots(page, 'risk-settings')
  await page.goto('/risks/new')
  const entered = {
    description: 'Staff reuse passwords',
    owner: 'Data protection officer',
    nextReviewOn: '2027-02-14',
  }
  await page.getByLabel('Description').fill(entered.description)
  await page.getByLabel('Category').selectOption({ label: 'Loss of data' })
  await page.getByRole('checkbox', { name: 'Phishing' }).check()
  await page.getByRole('checkbox', { name: 'Human error' }).check()
  await page.getByRole('checkbox', { name: 'Management information system' }).check()
  await page.getByRole('checkbox', { name: 'Office router' }).check()
  await page.getByRole('group', { name: 'Likelihood', exact: true }).getByLabel('5. Almost certain').check()
  await page.getByRole('group', { name: 'Impact', exact: true }).getByLabel('2. Minor').check()
  await page.getByRole('group', { name: 'Residual likelihood' }).getByLabel('2. Unlikely').check()
  await page.getByRole('group', { name: 'Residual impact' }).getByLabel('1. Negligible').check()
  await page.getByLabel('Owner').fill(entered.owner)
  await page.getByLabel('Next review').fill(entered.nextReviewOn)
  // The title is left empty.
  await page.getByRole('button', { name: 'Add risk' }).click()
  await expect(page.getByText('Give the risk a title.')).toBeVisible()
  const expectAll = async () => {
    await expect(page.getByLabel('Description')).toHaveValue(entered.description)
    await expect(page.getByLabel('Category').locator('option:checked')).toHaveText('Loss of data')
    for (const name of ['Phishing', 'Human error', 'Management information system', 'Office router'])
      await expect(page.getByRole('checkbox', { name })).toBeChecked()
    await expect(page.getByRole('checkbox', { name: 'Fire' })).not.toBeChecked()
    await expect(
      page.getByRole('group', { name: 'Likelihood', exact: true }).getByLabel('5. Almost certain'),
    ).toBeChecked()
    await expect(
      page.getByRole('group', { name: 'Impact', exact: true }).getByLabel('2. Minor'),
    ).toBeChecked()
    await expect(
      page.getByRole('group', { name: 'Residual likelihood' }).getByLabel('2. Unlikely'),
    ).toBeChecked()
    await expect(
      page.getByRole('group', { name: 'Residual impact' }).getByLabel('1. Negligible'),
    ).toBeChecked()
    await expect(page.getByLabel('Owner')).toHaveValue(entered.owner)
    await expect(page.getByLabel('Next review')).toHaveValue(entered.nextReviewOn)
  }
  await expectAll()
  await screenshots(page, 'risk-new-error')
  await page.getByLabel('Title').fill('Phished MIS login')
  await page.getByRole('button', { name: 'Add risk' }).click()
  await expect(page.getByRole('heading', { name: 'Phished MIS login', level: 1 })).toBeVisible()
  const [r] = await db.query<Record<string, unknown>>(
    `SELECT r.title, r.description, r.owner, r.likelihood, r.impact, r."residualLikelihood", r."residualImpact",
            to_char(r."nextReviewOn", 'YYYY-MM-DD') AS review, c.name AS category,
            (SELECT string_agg(t.name, ', ' ORDER BY t.name) FROM "_RiskToThreat" x JOIN "Threat" t ON t.id = x."B" WHERE x."A" = r.id) AS threats,
            (SELECT string_agg(x."B", ',') FROM "_RiskToService" x WHERE x."A" = r.id) AS services,
            (SELECT string_agg(x."A", ',') FROM "_RiskAssets" x WHERE x."B" = r.id) AS assets
     FROM "Risk" r JOIN "RiskCategory" c ON c.id = r."categoryId" WHERE r."schoolId" = $1`,
    [school.id],
  )
  expect(r).toEqual({
    title: 'Phished MIS login',
    description: entered.description,
    owner: entered.owner,
    likelihood: 5,
    impact: 2,
    residualLikelihood: 2,
    residualImpact: 1,
    review: entered.nextReviewOn,
    category: 'Loss of data',
    threats: 'Human error, Phishing',
    services: serviceId,
    assets: assetId,
  })
})

test('a head teacher reads the register, heat map and proposals, and can change nothing', async ({
  signedInAs,
  db,
  school,
}) => {
  const { assetId } = await weakPoint(db, school.id, 'Core switch')
  const categoryId = newId()
  const riskId = newId()
  await db.query(
    `INSERT INTO "RiskCategory" (id, "schoolId", name, "updatedAt") VALUES ($1, $2, 'Loss of internal ICT services', now())`,
    [categoryId, school.id],
  )
  await db.query(
    `INSERT INTO "Risk" (id, "schoolId", title, "categoryId", likelihood, impact, "updatedAt") VALUES ($1, $2, 'Switch fails', $3, 4, 4, now())`,
    [riskId, school.id, categoryId],
  )
  const page = await signedInAs('HEAD')
  await page.goto('/risks')
  await expect(page.getByTestId('risk-Switch fails')).toContainText('Above appetite')
  await expect(page.getByRole('link', { name: 'Add a risk' })).toHaveCount(0)
  await page.goto('/risks/heat-map')
  await expect(page.getByTestId('heat-inherent-4-4')).toHaveText('1')
  await page.goto('/risks/proposals')
  await expect(page.getByTestId('proposal-Core switch')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Accept as a risk' })).toHaveCount(0)
  await page.goto(`/risks/${riskId}`)
  await expect(page.getByRole('heading', { name: 'Switch fails', level: 1 })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Edit this risk' })).toHaveCount(0)
  await screenshots(page, 'risk-page-head')
  expect((await page.goto('/risks/new'))?.status()).toBe(404)

  // Posting to the actions directly, as any client could: refused, and nothing changes.
  const before = await registerSnapshot(db, school.id)
  for (const [action, input] of [
    ['updateRiskAction', { id: riskId, version: 1, title: 'Mine', categoryId, likelihood: 1, impact: 1 }],
    ['setRiskStatusAction', { id: riskId, version: 1, status: 'CLOSED' }],
    ['acceptProposalAction', { key: `SPOF:${assetId}` }],
    ['loadRiskDefaultsAction', {}],
  ] as const)
    expect(await postAction(page, action, [null, input])).toContain('"reason":"NOT_FOUND"')
  expect(await registerSnapshot(db, school.id)).toEqual(before)
})

test('the countermeasure form keeps every control after an error and stores exactly what was entered', async ({
  signedInAs,
  db,
  school,
}) => {
  const categoryId = newId()
  const riskId = newId()
  await db.query(
    `INSERT INTO "RiskCategory" (id, "schoolId", name, "updatedAt") VALUES ($1, $2, 'Loss of data', now())`,
    [categoryId, school.id],
  )
  await db.query(
    `INSERT INTO "Risk" (id, "schoolId", title, "categoryId", likelihood, impact, "updatedAt") VALUES ($1, $2, 'Ransomware', $3, 4, 5, now())`,
    [riskId, school.id, categoryId],
  )
  const page = await signedInAs('MANAGER')
  await page.goto('/risks/countermeasures/new')
  const e = {
    title: 'Offline copy every Friday',
    description: 'A disk taken home by the business manager',
    owner: 'Business manager',
    dueOn: '2027-01-15',
    lastVerifiedOn: '2026-11-20',
    verificationNote: 'Restored one folder',
  }
  await page.getByLabel('Title').fill(e.title)
  await page.getByLabel('Description').fill(e.description)
  await page.getByRole('checkbox', { name: 'Ransomware' }).check()
  await page.getByRole('group', { name: 'Kind' }).getByLabel('Recover').check()
  await page.getByLabel('FITS process').selectOption('PROBLEM')
  await page.getByLabel('Owner').fill(e.owner)
  await page.getByLabel('Status').selectOption('VERIFIED')
  await page.getByLabel('Due').fill(e.dueOn)
  await page.getByLabel('Cost (£)').fill('lots')
  await page.getByLabel('Last verified').fill(e.lastVerifiedOn)
  await page.getByLabel('How it was verified').fill(e.verificationNote)
  await page.getByRole('button', { name: 'Add countermeasure' }).click()
  await expect(page.getByText('Enter the cost in pounds, like 450 or 1,200.')).toBeVisible()
  await expect(page.getByLabel('Title')).toHaveValue(e.title)
  await expect(page.getByLabel('Description')).toHaveValue(e.description)
  await expect(page.getByRole('checkbox', { name: 'Ransomware' })).toBeChecked()
  await expect(page.getByRole('group', { name: 'Kind' }).getByLabel('Recover')).toBeChecked()
  await expect(page.getByLabel('FITS process')).toHaveValue('PROBLEM')
  await expect(page.getByLabel('Owner')).toHaveValue(e.owner)
  await expect(page.getByLabel('Status')).toHaveValue('VERIFIED')
  await expect(page.getByLabel('Due')).toHaveValue(e.dueOn)
  await expect(page.getByLabel('Cost (£)')).toHaveValue('lots')
  await expect(page.getByLabel('Last verified')).toHaveValue(e.lastVerifiedOn)
  await expect(page.getByLabel('How it was verified')).toHaveValue(e.verificationNote)
  await page.getByLabel('Cost (£)').fill('£1,200')
  await page.getByRole('button', { name: 'Add countermeasure' }).click()
  await expect(page.getByRole('heading', { name: e.title, level: 1 })).toBeVisible()
  const [c] = await db.query<Record<string, unknown>>(
    `SELECT c.title, c.description, c.kind, c.process, c.owner, c.status, c."costPounds",
            to_char(c."dueOn", 'YYYY-MM-DD') AS due, to_char(c."lastVerifiedOn", 'YYYY-MM-DD') AS verified,
            c."verificationNote", (SELECT string_agg(x."B", ',') FROM "_CountermeasureToRisk" x WHERE x."A" = c.id) AS risks
     FROM "Countermeasure" c WHERE c."schoolId" = $1`,
    [school.id],
  )
  expect(c).toEqual({
    title: e.title,
    description: e.description,
    kind: 'RECOVER',
    process: 'PROBLEM',
    owner: e.owner,
    status: 'VERIFIED',
    costPounds: 1200,
    due: e.dueOn,
    verified: e.lastVerifiedOn,
    verificationNote: e.verificationNote,
    risks: riskId,
  })
})
