/*
 * Two managers edit one service at once. The second save is refused and shows both versions; the first
 * person's changes to fields the second did not touch are kept; where both changed a field the second
 * person chooses; nothing is silently reverted, and the page's summary shows what is stored.
 */
import { randomBytes } from 'node:crypto'
import { expect, test } from '@playwright/test'
import { query, screenshots, signInAs } from './support'

test("a save after a conflict keeps the other person's changes and lets this person choose where both changed", async ({
  browser,
}) => {
  const name = `Management information system ${randomBytes(3).toString('hex')}`
  const [school] = await query<{ id: string }>(`SELECT id FROM "School" WHERE urn = '100001'`)
  const [svc] = await query<{ id: string }>(
    `INSERT INTO "Service" (id, "schoolId", name, owner, criticality, "rtoMinutes", "rpoMinutes", "maxOutageMinutes", "updatedAt")
     VALUES ($1, $2, $3, 'Bursar', 2, 240, 60, 10080, now()) RETURNING id`,
    [`e2e${randomBytes(6).toString('hex')}`, school!.id, name],
  )
  const contexts = [await browser.newContext(), await browser.newContext()]
  const [first, second] = await Promise.all(contexts.map((c) => c.newPage()))
  if (!first || !second) throw new Error('two pages expected')
  await signInAs(first, 'MANAGER')
  await signInAs(second, 'MANAGER')
  await first.goto(`/services/${svc!.id}`)
  await second.goto(`/services/${svc!.id}`)

  // The first person changes the RTO to 1 day and the owner.
  const rto = first.getByRole('group', { name: 'Recovery time objective (RTO)' })
  await rto.getByLabel('Amount').fill('1')
  await rto.getByLabel('Unit').selectOption('days')
  await first.getByLabel('Owner').fill('Data manager')
  await first.getByRole('button', { name: 'Save changes' }).click()
  await expect(first.locator('[data-notice="success"]')).toBeVisible()

  // The second, from the old page, changes the name and the owner.
  await second.getByLabel('Name', { exact: true }).fill(`${name} (Arbor)`)
  await second.getByLabel('Owner').fill('Head of IT')
  await second.getByRole('button', { name: 'Save changes' }).click()
  const compare = second.getByTestId('stale-compare')
  await expect(compare).toContainText('Changed by someone else')
  // Their RTO is in the form now, said properly, and the page's summary shows what is stored.
  await expect(compare.getByTestId('merge-rto')).toContainText('Their change is kept')
  await expect(compare.getByTestId('merge-rto')).toContainText('1 day')
  await expect(compare.getByTestId('merge-rto')).not.toContainText('1 days')
  const rto2 = second.getByRole('group', { name: 'Recovery time objective (RTO)' })
  await expect(rto2.getByLabel('Amount')).toHaveValue('1')
  await expect(rto2.getByLabel('Unit')).toHaveValue('days')
  const summaryRto = second
    .locator('dt', { hasText: 'Recovery time objective (RTO)' })
    .locator('xpath=following-sibling::dd[1]')
  await expect(summaryRto).toHaveText('1 day')
  await expect(second.getByLabel('Name', { exact: true })).toHaveValue(`${name} (Arbor)`)
  await expect(compare.getByTestId('merge-name')).toContainText('Your change is kept')
  await expect(compare.getByTestId('merge-owner')).toContainText('You both changed this')
  let [stored] = await query<{ owner: string; rtoMinutes: number; name: string }>(
    `SELECT owner, "rtoMinutes", name FROM "Service" WHERE id = $1`,
    [svc!.id],
  )
  expect(stored).toEqual({ owner: 'Data manager', rtoMinutes: 1440, name })
  await screenshots(second, 'service-merge')

  // Saving before choosing is stopped and says why.
  await second.getByRole('button', { name: 'Save changes' }).click()
  await expect(second.getByText('Choose whose value to keep')).toBeVisible()
  // Choosing theirs puts their value in the field; then the person settles on their own.
  const owner = compare.getByRole('group', { name: 'Keep which owner?' })
  await owner.getByLabel(/^Theirs/).check()
  await expect(second.getByLabel('Owner')).toHaveValue('Data manager')
  await owner.getByLabel(/^Yours/).check()
  await expect(second.getByLabel('Owner')).toHaveValue('Head of IT')
  await second.getByRole('button', { name: 'Save changes' }).click()
  await expect(second.locator('[data-notice="success"]')).toBeVisible()
  ;[stored] = await query<{ owner: string; rtoMinutes: number; name: string }>(
    `SELECT owner, "rtoMinutes", name FROM "Service" WHERE id = $1`,
    [svc!.id],
  )
  expect(stored).toEqual({ owner: 'Head of IT', rtoMinutes: 1440, name: `${name} (Arbor)` })
  await Promise.all(contexts.map((c) => c.close()))
})
