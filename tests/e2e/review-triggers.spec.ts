/*
 * Review triggers (issue 12, item 5): the manager changes a service to vital and a new head teacher joins;
 * the reviews page and the dashboard show the proposed reviews, each saying what triggered it; the
 * manager dismisses one with a reason (the form keeps what was typed when the reason is refused) and
 * starts the other, which opens as a review triggered by a change with what the portal already knows
 * beside its questions (item 2).
 */
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { SIGN_IN_TIMEOUT, screenshots } from './support'

const proposal = (page: Page, text: string) =>
  page.getByTestId('review-proposals').locator(':scope > li').filter({ hasText: text })

test('the manager sees proposals with their reasons, dismisses one with a reason and starts another', async ({
  db,
  school,
  signedInAs,
}) => {
  test.setTimeout(180_000)
  const wifi = `Wi-Fi ${school.tag}`
  await db.service(school.id, { name: wifi, criticality: 3 })
  // Signing in lands on the dashboard, where the triggers are first evaluated.
  const manager = await signedInAs('MANAGER')

  // The manager raises the service to vital.
  await manager.goto('/services')
  await manager.getByRole('link', { name: wifi, exact: true }).click()
  await expect(manager.getByRole('heading', { name: wifi, level: 1 })).toBeVisible()
  await manager.getByLabel('Criticality').selectOption('1')
  await manager.getByRole('button', { name: 'Save changes' }).click()
  await expect(manager.locator('[data-notice="success"]').first()).toBeVisible()

  // A new head teacher joins (the row accepting an invitation writes).
  const head = school.logins.HEAD
  await db.query(
    `INSERT INTO "AuditEvent" (id, "schoolId", "actorId", entity, "entityId", action, after)
     VALUES ($1, $2, $3, 'Membership', $4, 'create', $5)`,
    [`t${school.tag}1`, school.id, head.userId, head.membershipId, { name: head.name, role: 'HEAD' }],
  )

  // The dashboard's review panel says a review is proposed, and why.
  await manager.goto('/')
  await expect(manager.getByTestId('dashboard-proposals')).toContainText(
    `The service ${wifi} was raised from medium to vital on`,
  )
  await expect(manager.getByTestId('dashboard-proposals')).toContainText(
    `${head.name} joined the school as head teacher on`,
  )
  await screenshots(manager, 'dashboard-review-proposals')

  await manager.getByRole('navigation').getByRole('link', { name: 'Reviews' }).click()
  await expect(manager.getByRole('heading', { name: 'Proposed reviews' })).toBeVisible()
  await expect(proposal(manager, wifi)).toContainText('A vital or high service changed')
  await expect(proposal(manager, head.name)).toContainText('A new head teacher or service continuity manager')
  await screenshots(manager, 'review-proposals')

  // Dismissing needs a reason; a refused one is kept as typed.
  const headItem = proposal(manager, head.name)
  const tooLong = `Acting head last year. ${'x'.repeat(1000)}`
  await headItem.getByText('Dismiss with a reason').click()
  await headItem.getByLabel('Why is no review needed?').fill(tooLong)
  await headItem.getByRole('button', { name: 'Dismiss' }).click()
  await expect(headItem.getByText('Keep the reason under 1,000 characters.')).toBeVisible()
  await expect(headItem.getByLabel('Why is no review needed?')).toHaveValue(tooLong)
  await screenshots(manager, 'review-proposal-dismiss-refused')
  const reason = `${head.name} was acting head last year: the plan already names them.`
  await headItem.getByLabel('Why is no review needed?').fill(reason)
  await headItem.getByRole('button', { name: 'Dismiss' }).click()
  await expect(proposal(manager, head.name)).toHaveCount(0)
  await manager.getByText('Decided lately').click()
  await expect(manager.getByText(`Why: “${reason}”`)).toBeVisible()

  // Starting the other opens a review triggered by the change, noting why.
  await proposal(manager, wifi).getByRole('button', { name: 'Start a review for this' }).click()
  await expect(manager.getByRole('heading', { name: 'Review 1', level: 1 })).toBeVisible({
    timeout: SIGN_IN_TIMEOUT,
  })
  await expect(manager.getByText(/^Triggered by a change review \(the first\)/)).toBeVisible()
  await expect(
    manager.getByText(`Started because: The service ${wifi} was raised from medium to vital on`),
  ).toBeVisible()

  // What the portal already knows, beside the questions.
  await expect(manager.getByText('1 service has no contingency plan.')).toBeVisible()
  await expect(manager.getByText('No exercise has been recorded.')).toBeVisible()
  await screenshots(manager, 'review-triggered')

  const rows = await db.query<{ status: string; dismissReason: string | null; kind: string | null }>(
    `SELECT p.status::text AS status, p."dismissReason", r.kind::text AS kind
     FROM "ReviewProposal" p LEFT JOIN "Review" r ON r.id = p."reviewId"
     WHERE p."schoolId" = $1 ORDER BY p.status`,
    [school.id],
  )
  expect(rows).toEqual([
    { status: 'STARTED', dismissReason: null, kind: 'CHANGE_TRIGGERED' },
    { status: 'DISMISSED', dismissReason: reason, kind: null },
  ])

  // With the review under way, the reviews page offers no second start.
  await manager.goto('/reviews')
  await expect(manager.getByText('None open.')).toBeVisible()
})
