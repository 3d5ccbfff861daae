import { expect, type Page, test } from '@playwright/test'
import { screenshots, signInAs } from './support'

/*
 * Works in the manager's second school (Riverside Academy), so the records it makes do not change what
 * the other specs find at Oakfield; it switches back at the end.
 */
async function switchTo(page: Page, school: 'Riverside Academy' | 'Oakfield Primary School') {
  await page
    .getByLabel('School', { exact: true })
    .selectOption({ label: `${school} (Service continuity manager)` })
  await page.getByRole('button', { name: 'Switch' }).click()
  await expect(page.getByRole('link', { name: school })).toBeVisible()
}

function entries(page: Page) {
  return page.getByRole('list', { name: 'Change history' }).getByTestId('change-entry')
}

test('the activity log reads as sentences, opens bulk changes and fits a phone', async ({ page }) => {
  const tag = Date.now().toString(36)
  await signInAs(page, 'MANAGER')
  await switchTo(page, 'Riverside Academy')

  // A starter catalogue load, then one service changed by hand.
  await page.getByRole('button', { name: 'Load the starter catalogue' }).click()
  await expect(page.locator('[data-notice="success"]')).toContainText('Added 12 services')
  await page.goto('/services')
  await page.getByRole('link', { name: 'Management information system (MIS)', exact: true }).click()
  await expect(
    page.getByRole('heading', { name: 'Management information system (MIS)', level: 1 }),
  ).toBeVisible()
  await page.getByLabel('Criticality').selectOption('2')
  await page.getByLabel('Owner').fill(`Data manager ${tag}`)
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByLabel('Owner')).toHaveValue(`Data manager ${tag}`)

  // An import of two assets.
  await page.goto('/assets/import')
  await page.getByLabel('Asset register (CSV)').setInputFiles({
    name: 'register.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      `name,type,location\nKiosk printer ${tag},Hardware,Reception\nVisitor badges ${tag},Software,\n`,
    ),
  })
  await page.getByRole('button', { name: 'Check the file' }).click()
  await page.getByRole('button', { name: 'Import 2 assets' }).click()
  await expect(page.getByText('2 assets were added')).toBeVisible()

  await page.goto('/activity')
  await expect(page.getByRole('heading', { name: 'Activity', level: 1 })).toBeVisible()
  // Newest first: the import, the service change, the starter load: three entries, not a hundred rows.
  await expect(entries(page)).toHaveCount(3)
  await expect(entries(page).nth(0)).toContainText('Priya Shah imported 2 assets from a CSV file')
  await expect(entries(page).nth(1)).toContainText(
    'Priya Shah changed the service Management information system (MIS)',
  )
  await expect(entries(page).nth(1)).toContainText('CriticalityBefore: 1. VitalAfter: 2. High')
  await expect(entries(page).nth(1)).toContainText(`After: Data manager ${tag}`)
  await expect(entries(page).nth(2)).toContainText(
    /Priya Shah loaded the starter catalogue: 12 services, 25 assets, \d+ links/,
  )
  const text = (await page.getByRole('main').innerText()).toLowerCase()
  for (const raw of ['importd', 'load-starterd', 'serviceasset', '"', '{', 'rtominutes', 'standbyassetid'])
    expect(text).not.toContain(raw)

  // Each bulk change opens, without JavaScript, to its own page of rows; the log itself stays small.
  const load = entries(page).nth(2)
  await expect(
    load.getByText('added the service Wi-Fi from the starter catalogue', { exact: false }),
  ).toHaveCount(0)
  await screenshots(page, 'activity-log')
  await load.getByRole('link', { name: /Show the \d+ records it added/ }).click()
  await expect(page).toHaveURL(/\/activity\/batch\//)
  await expect(page.getByRole('main')).toContainText(/Priya Shah loaded the starter catalogue/)
  await expect(
    page
      .getByTestId('batch-rows')
      .getByText('added the service Management information system (MIS) from the starter catalogue'),
  ).toBeVisible()
  await screenshots(page, 'activity-batch')
  await page.goBack()
  await entries(page).nth(0).getByRole('link', { name: 'Show the 2 records it added' }).click()
  await expect(page.getByTestId('batch-rows')).toContainText(
    `imported the asset Kiosk printer ${tag} from a CSV file`,
  )
  // Another school's bulk change, or none at all, is simply not found.
  expect((await page.goto('/activity/batch/not-a-real-id'))?.status()).toBe(404)
  await page.goto('/activity')

  // Filtering by a kind of record lists each record's own change, the imported ones included.
  await page.getByLabel('Kind of record').selectOption('assets')
  await page.getByRole('button', { name: 'Show' }).click()
  await expect(page).toHaveURL(/kind=assets/)
  await expect(page.getByRole('main')).toContainText(
    `imported the asset Visitor badges ${tag} from a CSV file`,
  )
  await expect(page.getByLabel('Kind of record')).toHaveValue('assets')
  await screenshots(page, 'activity-log-assets')

  // A hand-edited page number shows the list, not an error.
  for (const q of ['?page=99999999999999999999', '?page=4000', '?page=-1&kind=nonsense', '?page=2&page=x']) {
    const r = await page.goto(`/activity${q}`)
    expect(r?.status(), q).toBe(200)
    await expect(entries(page).first()).toBeVisible()
  }

  // The dashboard's recent changes read the same way.
  await page.goto('/')
  const recent = page.getByRole('region', { name: 'Recent changes' })
  await expect(recent.getByTestId('recent-change').first()).toContainText(
    'Priya Shah imported 2 assets from a CSV file',
  )
  await expect(recent).toContainText(
    'changed the service Management information system (MIS) (criticality, owner)',
  )
  await screenshots(page, 'dashboard-recent-changes')

  await switchTo(page, 'Oakfield Primary School')
})
