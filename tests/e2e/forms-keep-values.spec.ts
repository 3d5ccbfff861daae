/*
 * Every form keeps every control's value after a failed save, and stores exactly what was entered once
 * the one bad field is fixed: each control is set away from its default, one field is made invalid, the
 * form is submitted, every control is checked, the field is fixed, and the database row is compared.
 * Each test makes its own records, so the spec runs alone or in any order.
 */
import { randomBytes } from 'node:crypto'
import { expect, type Page, test } from '@playwright/test'
import { query, signInAs } from './support'

const tag = () => randomBytes(3).toString('hex')

async function oakfieldId() {
  const [row] = await query<{ id: string }>(`SELECT id FROM "School" WHERE urn = '100001'`)
  return row!.id
}

async function makeAsset(name: string, type = 'HARDWARE') {
  const [row] = await query<{ id: string }>(
    `INSERT INTO "Asset" (id, "schoolId", name, type, "updatedAt") VALUES ($1, $2, $3, $4, now()) RETURNING id`,
    [`e2e${tag()}${tag()}`, await oakfieldId(), name, type],
  )
  return row!.id
}

async function makeService(name: string) {
  const [row] = await query<{ id: string }>(
    `INSERT INTO "Service" (id, "schoolId", name, criticality, "rtoMinutes", "rpoMinutes", "maxOutageMinutes", "updatedAt")
     VALUES ($1, $2, $3, 2, 240, 60, 1440, now()) RETURNING id`,
    [`e2e${tag()}${tag()}`, await oakfieldId(), name],
  )
  return row!.id
}

type ServiceEntry = {
  name: string
  description: string
  owner: string
  users: string
  criticality: string
  rto: [string, string]
  rpo: [string, string]
  max: [string, string]
  minLevel: string
  impacts: [string, string][]
}

const group = (page: Page, name: string) => page.getByRole('group', { name })

async function fillService(page: Page, e: ServiceEntry) {
  await page.getByLabel('Name', { exact: true }).fill(e.name)
  await page.getByLabel('Description').fill(e.description)
  await page.getByLabel('Owner').fill(e.owner)
  await page.getByLabel('Who depends on it').fill(e.users)
  await page.getByLabel('Criticality').selectOption(e.criticality)
  for (const [g, [amount, unit]] of [
    ['Recovery time objective (RTO)', e.rto],
    ['Recovery point objective (RPO)', e.rpo],
    ['Maximum tolerable outage', e.max],
  ] as const) {
    await group(page, g).getByLabel('Amount').fill(amount)
    await group(page, g).getByLabel('Unit').selectOption(unit)
  }
  await page.getByLabel('Minimum acceptable service level').fill(e.minLevel)
  for (const [i, label] of ['After 1 hour', 'After 1 day', 'After 1 week'].entries()) {
    await page.getByLabel(`${label}: impact`).selectOption(e.impacts[i]![0])
    await page.getByLabel(`${label}: what happens`).fill(e.impacts[i]![1])
  }
}

async function expectService(page: Page, e: ServiceEntry) {
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue(e.name)
  await expect(page.getByLabel('Description')).toHaveValue(e.description)
  await expect(page.getByLabel('Owner')).toHaveValue(e.owner)
  await expect(page.getByLabel('Who depends on it')).toHaveValue(e.users)
  await expect(page.getByLabel('Criticality')).toHaveValue(e.criticality)
  for (const [g, [amount, unit]] of [
    ['Recovery time objective (RTO)', e.rto],
    ['Recovery point objective (RPO)', e.rpo],
    ['Maximum tolerable outage', e.max],
  ] as const) {
    await expect(group(page, g).getByLabel('Amount')).toHaveValue(amount)
    await expect(group(page, g).getByLabel('Unit')).toHaveValue(unit)
  }
  await expect(page.getByLabel('Minimum acceptable service level')).toHaveValue(e.minLevel)
  for (const [i, label] of ['After 1 hour', 'After 1 day', 'After 1 week'].entries()) {
    await expect(page.getByLabel(`${label}: impact`)).toHaveValue(e.impacts[i]![0])
    await expect(page.getByLabel(`${label}: what happens`)).toHaveValue(e.impacts[i]![1])
  }
}

async function storedService(name: string) {
  const [row] = await query<Record<string, unknown>>(
    `SELECT name, description, owner, "usersAffected", criticality, "rtoMinutes", "rpoMinutes",
            "maxOutageMinutes", "minServiceLevel", impacts FROM "Service" WHERE name = $1 AND "archivedAt" IS NULL`,
    [name],
  )
  return row
}

test.beforeEach(async ({ page }) => {
  await signInAs(page, 'MANAGER')
})

test('the new-service form keeps every control after an error and stores exactly what was entered', async ({
  page,
}) => {
  const e: ServiceEntry = {
    name: `Cashless catering ${tag()}`,
    description: 'Tills and top-ups',
    owner: 'School business manager',
    users: 'Pupils, kitchen staff',
    criticality: '4',
    rto: ['2', 'days'],
    rpo: ['not a number', 'minutes'],
    max: ['3', 'weeks'],
    minLevel: 'Paper tally of meals',
    impacts: [
      ['LOW', 'Queues at lunch'],
      ['SEVERE', 'No hot meals'],
      ['HIGH', 'Debts pile up'],
    ],
  }
  await page.goto('/services/new')
  await fillService(page, e)
  await page.getByRole('button', { name: 'Add service' }).click()
  await expect(page.locator('[data-notice="error"]')).toContainText('not saved')
  await expect(group(page, 'Recovery point objective (RPO)').getByLabel('Amount')).toHaveAttribute(
    'aria-invalid',
    'true',
  )
  await expectService(page, e)
  await group(page, 'Recovery point objective (RPO)').getByLabel('Amount').fill('45')
  await page.getByRole('button', { name: 'Add service' }).click()
  await expect(page.getByRole('heading', { name: e.name, level: 1 })).toBeVisible()
  await expect(page.locator('[data-notice="success"]')).toContainText('The service was added.')
  expect(await storedService(e.name)).toEqual({
    name: e.name,
    description: e.description,
    owner: e.owner,
    usersAffected: e.users,
    criticality: 4,
    rtoMinutes: 2 * 1440,
    rpoMinutes: 45,
    maxOutageMinutes: 3 * 10080,
    minServiceLevel: e.minLevel,
    impacts: [
      { afterMinutes: 60, level: 'LOW', note: 'Queues at lunch' },
      { afterMinutes: 1440, level: 'SEVERE', note: 'No hot meals' },
      { afterMinutes: 10080, level: 'HIGH', note: 'Debts pile up' },
    ],
  })
})

test('the edit-service form keeps every control after an error and stores exactly what was entered', async ({
  page,
}) => {
  const original = `Telephony ${tag()}`
  const id = await makeService(original)
  await page.goto(`/services/${id}`)
  const e: ServiceEntry = {
    name: '',
    description: 'Hosted VoIP handsets',
    owner: 'Office manager',
    users: 'Office, parents calling in',
    criticality: '3',
    rto: ['90', 'minutes'],
    rpo: ['1', 'weeks'],
    max: ['5', 'days'],
    minLevel: 'One line for emergencies',
    impacts: [
      ['MEDIUM', 'Parents cannot report absence'],
      ['HIGH', 'Safeguarding calls missed'],
      ['SEVERE', 'Complaints'],
    ],
  }
  await fillService(page, e)
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.locator('[data-notice="error"]')).toContainText('not saved')
  await expect(page.getByLabel('Name', { exact: true })).toHaveAttribute('aria-invalid', 'true')
  await expectService(page, e)
  const name = `Telephony (VoIP) ${tag()}`
  await page.getByLabel('Name', { exact: true }).fill(name)
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.locator('[data-notice="success"]')).toBeVisible()
  expect(await storedService(name)).toMatchObject({
    criticality: 3,
    rtoMinutes: 90,
    rpoMinutes: 10080,
    maxOutageMinutes: 5 * 1440,
    owner: 'Office manager',
    usersAffected: 'Office, parents calling in',
    minServiceLevel: 'One line for emergencies',
    impacts: [
      { afterMinutes: 60, level: 'MEDIUM', note: 'Parents cannot report absence' },
      { afterMinutes: 1440, level: 'HIGH', note: 'Safeguarding calls missed' },
      { afterMinutes: 10080, level: 'SEVERE', note: 'Complaints' },
    ],
  })
  await expect(page.getByLabel('Criticality')).toHaveValue('3')
})

type AssetEntry = {
  name: string
  type: string
  location: string
  spec: string
  supplier: string
  contract: string
  standby: string
  arrangement: string
  verified: string
}

async function fillAsset(page: Page, e: AssetEntry) {
  await page.getByLabel('Name', { exact: true }).fill(e.name)
  await page.getByLabel('Type').selectOption(e.type)
  await page.getByLabel('Location').fill(e.location)
  await page.getByLabel('Specification').fill(e.spec)
  await page.getByLabel('Supplier').fill(e.supplier)
  await page.getByLabel('Contract reference').fill(e.contract)
  await page.getByLabel('Standby asset').selectOption(e.standby)
  await page.getByLabel('Standby arrangement').fill(e.arrangement)
  await page.getByLabel('Standby last verified').fill(e.verified)
}

async function expectAsset(page: Page, e: AssetEntry) {
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue(e.name)
  await expect(page.getByLabel('Type')).toHaveValue(e.type)
  await expect(page.getByLabel('Location')).toHaveValue(e.location)
  await expect(page.getByLabel('Specification')).toHaveValue(e.spec)
  await expect(page.getByLabel('Supplier')).toHaveValue(e.supplier)
  await expect(page.getByLabel('Contract reference')).toHaveValue(e.contract)
  await expect(page.getByLabel('Standby asset')).toHaveValue(e.standby)
  await expect(page.getByLabel('Standby arrangement')).toHaveValue(e.arrangement)
  await expect(page.getByLabel('Standby last verified')).toHaveValue(e.verified)
}

async function storedAsset(name: string) {
  const [row] = await query<Record<string, unknown>>(
    `SELECT name, type, location, specification, supplier, "contractRef", "standbyAssetId", "standbyArrangement",
            to_char("standbyVerifiedAt", 'YYYY-MM-DD') AS verified FROM "Asset" WHERE name = $1`,
    [name],
  )
  return row
}

for (const mode of ['new', 'edit'] as const)
  test(`the ${mode}-asset form keeps every control after an error and stores exactly what was entered`, async ({
    page,
  }) => {
    const standby = await makeAsset(`Spare NAS ${tag()}`)
    if (mode === 'new') await page.goto('/assets/new')
    else await page.goto(`/assets/${await makeAsset(`Old NAS ${tag()}`)}`)
    const e: AssetEntry = {
      name: `Backup NAS ${tag()}`,
      type: 'DATA',
      location: 'Server room cabinet 2',
      spec: 'Synology 8 TB, RAID 6',
      supplier: 'Acme IT',
      contract: 'ACME-77',
      standby,
      arrangement: 'Spare unit on the shelf',
      verified: '2099-01-01',
    }
    await fillAsset(page, e)
    await page.getByRole('button', { name: mode === 'new' ? 'Add asset' : 'Save changes' }).click()
    await expect(page.locator('[data-notice="error"]')).toContainText('not saved')
    await expect(page.getByLabel('Standby last verified')).toHaveAttribute('aria-invalid', 'true')
    await expectAsset(page, e)
    await page.getByLabel('Standby last verified').fill('2026-09-01')
    await page.getByRole('button', { name: mode === 'new' ? 'Add asset' : 'Save changes' }).click()
    await expect(page.locator('[data-notice="success"]')).toBeVisible()
    expect(await storedAsset(e.name)).toEqual({
      name: e.name,
      type: 'DATA',
      location: e.location,
      specification: e.spec,
      supplier: e.supplier,
      contractRef: e.contract,
      standbyAssetId: standby,
      standbyArrangement: e.arrangement,
      verified: '2026-09-01',
    })
  })

test('the link form keeps "optional" after an error and stores it', async ({ page }) => {
  const service = await makeService(`Printing ${tag()}`)
  const printer = `Copier ${tag()}`
  const assetId = await makeAsset(printer)
  await page.goto(`/services/${service}`)
  await page.getByLabel('Without it the service').selectOption('false')
  await page.getByRole('button', { name: 'Add link' }).click()
  await expect(page.locator('[data-notice="error"]')).toContainText('not added')
  await expect(page.getByLabel('Without it the service')).toHaveValue('false')
  await page.getByLabel('Asset this service needs').selectOption({ label: printer })
  await page.getByRole('button', { name: 'Add link' }).click()
  await expect(page.locator('[data-notice="success"]')).toContainText('Link added')
  const [link] = await query<{ required: boolean }>(
    `SELECT required FROM "ServiceAsset" WHERE "serviceId" = $1 AND "assetId" = $2`,
    [service, assetId],
  )
  expect(link?.required).toBe(false)
})

test('the dependency form keeps the chosen asset after a refused loop', async ({ page }) => {
  const a = `Switch ${tag()}`
  const b = `Router ${tag()}`
  const aId = await makeAsset(a, 'NETWORK')
  const bId = await makeAsset(b, 'NETWORK')
  await query(
    `INSERT INTO "AssetDependency" (id, "schoolId", "assetId", "dependsOnId") VALUES ($1, $2, $3, $4)`,
    [`e2e${tag()}`, await oakfieldId(), bId, aId],
  )
  await page.goto(`/assets/${aId}`)
  await page.getByLabel('It depends on').selectOption({ label: b })
  await page.getByRole('button', { name: 'Add dependency' }).click()
  await expect(page.locator('[data-notice="error"]')).toContainText('loop')
  await expect(page.getByLabel('It depends on')).toHaveValue(bId)
  const [count] = await query<{ n: string }>(
    `SELECT count(*) AS n FROM "AssetDependency" WHERE "assetId" = $1`,
    [aId],
  )
  expect(count?.n).toBe('0')
})
