import { expect, test } from './fixtures'
import { postAction, screenshots } from './support'

// Each test works in a school of its own (the `school` fixture), so they run alone and in any order.

test('a manager adds a service, is told when the RTO exceeds the maximum outage, and keeps their typing', async ({
  signedInAs,
  servicesPage,
}) => {
  const page = await signedInAs('MANAGER')
  await servicesPage.openFromNav()
  await page.getByRole('link', { name: 'Add a service' }).click()
  await page.getByLabel('Name').fill('Management information system')
  await page.getByLabel('Owner').fill('School business manager')
  await page.getByLabel('Criticality').selectOption('1')
  const rto = servicesPage.duration('Recovery time objective (RTO)')
  await rto.getByLabel('Amount').fill('3')
  await rto.getByLabel('Unit').selectOption('days')
  const max = servicesPage.duration('Maximum tolerable outage')
  await max.getByLabel('Amount').fill('1')
  await max.getByLabel('Unit').selectOption('days')
  await servicesPage.addButton().click()
  await expect(page.locator('[data-notice="error"]')).toContainText('not saved')
  await expect(rto.getByLabel('Amount')).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByLabel('Owner')).toHaveValue('School business manager')
  await screenshots(page, 'service-new-error')
  await rto.getByLabel('Amount').fill('4')
  await rto.getByLabel('Unit').selectOption('hours')
  await servicesPage.addButton().click()
  await expect(servicesPage.heading('Management information system')).toBeVisible()
  await expect(page.getByText('4 hours')).toBeVisible()
  await screenshots(page, 'service')
  await servicesPage.goto()
  await expect(servicesPage.link('Management information system')).toBeVisible()
  await screenshots(page, 'services')
})

test('a team member reads the services but cannot change them, even by posting directly', async ({
  signedInAs,
  servicesPage,
  db,
}) => {
  const page = await signedInAs('TEAM')
  await servicesPage.goto()
  await expect(page.getByRole('heading', { name: 'Services', level: 1 })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Add a service' })).toHaveCount(0)
  expect((await page.goto('/services/new'))?.status()).toBe(404)
  const before = await db.count('Service')
  const res = await postAction(page, 'createServiceAction', [
    {
      name: 'Sneaky',
      criticality: 1,
      rtoValue: 1,
      rtoUnit: 'hours',
      rpoValue: 1,
      rpoUnit: 'hours',
      maxOutageValue: 1,
      maxOutageUnit: 'days',
    },
  ])
  expect(res).toContain('NOT_FOUND')
  expect(await db.count('Service')).toBe(before)
})

test('two managers edit one service at once: the second is told, sees both versions, and loses nothing', async ({
  browser,
  signedInAs,
  db,
  school,
}) => {
  const id = await db.service(school.id, { name: 'Management information system' })
  const owner = async () =>
    (await db.query<{ owner: string }>('SELECT owner FROM "Service" WHERE id = $1', [id]))[0]?.owner
  // Two browser contexts: two people, each with their own session (axe needs pages from a context).
  const contexts = [await browser.newContext(), await browser.newContext()]
  const [first, second] = await Promise.all(contexts.map((c) => c.newPage()))
  if (!first || !second) throw new Error('two pages expected')
  await signedInAs('MANAGER', first)
  await signedInAs('MANAGER', second)
  await first.goto('/services')
  await first.getByRole('link', { name: 'Management information system', exact: true }).click()
  await expect(first.getByRole('heading', { name: 'Management information system', level: 1 })).toBeVisible()
  await second.goto(first.url())
  await expect(second.getByRole('heading', { name: 'Management information system', level: 1 })).toBeVisible()
  await first.getByLabel('Owner').fill('Data manager')
  await first.getByRole('button', { name: 'Save changes' }).click()
  await expect(first.locator('[data-notice="success"]')).toBeVisible()

  await second.getByLabel('Owner').fill('Head of IT')
  await second.getByRole('button', { name: 'Save changes' }).click()
  await expect(second.locator('[data-notice="error"]')).toContainText('Changed by someone else')
  const compare = second.getByTestId('stale-compare')
  await expect(compare.getByRole('row', { name: /Owner/ })).toContainText('Data manager')
  await expect(compare.getByRole('row', { name: /Owner/ })).toContainText('Head of IT')
  await expect(second.getByLabel('Owner')).toHaveValue('Head of IT')
  expect(await owner()).toBe('Data manager')
  await screenshots(second, 'service-stale')
  // Having seen both, saving again is deliberate and goes through.
  await second.getByRole('button', { name: 'Save changes' }).click()
  await expect(second.locator('[data-notice="success"]')).toBeVisible()
  expect(await owner()).toBe('Head of IT')
  await Promise.all(contexts.map((c) => c.close()))
})
