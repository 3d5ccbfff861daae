import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { expect, type TestDb, test } from './fixtures'
import { mainNav, screenshots } from './support'

const newId = () => `c${randomBytes(12).toString('hex')}`

async function role(db: TestDb, schoolId: string, name: string) {
  const id = newId()
  await db.query(
    `INSERT INTO "RecoveryRole" (id, "schoolId", name, "updatedAt") VALUES ($1, $2, $3, now())`,
    [id, schoolId, name],
  )
  return id
}

async function member(db: TestDb, schoolId: string, name: string, roleIds: string[], mobile: string) {
  const id = newId()
  await db.query(
    `INSERT INTO "TeamMember" (id, "schoolId", name, mobile, "updatedAt") VALUES ($1, $2, $3, $4, now())`,
    [id, schoolId, name, mobile],
  )
  for (const roleId of roleIds)
    await db.query(
      `INSERT INTO "TeamMemberRole" (id, "schoolId", "teamMemberId", "roleId") VALUES ($1, $2, $3, $4)`,
      [newId(), schoolId, id, roleId],
    )
  return id
}

/** A procedure (of a plan or of an asset's restore) with one step per [role, instruction, minutes]. */
async function procedure(
  db: TestDb,
  schoolId: string,
  owner: { planId: string } | { assetId: string },
  steps: [string, string, number][],
) {
  const procedureId = newId()
  await db.query(`INSERT INTO "Procedure" (id, "schoolId", "planId", "assetId") VALUES ($1, $2, $3, $4)`, [
    procedureId,
    schoolId,
    'planId' in owner ? owner.planId : null,
    'assetId' in owner ? owner.assetId : null,
  ])
  for (const [k, [roleId, instruction, minutes]] of steps.entries())
    await db.query(
      `INSERT INTO "ProcedureStep" (id, "schoolId", "procedureId", position, instruction, "estimatedMinutes", "recoveryRoleId", "updatedAt")
       VALUES ($1, $2, $3, $4, $5, $6, $7, now())`,
      [newId(), schoolId, procedureId, k + 1, instruction, minutes, roleId],
    )
}

async function plan(
  db: TestDb,
  schoolId: string,
  serviceId: string,
  name: string,
  steps: [string, string, number][],
) {
  const planId = newId()
  await db.query(
    `INSERT INTO "ContingencyPlan" (id, "schoolId", "serviceId", name, strategy, "manualWorkaround", "standbySupplier", "standbyContact", "updatedAt")
     VALUES ($1, $2, $3, $4, 'MANUAL_WORKAROUND', $5, 'Acme IT Ltd', 'Service desk 0161 496 0000', now())`,
    [planId, schoolId, serviceId, name, `Paper registers while ${name} lasts`],
  )
  await procedure(db, schoolId, { planId }, steps)
}

test('the manager reads the live plan in recovery order, with what is late and what is missing, on screen and on paper', async ({
  page,
  db,
  school,
  signedInAs,
  browser,
}) => {
  const tech = await role(db, school.id, 'Technician')
  const office = await role(db, school.id, 'Office lead')
  await member(db, school.id, 'Tess Tech', [tech], '07700 900123')
  await member(db, school.id, 'Olu Office', [office], '07700 900456')
  const email = await db.service(school.id, {
    name: 'E-mail',
    criticality: 2,
    rtoMinutes: 60,
    maxOutageMinutes: 120,
  })
  const mis = await db.service(school.id, { name: 'MIS', criticality: 1, rtoMinutes: 240 })
  await db.service(school.id, { name: 'Payroll', criticality: 1, rtoMinutes: 480 })
  const server = await db.asset(school.id, { name: 'MIS server' })
  await db.link(school.id, mis, server)
  // Five hours to rebuild the server, then twenty minutes of the plan: late against a 4-hour RTO.
  await procedure(db, school.id, { assetId: server }, [[tech, 'Rebuild the MIS server from the image', 300]])
  await plan(db, school.id, mis, 'MIS server failure', [[office, 'Tell staff to use paper registers', 20]])
  await plan(db, school.id, email, 'E-mail outage', [[office, 'Text parents through the SMS service', 15]])

  await signedInAs('MANAGER')
  await mainNav(page).getByRole('link', { name: 'Recovery plan' }).click()
  await expect(page.getByRole('heading', { name: 'Recovery plan (draft)', level: 1 })).toBeVisible()
  await expect(page.getByText('This is the plan as it stands now, not the approved version')).toBeVisible()
  await expect(page.getByTestId('plan-order').getByRole('listitem')).toHaveCount(3)
  await expect(page.getByTestId('plan-order').getByRole('link')).toHaveText([
    '1. E-mail',
    '2. MIS',
    '3. Payroll',
  ])
  // At risk, said in words beside the bar.
  await expect(page.getByTestId('at-risk')).toHaveText(['At risk: 5 hours 20 minutes against 4 hours'])
  // The gaps come first: no manager or deputy on this new team, and a vital service with no plan.
  const gaps = page.getByTestId('plan-gaps')
  await expect(gaps.getByTestId('plan-gap')).toContainText([
    'Nobody on the recovery team is the service continuity manager.',
    'Nobody on the recovery team is the deputy service continuity manager.',
    'Payroll is vital but has no contingency plan.',
    'MIS is at risk: estimated 5 hours 20 minutes against an RTO of 4 hours.',
  ])
  // A service's section: why, the workaround, steps with the people holding them, the supplier.
  const misSection = page.getByRole('region', { name: '2. MIS' })
  await expect(misSection).toContainText(
    'Why here: Recovered 2nd: RTO 4 hours, vital; needs MIS server, restored 1st.',
  )
  await expect(misSection).toContainText('Paper registers while MIS server failure lasts')
  await expect(misSection.getByTestId('plan-step')).toContainText(['Office lead: Olu Office'])
  await expect(misSection).toContainText('Acme IT Ltd · Service desk 0161 496 0000')
  await expect(misSection.getByRole('link', { name: '07700 900456' })).toHaveAttribute(
    'href',
    'tel:07700900456',
  )
  await expect(page.getByTestId('plan-contacts')).toContainText('Tess Tech')
  await screenshots(page, 'plan-manager')

  // On paper: no navigation, no buttons, black on white.
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.emulateMedia({ media: 'print' })
  await expect(mainNav(page)).toBeHidden()
  await expect(page.getByRole('button', { name: 'Print this plan' })).toBeHidden()
  await expect(page.getByRole('heading', { name: 'Recovery plan (draft)', level: 1 })).toBeVisible()
  const dir = path.join('tests', '.artifacts', 'screens')
  fs.mkdirSync(dir, { recursive: true })
  await page.screenshot({ path: path.join(dir, 'plan-print.png'), fullPage: true })
  const colour = await page.getByTestId('at-risk').evaluate((el) => getComputedStyle(el).color)
  expect(colour).toBe('rgb(0, 0, 0)')
  await page.emulateMedia({ media: 'screen' })
  await expect(page.getByRole('button', { name: 'Print this plan' })).toBeVisible()

  // The head teacher reads it too, contacts included.
  const context = await browser.newContext()
  const head = await signedInAs('HEAD', await context.newPage())
  await mainNav(head).getByRole('link', { name: 'Recovery plan' }).click()
  await expect(head.getByTestId('plan-order').getByRole('link')).toHaveText([
    '1. E-mail',
    '2. MIS',
    '3. Payroll',
  ])
  await expect(head.getByTestId('plan-contacts')).toContainText('07700 900123')
  await context.close()
})

// Viewers and team members read the approved plan (plan-versions.spec.ts), never the live draft: with no
// version approved yet, /plan says so and shows nothing of the draft.
test('a viewer and a team member never see the live draft', async ({ signedInAs, browser, db, school }) => {
  await db.service(school.id, { name: `Draft only ${school.tag}` })
  const page = await signedInAs('VIEWER')
  await mainNav(page).getByRole('link', { name: 'Recovery plan' }).click()
  await expect(page.getByText('No version of the plan has been approved yet')).toBeVisible()
  await expect(page.getByTestId('plan-view')).toHaveCount(0)
  await expect(page.getByText(`Draft only ${school.tag}`)).toHaveCount(0)
  const context = await browser.newContext()
  const team = await signedInAs('TEAM', await context.newPage())
  expect((await team.goto('/plan'))?.status()).toBe(200)
  await expect(team.getByText('No version of the plan has been approved yet')).toBeVisible()
  await expect(team.getByTestId('plan-view')).toHaveCount(0)
  await context.close()
})
