import { expect, test } from '@playwright/test'
import { query, screenshots, signInAs } from './support'

async function assetCount() {
  return Number((await query<{ n: string }>('SELECT count(*) AS n FROM "Asset"'))[0]!.n)
}

test.describe.configure({ mode: 'serial' })

test('a manager loads the starter catalogue, links a new service and watches a single point of failure come and go', async ({
  page,
}) => {
  await signInAs(page, 'MANAGER')
  await page.getByRole('button', { name: 'Load the starter catalogue' }).click()
  await expect(page.locator('[data-notice="success"]')).toContainText('Added 12 services')
  await expect(page.getByRole('region', { name: 'Services and assets' })).toContainText('12Services')
  await screenshots(page, 'dashboard-with-catalogue')

  // A new asset with no standby...
  await page.goto('/assets')
  await screenshots(page, 'assets')
  await page.goto('/assets/new')
  await screenshots(page, 'asset-new')
  await page.getByLabel('Name', { exact: true }).fill('Exams officer laptop')
  await page.getByLabel('Type').selectOption('HARDWARE')
  await page.getByRole('button', { name: 'Add asset' }).click()
  await expect(page.getByRole('heading', { name: 'Exams officer laptop', level: 1 })).toBeVisible()
  const assetUrl = page.url()
  await expect(page.getByTestId('spof-badge')).toHaveCount(0)

  // ...needed by a new vital service makes a single point of failure.
  await page.goto('/services/new')
  await page.getByLabel('Name').fill('Exam entries')
  await page.getByLabel('Criticality').selectOption('1')
  await page.getByRole('button', { name: 'Add service' }).click()
  await expect(page.getByRole('heading', { name: 'Exam entries', level: 1 })).toBeVisible()
  await page.getByLabel('Asset this service needs').selectOption({ label: 'Exams officer laptop' })
  await page.getByRole('button', { name: 'Add link' }).click()
  await expect(page.getByTestId('service-deps')).toContainText('Exams officer laptop')
  await expect(page.getByTestId('service-deps')).toContainText('Single point of failure')
  await screenshots(page, 'service-with-spof')

  await page.goto(assetUrl)
  await expect(page.getByTestId('spof-badge')).toBeVisible()
  await screenshots(page, 'asset-spof')
  await page.goto('/dependencies')
  await expect(page.getByTestId('spof-list')).toContainText('Exams officer laptop')
  await screenshots(page, 'dependencies')

  // A standby takes it away again.
  await page.goto(assetUrl)
  await page.getByLabel('Standby arrangement').fill('Spare laptop in the office safe')
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByTestId('spof-badge')).toHaveCount(0)
  await page.goto('/dependencies')
  await expect(page.getByTestId('spof-list')).not.toContainText('Exams officer laptop')
  await page.goto('/dependencies?service=x')
  await expect(page.getByRole('heading', { name: 'Dependencies', level: 1 })).toBeVisible()
})

test('a CSV with one bad row shows the problem and writes nothing', async ({ page }) => {
  await signInAs(page, 'MANAGER')
  await page.goto('/assets')
  await page.getByRole('link', { name: 'Import from CSV' }).click()
  const before = await assetCount()
  await page.getByLabel('Asset register (CSV)').setInputFiles({
    name: 'register.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      'name,type,location\nHall projector,Hardware,Main hall\nMystery box,Spaceship,Loft\nPayroll data,Data,\n',
    ),
  })
  await page.getByRole('button', { name: 'Check the file' }).click()
  await expect(page.getByTestId('import-summary')).toHaveText('2 rows ready to import; 1 with problems.')
  await expect(page.getByRole('row', { name: /Mystery box/ })).toContainText('Type "Spaceship" is not one of')
  await expect(page.getByRole('button', { name: 'Import 2 valid rows' })).toBeDisabled()
  await screenshots(page, 'asset-import-preview')
  expect(await assetCount()).toBe(before)
})

test('a team member reads services, assets and dependencies but has nothing to change', async ({ page }) => {
  await signInAs(page, 'TEAM')
  await page.goto('/assets')
  await expect(page.getByRole('link', { name: 'Add an asset' })).toHaveCount(0)
  await expect(page.getByRole('link', { name: 'Import from CSV' })).toHaveCount(0)
  await screenshots(page, 'assets-team')
  await page.getByRole('link', { name: 'Exams officer laptop' }).click()
  await expect(page.getByRole('button', { name: 'Save changes' })).toHaveCount(0)
  await page.goto('/services')
  await page.getByRole('link', { name: 'Exam entries' }).click()
  await expect(page.getByRole('button', { name: 'Add link' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: /Remove/ })).toHaveCount(0)
  expect((await page.goto('/assets/import'))?.status()).toBe(404)
  const exported = await page.request.get('/assets/export')
  expect(exported.status()).toBe(200)
  expect(await exported.text()).toContain('Exams officer laptop')
})
