import { expect, type Page, test } from '@playwright/test'
import { query, screenshots, signInAs } from './support'

/*
 * The URLs the security review sent to the lists answered the error page; each must show the list. Run
 * against the production build, where an uncaught error is the real "Something went wrong" page.
 */
const HOSTILE = [
  '?sort=constructor',
  '?q=a&q=b',
  '?page=99999999999999999999',
  '?q=%00',
  '?sort=__proto__&type=toString&check=valueOf&criticality=constructor',
  '?page=-3&archived=yes',
]

// Assets and services of this spec's own, in the demo school, removed again afterwards.
const TAG = `Paging check ${Date.now().toString(36)}`

async function expectList(page: Page, path: string, heading: string) {
  const res = await page.goto(path)
  expect(res?.status(), path).toBe(200)
  await expect(page.getByRole('heading', { name: heading, level: 1 }), path).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Something went wrong' })).toHaveCount(0)
}

test.beforeAll(async () => {
  const [school] = await query<{ id: string }>(`SELECT id FROM "School" WHERE urn = '100001'`)
  await query(
    `INSERT INTO "Asset" (id, "schoolId", name, type, location, "updatedAt")
     SELECT gen_random_uuid()::text, $1, $2 || ' ' || lpad(n::text, 2, '0'), 'HARDWARE', 'Server room', now()
     FROM generate_series(1, 30) AS n`,
    [school!.id, TAG],
  )
  await query(
    `INSERT INTO "Service" (id, "schoolId", name, criticality, "rtoMinutes", "rpoMinutes", "maxOutageMinutes", "updatedAt")
     SELECT gen_random_uuid()::text, $1, $2 || ' service ' || n, 1 + n % 2, 60 * n, 60, 60 * 48, now()
     FROM generate_series(1, 4) AS n`,
    [school!.id, TAG],
  )
})

test.afterAll(async () => {
  await query(`DELETE FROM "Asset" WHERE name LIKE $1`, [`${TAG}%`])
  await query(`DELETE FROM "Service" WHERE name LIKE $1`, [`${TAG}%`])
})

test('hand-edited and hostile list URLs show the list, never the error page', async ({ page }) => {
  await signInAs(page, 'VIEWER')
  for (const search of HOSTILE) {
    await expectList(page, `/services${search}`, 'Services')
    await expectList(page, `/assets${search}`, 'Assets')
  }
  // A page past the end shows the last page.
  await expectList(page, `/assets?q=${encodeURIComponent(TAG)}&page=40`, 'Assets')
  await expect(page.getByRole('navigation', { name: 'Pages' })).toContainText('Page 2 of 2')
  await expect(page.getByRole('link', { name: `${TAG} 30` })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Previous page' })).toBeVisible()
})

test('the filters keep what the URL says, sort by a column, and clear', async ({ page }) => {
  await signInAs(page, 'MANAGER')
  await page.goto(`/assets?q=${encodeURIComponent(TAG)}&type=HARDWARE&sort=updated`)
  const filters = page.getByRole('form', { name: 'Filter assets' })
  await expect(filters.getByLabel('Search')).toHaveValue(TAG)
  await expect(filters.getByLabel('Type')).toHaveValue('HARDWARE')
  await expect(filters.getByLabel('Sort by')).toHaveValue('updated')
  await expect(filters.getByLabel('Show archived assets only')).not.toBeChecked()
  await expect(page.getByTestId('asset-count')).toHaveText('30 assets match these filters.')
  await screenshots(page, 'assets-filtered')

  // The column header sorts by name, keeping the filters and going back to the first page.
  const table = page.getByRole('region', { name: 'Assets' })
  await table.getByRole('link', { name: 'Name' }).click()
  await expect(page).toHaveURL(/sort=name/)
  await expect(table.getByRole('columnheader', { name: /Name/ })).toHaveAttribute('aria-sort', 'ascending')
  await expect(filters.getByLabel('Sort by')).toHaveValue('name')
  await expect(filters.getByLabel('Search')).toHaveValue(TAG)
  await expect(table.getByRole('row').nth(1)).toContainText(`${TAG} 01`)

  // The form works without JavaScript too: a GET form, so the URL carries the filters.
  await filters.getByLabel('Show archived assets only').check()
  await filters.getByRole('button', { name: 'Apply' }).click()
  await expect(page).toHaveURL(/archived=1/)
  await expect(page.getByTestId('asset-count')).toHaveText('0 assets in the archive match these filters.')
  await expect(page.getByText('No assets match these filters.')).toBeVisible()
  await expect(filters.getByLabel('Show archived assets only')).toBeChecked()

  // "Clear filters" goes back to the plain list, and the controls show it (no stale values left behind).
  await filters.getByRole('link', { name: 'Clear filters' }).click()
  await expect(page).toHaveURL(/\/assets$/)
  await expect(filters.getByLabel('Search')).toHaveValue('')
  await expect(filters.getByLabel('Type')).toHaveValue('')
  await expect(filters.getByLabel('Show archived assets only')).not.toBeChecked()
  await expect(filters.getByRole('link', { name: 'Clear filters' })).toHaveCount(0)

  await page.goto(`/services?q=${encodeURIComponent(TAG)}&criticality=2&sort=rto`)
  const serviceFilters = page.getByRole('form', { name: 'Filter services' })
  await expect(serviceFilters.getByLabel('Search')).toHaveValue(TAG)
  await expect(serviceFilters.getByLabel('Criticality')).toHaveValue('2')
  await expect(serviceFilters.getByLabel('Sort by')).toHaveValue('rto')
  await expect(page.getByRole('columnheader', { name: /RTO/ })).toHaveAttribute('aria-sort', 'ascending')
  // Services 1 and 3 are criticality 2, in RTO order.
  const rows = page.getByRole('region', { name: 'Services' }).getByRole('row')
  await expect(rows).toHaveCount(3)
  await expect(rows.nth(1)).toContainText(`${TAG} service 1`)
  await expect(rows.nth(2)).toContainText(`${TAG} service 3`)
  await screenshots(page, 'services-filtered')
})
