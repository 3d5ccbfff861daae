import { expect, type Page, test } from '@playwright/test'
import { postAction, query, screenshots, signInAs } from './support'

/*
 * Issue 7, points 6 and 7: what the asset import says about files it cannot read, and the dependency
 * picture drawing what services need (its size is printed: compare with the numbers in the report).
 */
test.describe.configure({ mode: 'serial' })

async function assetCount() {
  return Number((await query<{ n: string }>('SELECT count(*) AS n FROM "Asset"'))[0]!.n)
}

// Loaded by the action (it adds nothing when another spec already loaded it).
async function loadStarter(page: Page) {
  expect(await postAction(page, 'loadStarterCatalogueAction', [{}])).toContain('"ok":true')
}

// The other specs share this database: leave no imported laptops behind for them.
test.afterAll(async () => {
  await query(`DELETE FROM "Asset" WHERE name LIKE 'Imported laptop %'`)
})

test('the dependency picture of the starter catalogue is lean and accessible', async ({ page }) => {
  await signInAs(page, 'MANAGER')
  await loadStarter(page)
  const html = await (await page.request.get('/dependencies')).text()
  console.log(`HTML bytes, starter catalogue, /dependencies: ${html.length}`)
  expect(html.length).toBeLessThan(100_000) // 152,274 bytes before issue 7
  await page.goto('/dependencies')
  const graph = page.getByRole('region', { name: 'Dependency graph (scrolls sideways)' })
  await expect(
    graph.getByRole('link', { name: /Management information system \(MIS\) \(service\)/ }),
  ).toBeVisible()
  await screenshots(page, 'dependencies-starter')
})

test('after importing 1,500 assets no service needs, the picture draws what services need and says how many it left out', async ({
  page,
}) => {
  await signInAs(page, 'MANAGER')
  await loadStarter(page)
  // In three files of 500, as a school would bring in a large register.
  for (let part = 0; part < 3; part++) {
    const rows = Array.from(
      { length: 500 },
      (_, i) => `Imported laptop ${String(part * 500 + i).padStart(4, '0')},Hardware,IT office`,
    )
    expect(
      await postAction(page, 'importAssetsAction', [
        { csv: `name,type,location\n${rows.join('\n')}\n`, mode: 'all' },
      ]),
    ).toContain('"imported":500')
  }
  let t = Date.now()
  const html = await (await page.request.get('/dependencies')).text()
  const ms = Date.now() - t
  t = Date.now()
  const all = await (await page.request.get('/dependencies?show=all')).text()
  console.log(
    `HTML bytes with 1,500 imported: /dependencies ${html.length} (${ms} ms); ?show=all ${all.length} (${Date.now() - t} ms)`,
  )
  expect(html.length).toBeLessThan(150_000) // 2,013,721 bytes before issue 7

  await page.goto('/dependencies')
  const graph = page.getByRole('region', { name: 'Dependency graph (scrolls sideways)' })
  // 1,500, and any unlinked assets other specs left.
  await expect(page.getByTestId('graph-hidden')).toHaveText(
    /^1,5\d\d assets that no service needs are not drawn\. Draw every asset$/,
  )
  await expect(graph.getByRole('link', { name: /Imported laptop/ })).toHaveCount(0)
  await screenshots(page, 'dependencies-hidden')
  await page.getByRole('link', { name: 'Draw every asset' }).click()
  await expect(page).toHaveURL(/show=all/)
  await expect(graph.getByRole('link', { name: /Imported laptop 1499/ })).toHaveCount(1)
  await expect(page.getByLabel(/Also draw the 1,5\d\d assets no service needs/)).toBeChecked()
  // The service filter still works, and a hand-edited URL falls back rather than failing.
  await page.getByLabel('Show', { exact: true }).selectOption({ label: 'Only Printing' })
  await page.getByRole('button', { name: 'Show', exact: true }).click()
  await expect(graph.getByRole('link', { name: /Imported laptop/ })).toHaveCount(0)
  await expect(graph.getByRole('link', { name: /Printing \(service\)/ })).toBeVisible()
  await page.goto('/dependencies?show=everything&show=all&service=%00')
  await expect(page.getByRole('heading', { name: 'Dependencies', level: 1 })).toBeVisible()
})

test('the import says what is wrong with a file beside the file field, and sends nothing it can refuse itself', async ({
  page,
}) => {
  await signInAs(page, 'MANAGER')
  await page.goto('/assets/import')
  const before = await assetCount()
  const file = page.getByLabel('Asset register (CSV)')
  const check = page.getByRole('button', { name: 'Check the file' })
  const error = page.locator('#file-error')

  await check.click()
  await expect(error).toHaveText('Choose a CSV file.')
  await expect(file).toHaveAttribute('aria-describedby', 'file-hint file-error')

  // An Excel workbook: a zip file, whatever its name says.
  await file.setInputFiles({
    name: 'Asset register.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00]),
  })
  await expect(error).toContainText('not a CSV')
  await expect(error).toContainText('File > Save as > CSV UTF-8')
  await check.click()
  await expect(error).toContainText('not a CSV')
  await screenshots(page, 'asset-import-not-csv')

  await file.setInputFiles({
    name: 'huge.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`name,type\n${'Laptop,Hardware\n'.repeat(200_000)}`),
  })
  await expect(error).toContainText('keep it under 2 MB')
  await check.click()
  await expect(error).toContainText('keep it under 2 MB')
  await expect(page.getByText('Something went wrong')).toHaveCount(0)

  await file.setInputFiles({
    name: 'register.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      'Asset name,Category,Room,Serial number,Last verified\nStage lights,Hardware,Hall,SN1,23/10/2026\nOld lights,Hardware,Hall,SN2,31/02/2026\n',
    ),
  })
  await expect(error).toHaveCount(0)
  await check.click()
  await expect(page.getByTestId('import-summary')).toHaveText('1 row ready to import; 1 with problems.')
  await expect(page.getByTestId('columns-read')).toContainText('“Asset name” as name')
  await expect(page.getByTestId('columns-read')).toContainText('“Last verified” as standby last verified')
  await expect(page.getByTestId('columns-left-out')).toContainText('“Serial number”')
  await expect(page.getByRole('row', { name: /Old lights/ })).toContainText('"31/02/2026" is not a real date')
  await screenshots(page, 'asset-import-uk-preview')
  expect(await assetCount()).toBe(before)
})
