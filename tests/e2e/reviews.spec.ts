/*
 * Plan reviews (issue 12): the manager starts the review, answers the checklist (every answer keeps its
 * value after a validation error), turns a "no" into an action, marks the changes considered and submits;
 * the head teacher returns it with a comment; the manager answers and resubmits; the head teacher signs
 * off; the dashboard then shows the next due date. And the schedule form keeps every control's value.
 */
import { expect, test } from './fixtures'
import { SIGN_IN_TIMEOUT, screenshots } from './support'

test('manager answers and submits, head returns, manager resubmits, head signs off', async ({
  browser,
  db,
  school,
  signedInAs,
}) => {
  test.setTimeout(240_000)
  // A change the review must cover: a service added (with its audit row, as the portal writes it).
  const serviceId = await db.service(school.id, { name: `Exam entries ${school.tag}` })
  await db.query(
    `INSERT INTO "AuditEvent" (id, "schoolId", "actorId", entity, "entityId", action, after)
     VALUES ($1, $2, $3, 'Service', $4, 'create', $5)`,
    [
      `a${school.tag}1`,
      school.id,
      school.logins.MANAGER.userId,
      serviceId,
      { name: `Exam entries ${school.tag}` },
    ],
  )

  const manager = await signedInAs('MANAGER')
  await expect(manager.getByTestId('review-due')).toContainText('due')
  await manager.getByRole('navigation').getByRole('link', { name: 'Reviews' }).click()
  await expect(manager.getByRole('heading', { name: 'Reviews', level: 1 })).toBeVisible()
  await manager.getByRole('button', { name: 'Start the review' }).click()
  await expect(manager.getByRole('heading', { name: 'Review 1', level: 1 })).toBeVisible({
    timeout: SIGN_IN_TIMEOUT,
  })
  const reviewUrl = manager.url()

  // Beside the questions, what the portal already knows.
  await expect(manager.getByText('1 service changed since the last review.')).toBeVisible()

  // Answer everything "yes" but the first question "no" with no note, and a note on the second.
  const yes = manager.getByRole('radio', { name: 'Yes', exact: true })
  const count = await yes.count()
  expect(count).toBe(25)
  for (let i = 1; i < count; i++) await yes.nth(i).check()
  await manager.getByRole('radio', { name: 'No', exact: true }).first().check()
  await manager.getByRole('radio', { name: 'Not applicable', exact: true }).nth(2).check()
  const notes = manager.getByLabel('Notes', { exact: true })
  await notes.nth(1).fill('The new MIS hosting is recorded.')
  await manager.getByRole('button', { name: 'Save answers' }).click()
  await expect(manager.getByText('Say what is missing, so it can become an action.')).toBeVisible()
  // Every control kept its value.
  await expect(manager.getByRole('radio', { name: 'No', exact: true }).first()).toBeChecked()
  await expect(manager.getByRole('radio', { name: 'Not applicable', exact: true }).nth(2)).toBeChecked()
  await expect(yes.nth(1)).toBeChecked()
  await expect(yes.nth(count - 1)).toBeChecked()
  await expect(notes.nth(1)).toHaveValue('The new MIS hosting is recorded.')
  await notes.first().fill('The standby server is two generations behind the live one.')
  await manager.getByRole('button', { name: 'Save answers' }).click()
  await expect(manager.getByText('Answers saved.')).toBeVisible()
  await expect(manager.getByText('25 of 25 answered, 1 answered “no”.')).toBeVisible()

  // The "no" becomes an action.
  await manager.getByLabel('What needs doing').fill('Upgrade the standby server')
  await manager.getByLabel('Who will do it').fill('Sam Patel')
  await manager.getByLabel('Due by').fill('2027-01-29')
  await manager.getByRole('button', { name: 'Add the action' }).click()
  await expect(manager.getByText('Upgrade the standby server — Sam Patel, due 29 Jan 2027')).toBeVisible()

  // Submitting before the change is considered is refused; then mark it and submit.
  await manager.getByRole('button', { name: 'Submit for sign-off' }).click()
  await expect(manager.getByText(/1 record is not marked yet/)).toBeVisible()
  await manager.getByRole('button', { name: `Mark Exam entries ${school.tag} as considered` }).click()
  await expect(manager.getByTestId('changes-progress')).toHaveText(
    '1 of 1 changed record marked as considered.',
  )
  await screenshots(manager, 'review-in-progress')
  await manager.getByRole('button', { name: 'Submit for sign-off' }).click()
  await expect(manager.getByTestId('review-status')).toHaveText('Awaiting sign-off')

  // The head teacher returns it with a comment.
  const headContext = await browser.newContext()
  const head = await signedInAs('HEAD', await headContext.newPage())
  await expect(head.getByText(/Review 1\s+is under way: awaiting sign-off/)).toBeVisible()
  await head.goto(reviewUrl)
  await head.getByRole('button', { name: 'Return with comments' }).click()
  await expect(head.getByText('Say what the service continuity manager should look at again.')).toBeVisible()
  await head.getByLabel('What should be looked at again').fill('Who checks the standby after the upgrade?')
  await head.getByRole('button', { name: 'Return with comments' }).click()
  await expect(head.getByTestId('review-status')).toHaveText('Returned with comments')

  // The manager answers and resubmits.
  await manager.reload()
  await expect(manager.getByText('“Who checks the standby after the upgrade?”').first()).toBeVisible()
  await manager.getByLabel('Your answer to the head teacher’s comments').fill('Sam re-verifies it each term.')
  await manager.getByRole('button', { name: 'Resubmit for sign-off' }).click()
  await expect(manager.getByTestId('review-status')).toHaveText('Awaiting sign-off')

  // The head teacher signs off.
  await head.reload()
  await screenshots(head, 'review-decision')
  await head.getByLabel('Your name').fill('Helen Carter')
  await head.getByLabel('Comment (optional)').fill('Thank you: agreed.')
  await head.getByRole('button', { name: 'Sign off the review' }).click()
  await expect(head.getByTestId('review-status')).toHaveText('Signed off')
  await expect(head.getByText(/Signed off by Helen Carter/)).toBeVisible()
  await screenshots(head, 'review-signed-off')

  const [stored] = await db.query<{ status: string; signedOffName: string; events: string }>(
    `SELECT r.status::text AS status, r."signedOffName", (SELECT string_agg(kind, ',' ORDER BY at) FROM "ReviewEvent" e WHERE e."reviewId" = r.id) AS events
     FROM "Review" r WHERE r."schoolId" = $1`,
    [school.id],
  )
  expect(stored).toEqual({
    status: 'SIGNED_OFF',
    signedOffName: 'Helen Carter',
    events: 'SUBMITTED,RETURNED,RESUBMITTED,SIGNED_OFF',
  })

  // Signed off: the manager sees it read-only; the dashboard shows the next due date.
  await manager.reload()
  await expect(manager.getByRole('button', { name: 'Save answers' })).toHaveCount(0)
  await manager.goto('/')
  await expect(manager.getByTestId('review-due')).toContainText('Next review due')
  await expect(manager.getByText('Last signed off: Review 1 by Helen Carter.')).toBeVisible()
  await screenshots(manager, 'dashboard-review-panel')
  await manager.goto('/reviews')
  await screenshots(manager, 'reviews-list')
  await headContext.close()
})

test('the schedule form keeps every value after an error and stores exactly what was entered', async ({
  db,
  school,
  signedInAs,
}) => {
  const page = await signedInAs('MANAGER')
  await page.goto('/reviews/settings')
  await page.getByRole('radio', { name: /Every few months/ }).check()
  await page.getByLabel('Months between reviews').fill('0')
  const autumn = page.getByRole('group', { name: 'Autumn term' })
  await autumn.getByLabel('First day').fill('03/09')
  await autumn.getByLabel('Last day').fill('18/12')
  await page.getByLabel('Days the plan may be out of date').fill('30')
  await page.getByRole('button', { name: 'Save the schedule' }).click()
  await expect(page.getByText('Enter a number of months from 1 to 24.')).toBeVisible()
  await expect(page.getByRole('radio', { name: /Every few months/ })).toBeChecked()
  await expect(autumn.getByLabel('First day')).toHaveValue('03/09')
  await expect(autumn.getByLabel('Last day')).toHaveValue('18/12')
  await expect(page.getByLabel('Months between reviews')).toHaveValue('0')
  await expect(page.getByLabel('Days the plan may be out of date')).toHaveValue('30')
  await page.getByLabel('Months between reviews').fill('6')
  await page.getByRole('button', { name: 'Save the schedule' }).click()
  await expect(page.getByText('Schedule saved.')).toBeVisible()
  const [row] = await db.query<{
    reviewSchedule: string
    reviewCadenceMonths: number
    planStaleDays: number
    termDates: unknown
  }>(
    `SELECT "reviewSchedule"::text AS "reviewSchedule", "reviewCadenceMonths", "planStaleDays", "termDates" FROM "School" WHERE id = $1`,
    [school.id],
  )
  expect(row).toEqual({
    reviewSchedule: 'MONTHS',
    reviewCadenceMonths: 6,
    planStaleDays: 30,
    termDates: [
      { name: 'Autumn', start: '09-03', end: '12-18' },
      { name: 'Spring', start: '01-05', end: '03-31' },
      { name: 'Summer', start: '04-15', end: '07-22' },
    ],
  })
  await screenshots(page, 'review-settings')
})
