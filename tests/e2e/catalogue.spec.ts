import { expect, test } from '@playwright/test'
import { catalogueSnapshot, postAction, query, screenshots, signInAs } from './support'

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
  // Asking the server to import the whole file anyway is refused, and still writes nothing.
  const csv =
    'name,type,location\nHall projector,Hardware,Main hall\nMystery box,Spaceship,Loft\nPayroll data,Data,\n'
  expect(await postAction(page, 'importAssetsAction', [{ csv, mode: 'all' }])).toContain(
    'nothing was imported',
  )
  expect(await assetCount()).toBe(before)
  // Choosing on purpose to leave the bad row out imports the two good ones.
  await page.getByLabel(/Import only the 2 valid rows/).check()
  await page.getByRole('button', { name: 'Import 2 valid rows' }).click()
  await expect(page.locator('[data-notice="success"]')).toContainText('2 assets were added')
  expect(await assetCount()).toBe(before + 2)
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
  // Posting straight to the manager's actions, as a crafted request would, is refused and changes nothing.
  const [laptop] = await query<{ id: string }>(`SELECT id FROM "Asset" WHERE name = 'Exams officer laptop'`)
  const [other] = await query<{ id: string }>(`SELECT id FROM "Asset" WHERE name = 'File server'`)
  const [exams] = await query<{ id: string }>(`SELECT id FROM "Service" WHERE name = 'Exam entries'`)
  const before = await catalogueSnapshot()
  const attempts: [string, unknown][] = [
    ['updateAssetAction', { id: laptop!.id, version: 1, name: 'Hijacked', type: 'HARDWARE' }],
    ['archiveAssetAction', { id: laptop!.id, version: 1, confirm: 'yes' }],
    ['addDependencyAction', { assetId: laptop!.id, dependsOnId: other!.id }],
    ['linkServiceAssetAction', { serviceId: exams!.id, assetId: other!.id, required: 'true' }],
    ['unlinkServiceAssetAction', { serviceId: exams!.id, assetId: laptop!.id }],
    ['archiveServiceAction', { id: exams!.id, version: 1, confirm: 'yes' }],
    ['importAssetsAction', { csv: 'name,type\nSneaky,Hardware\n', mode: 'all' }],
    ['loadStarterCatalogueAction', {}],
  ]
  for (const [action, input] of attempts)
    expect(await postAction(page, action, [input]), action).toContain('NOT_FOUND')
  expect(await catalogueSnapshot()).toEqual(before)
})
