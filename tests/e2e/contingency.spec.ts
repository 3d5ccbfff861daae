/*
 * Contingency plans, their steps and backups, as a manager does them: a plan whose every control keeps
 * its value after an error and is stored exactly as entered; steps added and reordered by keyboard;
 * backups and a restore test recorded until the 3-2-1 and restore-test flags turn. Each test works in a
 * school of its own, with screenshots of every new page at desktop width and at 360 px.
 */
import { randomBytes } from 'node:crypto'
import type { Page } from '@playwright/test'
import { expect, type TestDb, test } from './fixtures'
import { screenshots } from './support'

const newId = () => `c${randomBytes(12).toString('hex')}`

async function recoveryRole(db: TestDb, schoolId: string, name: string) {
  const id = newId()
  await db.query(
    `INSERT INTO "RecoveryRole" (id, "schoolId", name, "updatedAt") VALUES ($1, $2, $3, now())`,
    [id, schoolId, name],
  )
  return id
}

const PLAN = {
  name: 'Supplier outage or ransomware',
  strategy: 'Intermediate recovery (warm standby)',
  description: 'Restore onto the supplier standby.',
  oneOffCost: '1,200',
  yearlyCost: 'lots',
  manualWorkaround: 'Paper registers; phone cascade.',
  invocationCriteria: 'Down for more than 2 hours.',
  supplier: 'Acme IT',
  contract: 'ACME-SB-7',
  contact: 'Service desk 0161 000 0000',
  howToInvoke: 'Phone and quote the contract.',
  invokeCost: '250.50',
}

async function fillPlan(page: Page, serviceId: string) {
  await page.getByLabel('Service', { exact: true }).selectOption(serviceId)
  await page.getByLabel('What it covers', { exact: true }).fill(PLAN.name)
  await page.getByRole('radio', { name: PLAN.strategy }).check()
  await page.getByLabel('Description', { exact: true }).fill(PLAN.description)
  await page.getByLabel('One-off cost (£)', { exact: true }).fill(PLAN.oneOffCost)
  await page.getByLabel('Yearly cost (£)', { exact: true }).fill(PLAN.yearlyCost)
  await page.getByLabel('Manual workaround', { exact: true }).fill(PLAN.manualWorkaround)
  await page.getByLabel('When to invoke it', { exact: true }).fill(PLAN.invocationCriteria)
  await page.getByLabel('Supplier', { exact: true }).fill(PLAN.supplier)
  await page.getByLabel('Contract', { exact: true }).fill(PLAN.contract)
  await page.getByLabel('Contact', { exact: true }).fill(PLAN.contact)
  await page.getByLabel('How to invoke it', { exact: true }).fill(PLAN.howToInvoke)
  await page.getByLabel('Cost to invoke (£)', { exact: true }).fill(PLAN.invokeCost)
}

test('a manager writes a contingency plan: every control keeps its value after an error, and it is stored as entered', async ({
  page,
  signedInAs,
  db,
  school,
}) => {
  await db.service(school.id, { name: 'E-mail' })
  const mis = await db.service(school.id, { name: 'Management information system' })
  await signedInAs('MANAGER')
  await page.goto('/contingency')
  await expect(page.getByTestId('plan-list')).toContainText('No contingency plan')
  await expect(page.getByText('2 services, 2 with no contingency plan')).toBeVisible()
  await screenshots(page, 'contingency-list-empty')
  await page.getByRole('link', { name: 'Add a plan', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Add a contingency plan', level: 1 })).toBeVisible()
  await fillPlan(page, mis)
  await screenshots(page, 'contingency-new')
  await page.getByRole('button', { name: 'Add plan' }).click()
  await expect(page.locator('[data-notice="error"]')).toContainText('The plan was not saved')
  await expect(page.locator('#f-yearlyCost-error')).toContainText('pounds')
  // Every control as entered: the drop-down, the radio, every text.
  await expect(page.getByLabel('Service', { exact: true })).toHaveValue(mis)
  await expect(page.getByRole('radio', { name: PLAN.strategy })).toBeChecked()
  await expect(page.getByLabel('What it covers', { exact: true })).toHaveValue(PLAN.name)
  await expect(page.getByLabel('Description', { exact: true })).toHaveValue(PLAN.description)
  await expect(page.getByLabel('One-off cost (£)', { exact: true })).toHaveValue(PLAN.oneOffCost)
  await expect(page.getByLabel('Yearly cost (£)', { exact: true })).toHaveValue(PLAN.yearlyCost)
  await expect(page.getByLabel('Manual workaround', { exact: true })).toHaveValue(PLAN.manualWorkaround)
  await expect(page.getByLabel('When to invoke it', { exact: true })).toHaveValue(PLAN.invocationCriteria)
  await expect(page.getByLabel('Supplier', { exact: true })).toHaveValue(PLAN.supplier)
  await expect(page.getByLabel('Contract', { exact: true })).toHaveValue(PLAN.contract)
  await expect(page.getByLabel('Contact', { exact: true })).toHaveValue(PLAN.contact)
  await expect(page.getByLabel('How to invoke it', { exact: true })).toHaveValue(PLAN.howToInvoke)
  await expect(page.getByLabel('Cost to invoke (£)', { exact: true })).toHaveValue(PLAN.invokeCost)
  expect(await db.query('SELECT id FROM "ContingencyPlan" WHERE "schoolId" = $1', [school.id])).toHaveLength(
    0,
  )

  await page.getByLabel('Yearly cost (£)', { exact: true }).fill('£350')
  await page.getByRole('button', { name: 'Add plan' }).click()
  await expect(page.getByRole('heading', { name: PLAN.name, level: 1 })).toBeVisible()
  await expect(page.locator('[data-notice="success"]')).toContainText('The plan was added')
  const [row] = await db.query<Record<string, unknown>>(
    `SELECT "serviceId", strategy, description, "oneOffCostPence", "yearlyCostPence", "manualWorkaround",
            "invocationCriteria", "standbySupplier", "standbyContract", "standbyContact", "standbyHowToInvoke",
            "standbyInvokeCostPence" FROM "ContingencyPlan" WHERE "schoolId" = $1`,
    [school.id],
  )
  expect(row).toEqual({
    serviceId: mis,
    strategy: 'INTERMEDIATE',
    description: PLAN.description,
    oneOffCostPence: 120000,
    yearlyCostPence: 35000,
    manualWorkaround: PLAN.manualWorkaround,
    invocationCriteria: PLAN.invocationCriteria,
    standbySupplier: PLAN.supplier,
    standbyContract: PLAN.contract,
    standbyContact: PLAN.contact,
    standbyHowToInvoke: PLAN.howToInvoke,
    standbyInvokeCostPence: 25050,
  })
  await page.goto('/contingency')
  await expect(page.getByText('2 services, 1 with no contingency plan')).toBeVisible()
  await screenshots(page, 'contingency-list')
})

test('a manager adds steps for two roles and reorders them by keyboard; a head teacher reads them', async ({
  page,
  signedInAs,
  db,
  school,
  browser,
}) => {
  const service = await db.service(school.id, { name: 'Data storage', rtoMinutes: 60 })
  const technician = await recoveryRole(db, school.id, 'ICT technician')
  await recoveryRole(db, school.id, 'Office manager')
  const planId = newId()
  await db.query(
    `INSERT INTO "ContingencyPlan" (id, "schoolId", "serviceId", name, strategy, "updatedAt") VALUES ($1, $2, $3, 'File server failure', 'GRADUAL', now())`,
    [planId, school.id, service],
  )
  await db.query(`INSERT INTO "Procedure" (id, "schoolId", "planId") VALUES ($1, $2, $3)`, [
    newId(),
    school.id,
    planId,
  ])
  await signedInAs('MANAGER')
  await page.goto(`/contingency/${planId}`)
  const add = page.getByRole('form', { name: 'Add a step' })
  const steps = [
    ['Order a replacement server', '30', 'ICT technician'],
    ['Tell staff to use their cloud drives', '10', 'Office manager'],
    ['Restore the shared drives from the NAS', '240', 'ICT technician'],
  ] as const
  for (const [instruction, minutes, role] of steps) {
    await add.getByLabel('What to do').fill(instruction)
    await add.getByLabel('Estimated minutes').fill(minutes)
    await add.getByLabel('Carried out by').selectOption({ label: role })
    // Submitted from the keyboard.
    await add.getByRole('button', { name: 'Add step' }).focus()
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('step-instruction').last()).toHaveText(instruction)
  }
  const order = () => page.getByTestId('step-instruction').allTextContents()
  expect(await order()).toEqual(steps.map((s) => s[0]))
  await expect(page.getByText('Its steps take longer than the service')).toBeVisible()

  // Step 3 up twice, by keyboard: the focus stays on its Move up button between presses.
  await page.getByRole('button', { name: 'Move up: step 3' }).focus()
  await page.keyboard.press('Enter')
  await expect.poll(order).toEqual([steps[0][0], steps[2][0], steps[1][0]])
  await expect(page.getByRole('button', { name: 'Move up: step 2' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect.poll(order).toEqual([steps[2][0], steps[0][0], steps[1][0]])
  // At the top its Move up is disabled, so the focus moves to its Move down.
  await expect(page.getByRole('button', { name: 'Move down: step 1' })).toBeFocused()
  const stored = await db.query<{ instruction: string; recoveryRoleId: string | null }>(
    `SELECT s.instruction, s."recoveryRoleId" FROM "ProcedureStep" s JOIN "Procedure" p ON p.id = s."procedureId"
     WHERE p."planId" = $1 ORDER BY s.position`,
    [planId],
  )
  expect(stored.map((s) => s.instruction)).toEqual([steps[2][0], steps[0][0], steps[1][0]])
  expect(stored[0]!.recoveryRoleId).toBe(technician)

  // Edit the words of a step; the edit form sits in a disclosure.
  await page.getByText('Edit step 2').click()
  const edit = page.getByRole('form', { name: 'Edit step 2' })
  await edit.getByLabel('What to do').fill('Order a replacement server from Acme IT')
  await edit.getByRole('button', { name: 'Save step' }).click()
  await expect(page.getByTestId('step-instruction').nth(1)).toHaveText(
    'Order a replacement server from Acme IT',
  )
  await screenshots(page, 'contingency-plan')

  // A head teacher reads the plan and its steps, with no controls.
  const head = await browser.newPage()
  await signedInAs('HEAD', head)
  await head.goto(`/contingency/${planId}`)
  await expect(head.getByTestId('step')).toHaveCount(3)
  await expect(head.getByRole('button', { name: /Move up/ })).toHaveCount(0)
  await expect(head.getByRole('form', { name: 'Add a step' })).toHaveCount(0)
  await head.close()
})

test('a manager records backups and a restore test, and watches the 3-2-1 and restore-test flags turn', async ({
  page,
  signedInAs,
  db,
  school,
}) => {
  const data = await db.asset(school.id, { name: 'MIS data', type: 'DATA' })
  await signedInAs('MANAGER')
  await page.goto('/backups')
  const card = page.getByTestId('protected-MIS data')
  await expect(card.getByTestId('three-two-one')).toContainText('Breaks 3-2-1')
  await expect(card.getByTestId('restore-status')).toContainText('Never restore-tested')
  await screenshots(page, 'backups-empty')

  const record = async (name: string, where: string, medium: string, offline: boolean, every = '1') => {
    await page.goto(`/backups/new?subject=asset:${data}`)
    await expect(page.getByLabel('Backup of', { exact: true })).toHaveValue(`asset:${data}`)
    await page.getByLabel('What is backed up', { exact: true }).fill(name)
    await page.getByRole('radio', { name: new RegExp(`^${where}`) }).check()
    if (offline) await page.getByLabel('This copy is offline', { exact: true }).check()
    await page.getByLabel('Medium', { exact: true }).selectOption({ label: medium })
    await page.getByLabel('Every', { exact: true }).fill(every)
    await page.getByLabel('Unit', { exact: true }).selectOption('weeks')
    await page.getByLabel('How long copies are kept', { exact: true }).fill('12 copies')
    await page.getByRole('button', { name: 'Record backup' }).click()
  }
  await record('Nightly to the NAS', 'On site', 'Another server or NAS disk', false)
  await expect(page.getByRole('heading', { name: 'Nightly to the NAS', level: 1 })).toBeVisible()
  await record('Cloud copy', 'Cloud', 'Cloud storage', false)
  await expect(page.getByRole('heading', { name: 'Cloud copy', level: 1 })).toBeVisible()
  // A bad frequency: every control keeps its value (radio, checkbox, drop-downs, text).
  await record('Friday disk', 'Off site', 'Removable disk (USB, RDX)', true, 'soon')
  await expect(page.locator('[data-notice="error"]')).toContainText('The backup was not saved')
  await expect(page.getByLabel('Backup of', { exact: true })).toHaveValue(`asset:${data}`)
  await expect(page.getByLabel('What is backed up', { exact: true })).toHaveValue('Friday disk')
  await expect(page.getByRole('radio', { name: /^Off site/ })).toBeChecked()
  await expect(page.getByLabel('This copy is offline', { exact: true })).toBeChecked()
  await expect(page.getByLabel('Medium', { exact: true })).toHaveValue('REMOVABLE_DISK')
  await expect(page.getByLabel('Every', { exact: true })).toHaveValue('soon')
  await expect(page.getByLabel('Unit', { exact: true })).toHaveValue('weeks')
  await expect(page.getByLabel('How long copies are kept', { exact: true })).toHaveValue('12 copies')
  await screenshots(page, 'backup-new')
  await page.getByLabel('Every', { exact: true }).fill('1')
  await page.getByRole('button', { name: 'Record backup' }).click()
  await expect(page.getByRole('heading', { name: 'Friday disk', level: 1 })).toBeVisible()
  const [disk] = await db.query<Record<string, unknown>>(
    `SELECT location, offline, medium, "frequencyMinutes", retention FROM "Backup" WHERE name = 'Friday disk' AND "schoolId" = $1`,
    [school.id],
  )
  expect(disk).toEqual({
    location: 'OFF_SITE',
    offline: true,
    medium: 'REMOVABLE_DISK',
    frequencyMinutes: 10080,
    retention: '12 copies',
  })
  await expect(page.getByTestId('three-two-one')).toContainText('Meets 3-2-1')
  await expect(page.getByTestId('restore-status')).toContainText('Never restore-tested')

  // A restore test from this copy.
  const test = page.getByRole('form', { name: 'Record a restore test' })
  await test.getByLabel('Minutes it took').fill('35')
  await test.getByLabel('What was restored').fill('The whole MIS database, to a spare laptop')
  await test.getByRole('button', { name: 'Record restore test' }).click()
  await expect(page.getByTestId('restore-tests')).toContainText('The whole MIS database')
  await expect(page.getByTestId('restore-status')).toContainText('Restore-tested')
  await screenshots(page, 'backup-page')

  await page.goto('/backups')
  await expect(card.getByTestId('three-two-one')).toContainText('Meets 3-2-1')
  await expect(card.getByTestId('restore-status')).toContainText('Restore-tested')
  await screenshots(page, 'backups')
  await page.goto(`/assets/${data}`)
  await expect(page.getByRole('region', { name: 'Backups and restore' })).toContainText('Meets 3-2-1')
  await page.goto(`/backups/restore/${data}`)
  await expect(page.getByRole('heading', { name: 'Restoring MIS data', level: 1 })).toBeVisible()
  await screenshots(page, 'restore-procedure')
})

test('a recovery team member cannot open the plans or backups (a real 404)', async ({ page, signedInAs }) => {
  await signedInAs('TEAM')
  for (const path of ['/contingency', '/backups', '/contingency/new', '/backups/new']) {
    const res = await page.goto(path)
    expect(res?.status(), path).toBe(404)
  }
})
