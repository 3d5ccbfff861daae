import { expect, test } from './fixtures'
import { postAction, screenshots } from './support'

// Each test works in a school of its own (the `school` fixture), so they run alone and in any order.

test('a manager loads the starter catalogue, links a new service and watches a single point of failure come and go', async ({
  signedInAs,
  assetsPage,
  servicesPage,
}) => {
  const page = await signedInAs('MANAGER')
  await page.getByRole('button', { name: 'Load the starter catalogue' }).click()
  await expect(page.locator('[data-notice="success"]')).toContainText('Added 12 services')
  await expect(page.getByRole('region', { name: 'Services and assets' })).toContainText('12Services')
  await screenshots(page, 'dashboard-with-catalogue')

  // A new asset with no standby...
  await assetsPage.goto()
  await screenshots(page, 'assets')
  await assetsPage.gotoNew()
  await screenshots(page, 'asset-new')
  await page.getByLabel('Name', { exact: true }).fill('Exams officer laptop')
  await page.getByLabel('Type').selectOption('HARDWARE')
  await page.getByRole('button', { name: 'Add asset' }).click()
  await expect(assetsPage.heading('Exams officer laptop')).toBeVisible()
  const assetUrl = page.url()
  await expect(page.getByTestId('spof-badge')).toHaveCount(0)

  // ...needed by a new vital service makes a single point of failure.
  await servicesPage.gotoNew()
  await page.getByLabel('Name').fill('Exam entries')
  await page.getByLabel('Criticality').selectOption('1')
  await servicesPage.addButton().click()
  await expect(servicesPage.heading('Exam entries')).toBeVisible()
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

test('a CSV with one bad row shows the problem and writes nothing', async ({
  signedInAs,
  assetsPage,
  db,
  school,
}) => {
  const page = await signedInAs('MANAGER')
  const assetCount = () => db.count('Asset', school.id)
  await assetsPage.goto()
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

test('a team member reads services, assets and dependencies but has nothing to change', async ({
  signedInAs,
  assetsPage,
  servicesPage,
  db,
  school,
}) => {
  // The catalogue a manager would have built: a vital service that needs a laptop, and a file server.
  const laptop = await db.asset(school.id, { name: 'Exams officer laptop' })
  const other = await db.asset(school.id, { name: 'File server' })
  const exams = await db.service(school.id, { name: 'Exam entries', criticality: 1 })
  await db.link(school.id, exams, laptop)

  const page = await signedInAs('TEAM')
  await assetsPage.goto()
  await expect(page.getByRole('link', { name: 'Add an asset' })).toHaveCount(0)
  await expect(page.getByRole('link', { name: 'Import from CSV' })).toHaveCount(0)
  await screenshots(page, 'assets-team')
  await page.getByRole('link', { name: 'Exams officer laptop' }).click()
  await expect(page.getByRole('button', { name: 'Save changes' })).toHaveCount(0)
  await servicesPage.goto()
  await page.getByRole('link', { name: 'Exam entries' }).click()
  await expect(page.getByRole('button', { name: 'Add link' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: /Remove/ })).toHaveCount(0)
  expect((await page.goto('/assets/import'))?.status()).toBe(404)
  const exported = await page.request.get('/assets/export')
  expect(exported.status()).toBe(200)
  expect(await exported.text()).toContain('Exams officer laptop')
  // Posting straight to the manager's actions, as a crafted request would, is refused and changes nothing.
  const before = await db.catalogueSnapshot()
  const attempts: [string, unknown][] = [
    ['updateAssetAction', { id: laptop, version: 1, name: 'Hijacked', type: 'HARDWARE' }],
    ['archiveAssetAction', { id: laptop, version: 1, confirm: 'yes' }],
    ['addDependencyAction', { assetId: laptop, dependsOnId: other }],
    ['linkServiceAssetAction', { serviceId: exams, assetId: other, required: 'true' }],
    ['changeLinkAction', { serviceId: exams, change: `remove:${laptop}` }],
    ['archiveServiceAction', { id: exams, version: 1, confirm: 'yes' }],
    ['importAssetsAction', { csv: 'name,type\nSneaky,Hardware\n', mode: 'all' }],
    ['loadStarterCatalogueAction', {}],
  ]
  for (const [action, input] of attempts)
    expect(await postAction(page, action, [input]), action).toContain('NOT_FOUND')
  expect(await db.catalogueSnapshot()).toEqual(before)
})
