/*
 * Published plan versions (issue 11, items 4, 6, 7, 8): the manager publishes (confirming the gaps printed
 * on it), the head teacher returns it with a comment, the manager publishes again, the head teacher
 * approves; a team member acknowledges; the public check page says the approved copy is current, then
 * superseded by the newer number once a newer version is approved. And the copies form keeps every value.
 */
import { randomBytes } from 'node:crypto'
import type { Page } from '@playwright/test'
import { expect, type TestDb, type TestSchool, test } from './fixtures'
import { SIGN_IN_TIMEOUT, screenshots } from './support'

const newId = () => `e2e${randomBytes(10).toString('hex')}`

/** A vital service and a team member linked to the school's TEAM login (no manager or deputy: two gaps). */
async function seedPlan(db: TestDb, school: TestSchool) {
  await db.service(school.id, { name: `MIS ${school.tag}`, criticality: 1, rtoMinutes: 240 })
  const memberId = newId()
  await db.query(
    `INSERT INTO "TeamMember" (id, "schoolId", name, "membershipId", mobile, "updatedAt")
     VALUES ($1, $2, $3, $4, '07700 900123', now())`,
    [memberId, school.id, `Sam ${school.tag}`, school.logins.TEAM.membershipId],
  )
  return memberId
}

async function fingerprintOf(db: TestDb, schoolId: string, number: number) {
  const [row] = await db.query<{ fingerprint: string }>(
    'SELECT fingerprint FROM "PlanVersion" WHERE "schoolId" = $1 AND number = $2',
    [schoolId, number],
  )
  return row!.fingerprint
}

/** The manager publishes from the versions list, confirming the gaps; lands on the new version's page. */
async function publish(manager: Page, number: number) {
  await manager.goto('/plan/versions')
  await manager.getByRole('button', { name: 'Publish the plan as a new version' }).click()
  await expect(manager.getByText('This plan has gaps that will be printed on it')).toBeVisible()
  await expect(manager.getByText(/service continuity manager/i).first()).toBeVisible()
  await manager.getByRole('button', { name: 'Publish with these gaps printed on it' }).click()
  await expect(
    manager.getByRole('heading', { name: `Recovery plan, version ${number}`, level: 1 }),
  ).toBeVisible({
    timeout: SIGN_IN_TIMEOUT,
  })
  await expect(manager.getByTestId('version-status')).toHaveText('Awaiting approval')
}

async function approve(head: Page, number: number) {
  await head.goto(`/plan/versions/${number}`)
  await head.getByRole('button', { name: `Approve version ${number}` }).click()
  await expect(head.getByTestId('version-status')).toHaveText('Approved: the current plan')
}

test('publish, return, publish again, approve, acknowledge, and the check page', async ({
  browser,
  db,
  school,
  signedInAs,
}) => {
  test.setTimeout(240_000)
  await seedPlan(db, school)

  const manager = await signedInAs('MANAGER')
  await publish(manager, 1)
  await expect(manager.getByText(`MIS ${school.tag}`).first()).toBeVisible()
  await screenshots(manager, 'plan-version-awaiting')

  // The head teacher returns it: a comment is required.
  const head = await signedInAs('HEAD', await (await browser.newContext()).newPage())
  await head.goto('/plan/versions')
  await expect(head.getByText('Awaiting your approval')).toBeVisible()
  await screenshots(head, 'plan-versions-awaiting-head')
  await head.getByRole('link', { name: 'Version 1' }).first().click()
  await head.getByRole('button', { name: 'Return with comments' }).click()
  await expect(head.getByText('Say what the service continuity manager should change')).toBeVisible()
  await head.getByLabel('What should change before it is published again').fill('Name a deputy first.')
  await head.getByRole('button', { name: 'Return with comments' }).click()
  await expect(head.getByTestId('version-status')).toHaveText('Returned with comments')
  await expect(head.getByTestId('return-comment')).toHaveText('Name a deputy first.')

  // The manager sees it listed with the comment and publishes again.
  await manager.goto('/plan/versions')
  await expect(manager.getByTestId('version-1')).toContainText('Name a deputy first.')
  await publish(manager, 2)

  await approve(head, 2)
  await screenshots(head, 'plan-version-approved')

  // A team member acknowledges from the dashboard.
  const team = await signedInAs('TEAM', await (await browser.newContext()).newPage())
  await expect(team.getByTestId('ack-panel')).toContainText('Version 2')
  await screenshots(team, 'plan-ack-dashboard')
  await team.getByRole('link', { name: 'Read and acknowledge version 2' }).click()
  await team.getByRole('button', { name: 'I hold and have read version 2' }).click()
  await expect(team.getByTestId('acknowledged')).toContainText(
    'You acknowledged holding and reading version 2',
  )
  await team.goto('/')
  await expect(team.getByTestId('ack-panel')).toHaveCount(0)
  // The plan link takes a team member to the approved version.
  await team.getByRole('navigation').getByRole('link', { name: 'Recovery plan' }).click()
  await expect(team.getByRole('heading', { name: 'Recovery plan, version 2', level: 1 })).toBeVisible()
  await expect(team.getByTestId('acknowledged')).toBeVisible()

  // The manager sees who has acknowledged.
  await manager.goto('/plan/versions/2')
  await expect(manager.getByTestId('ack-summary')).toHaveText('1 of 1 team members have acknowledged it.')

  // The check page, signed out: current, by the full fingerprint and by its first 16 characters typed.
  const v2 = await fingerprintOf(db, school.id, 2)
  const v1 = await fingerprintOf(db, school.id, 1)
  const anon = await (await browser.newContext()).newPage()
  const response = await anon.goto(`/check/${v2}`)
  // A public page still gets the security headers.
  expect(response?.headers()['content-security-policy']).toContain('nonce-')
  expect(response?.headers()['x-content-type-options']).toBe('nosniff')
  await expect(anon.getByTestId('check-answer')).toHaveText(
    'This is the current approved version of this school’s plan.',
  )
  await expect(anon.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/)
  await expect(anon.locator('body')).not.toContainText(school.name)
  await screenshots(anon, 'check-current')
  await anon.goto('/check')
  await anon.getByLabel('Fingerprint printed on the plan').fill(
    v2
      .slice(0, 16)
      .toUpperCase()
      .replace(/(.{4})/g, '$1 '),
  )
  await anon.getByRole('button', { name: 'Check this copy' }).click()
  await expect(anon.getByTestId('check-answer')).toHaveText(
    'This is the current approved version of this school’s plan.',
  )
  await anon.goto(`/check/${v1}`)
  await expect(anon.getByTestId('check-answer')).toHaveText('Not recognised.')
  await anon.goto('/check?f=not-a-fingerprint')
  await expect(anon.getByTestId('check-answer')).toHaveText('Not recognised.')
  await expect(anon.getByLabel('Fingerprint printed on the plan')).toHaveValue('not-a-fingerprint')
  await screenshots(anon, 'check-not-recognised')

  // The plan changes (a service added, with its audit row as the portal writes it): the dashboard says so.
  const wifi = await db.service(school.id, { name: `Wi-Fi ${school.tag}`, criticality: 2 })
  await db.query(
    `INSERT INTO "AuditEvent" (id, "schoolId", "actorId", entity, "entityId", action, after)
     VALUES ($1, $2, $3, 'Service', $4, 'create', $5)`,
    [newId(), school.id, school.logins.MANAGER.userId, wifi, { name: `Wi-Fi ${school.tag}` }],
  )
  await manager.goto('/')
  await expect(manager.getByTestId('plan-stale')).toHaveText(
    'The plan has changed since version 2 was approved.',
  )
  await expect(manager.getByTestId('plan-status').getByTestId('recent-change')).toContainText(
    `Wi-Fi ${school.tag}`,
  )
  await screenshots(manager, 'plan-dashboard-stale')

  // A newer version is approved: the old copy is superseded by 3.
  await publish(manager, 3)
  await approve(head, 3)
  await anon.goto(`/check/${v2}`)
  await expect(anon.getByTestId('check-answer')).toHaveText('Superseded: version 3 is now current.')
  await expect(anon.locator('body')).not.toContainText(school.name)
  await screenshots(anon, 'check-superseded')

  // Comparing 2 and 3: the new service is listed.
  await manager.goto('/plan/compare?from=2&to=3')
  await expect(manager.getByTestId('compare-summary')).toContainText('From version 2 to version 3')
  await expect(manager.getByText(`Wi-Fi ${school.tag}`).first()).toBeVisible()
  await screenshots(manager, 'plan-compare')
  await manager.goto('/plan/versions')
  await expect(manager.getByTestId('version-2')).toContainText('Superseded by version 3')
  await screenshots(manager, 'plan-versions-list')
  await manager.goto('/')
  await expect(manager.getByTestId('plan-status')).toContainText('version 3')
  // Approving version 3 asks the team again: Sam acknowledged version 2 only.
  await expect(manager.getByTestId('plan-not-acknowledged')).toHaveText(
    '1 team member has not acknowledged it yet.',
  )
  await screenshots(manager, 'plan-dashboard')
})

test('the copies form keeps every value after an error, then records exactly what was entered', async ({
  browser,
  db,
  school,
  signedInAs,
}) => {
  const memberId = await seedPlan(db, school)
  // Before any version is approved, a viewer is told so plainly.
  const viewer = await signedInAs('VIEWER', await (await browser.newContext()).newPage())
  await viewer.getByRole('navigation').getByRole('link', { name: 'Recovery plan' }).click()
  await expect(viewer.getByText('No version of the plan has been approved yet')).toBeVisible()
  await screenshots(viewer, 'plan-none-approved-viewer')

  const manager = await signedInAs('MANAGER')
  await manager.goto('/plan/copies')
  await manager.getByLabel('Where it is kept').selectOption('OFF_SITE')
  await manager.getByLabel('Team member holding it').selectOption(memberId)
  await manager.getByLabel('Version held').fill('three')
  await manager.getByLabel('Notes').fill('In the safe at the district office.')
  await manager.getByRole('button', { name: 'Record the copy' }).click()
  await expect(manager.getByText('Say who holds it or where exactly it is kept.')).toBeVisible()
  await expect(manager.getByText('Enter the version number printed on it, like 3.')).toBeVisible()
  await expect(manager.getByLabel('Where it is kept')).toHaveValue('OFF_SITE')
  await expect(manager.getByLabel('Team member holding it')).toHaveValue(memberId)
  await expect(manager.getByLabel('Version held')).toHaveValue('three')
  await expect(manager.getByLabel('Notes')).toHaveValue('In the safe at the district office.')
  await screenshots(manager, 'plan-copies-error')
  await manager.getByLabel('Held by, or where exactly').fill('District office safe')
  await manager.getByLabel('Version held').fill('1')
  await manager.getByRole('button', { name: 'Record the copy' }).click()
  await expect(manager.getByText('The copy was recorded.')).toBeVisible({ timeout: SIGN_IN_TIMEOUT })
  const [row] = await db.query<Record<string, unknown>>(
    'SELECT location, holder, "teamMemberId", "versionNumber", notes FROM "PlanCopy" WHERE "schoolId" = $1',
    [school.id],
  )
  expect(row).toEqual({
    location: 'OFF_SITE',
    holder: 'District office safe',
    teamMemberId: memberId,
    versionNumber: 1,
    notes: 'In the safe at the district office.',
  })
  await expect(manager.getByRole('cell', { name: /District office safe/ })).toBeVisible()
  await screenshots(manager, 'plan-copies')
})
