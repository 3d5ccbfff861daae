import { expect, test } from '@playwright/test'
import { postAction, query, screenshots, signInAs } from './support'

async function serviceCount() {
  return Number((await query<{ n: string }>('SELECT count(*) AS n FROM "Service"'))[0]!.n)
}

test('a manager adds a service, is told when the RTO exceeds the maximum outage, and keeps their typing', async ({
  page,
}) => {
  await signInAs(page, 'MANAGER')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Services' }).click()
  await page.getByRole('link', { name: 'Add a service' }).click()
  await page.getByLabel('Name').fill('Management information system')
  await page.getByLabel('Owner').fill('School business manager')
  await page.getByLabel('Criticality').selectOption('1')
  const rto = page.getByRole('group', { name: 'Recovery time objective (RTO)' })
  await rto.getByLabel('Amount').fill('3')
  await rto.getByLabel('Unit').selectOption('days')
  const max = page.getByRole('group', { name: 'Maximum tolerable outage' })
  await max.getByLabel('Amount').fill('1')
  await max.getByLabel('Unit').selectOption('days')
  await page.getByRole('button', { name: 'Add service' }).click()
  await expect(page.locator('[data-notice="error"]')).toContainText('not saved')
  await expect(rto.getByLabel('Amount')).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByLabel('Owner')).toHaveValue('School business manager')
  await screenshots(page, 'service-new-error')
  await rto.getByLabel('Amount').fill('4')
  await rto.getByLabel('Unit').selectOption('hours')
  await page.getByRole('button', { name: 'Add service' }).click()
  await expect(page.getByRole('heading', { name: 'Management information system', level: 1 })).toBeVisible()
  await expect(page.getByText('4 hours')).toBeVisible()
  await screenshots(page, 'service')
  await page.goto('/services')
  await expect(page.getByRole('link', { name: 'Management information system', exact: true })).toBeVisible()
  await screenshots(page, 'services')
})

test('a team member reads the services but cannot change them, even by posting directly', async ({
  page,
}) => {
  await signInAs(page, 'TEAM')
  await page.goto('/services')
  await expect(page.getByRole('heading', { name: 'Services', level: 1 })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Add a service' })).toHaveCount(0)
  expect((await page.goto('/services/new'))?.status()).toBe(404)
  const before = await serviceCount()
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
  expect(await serviceCount()).toBe(before)
})

// Two managers editing one service at once: tests/e2e/conflict-merge.spec.ts.
