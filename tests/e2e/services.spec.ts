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

// Two managers editing one service at once: tests/e2e/conflict-merge.spec.ts.

test("a manager makes a service's link optional and removes another, from the list's one form", async ({
  signedInAs,
  school,
  db,
}) => {
  const serviceId = await db.service(school.id, { name: 'Catering' })
  const tills = await db.asset(school.id, { name: 'Tills' })
  const readers = await db.asset(school.id, { name: 'Card readers' })
  await db.link(school.id, serviceId, tills)
  await db.link(school.id, serviceId, readers)
  const page = await signedInAs('MANAGER')
  await page.goto(`/services/${serviceId}`)
  const deps = page.getByTestId('service-deps')
  const tillsRow = deps.getByRole('listitem').filter({ hasText: 'Tills' })
  await expect(tillsRow).toContainText('directly')
  await expect(tillsRow).not.toContainText('directly, optional')

  await tillsRow.getByRole('button', { name: /^Make optional\W+Tills$/ }).click()
  await expect(tillsRow).toContainText('directly, optional')
  await expect(tillsRow.getByRole('button', { name: /^Make required\W+Tills$/ })).toBeVisible()

  await deps.getByRole('button', { name: 'Remove link to Card readers' }).click()
  await expect(deps.getByRole('listitem').filter({ hasText: 'Card readers' })).toHaveCount(0)
  await expect(tillsRow).toContainText('directly, optional')
  expect(
    await db.query<{ required: boolean }>(
      'SELECT required FROM "ServiceAsset" WHERE "serviceId" = $1 ORDER BY required',
      [serviceId],
    ),
  ).toEqual([{ required: false }])
})
