import { expect, type Page, test } from '@playwright/test'
import { LOGINS, mainNav, postAction, query, SignInPage, screenshots, signInAs } from './support'

async function membershipState() {
  return query<{ email: string; role: string; version: number }>(
    `SELECT u.email, m.role::text AS role, m.version FROM "Membership" m JOIN "User" u ON u.id = m."userId" ORDER BY u.email, m."schoolId"`,
  )
}
async function auditCount() {
  return Number((await query<{ n: string }>('SELECT count(*) AS n FROM "AuditEvent"'))[0]!.n)
}

function currentSchool(page: Page, school: string) {
  return page.locator('header').getByRole('link', { name: school, exact: true })
}

/** Makes the named school the current one with the school switcher. */
async function switchTo(page: Page, school: string) {
  const switcher = page.getByLabel('School', { exact: true })
  const value = await switcher.locator('option', { hasText: school }).getAttribute('value')
  await switcher.selectOption(value!)
  await page.getByRole('button', { name: 'Switch' }).click()
  await expect(currentSchool(page, school)).toBeVisible()
}

async function signOut(page: Page) {
  await page.context().clearCookies()
}

test.afterAll(async () => {
  // Leave the demo as the seed made it for the other specs: the demo viewer only in Oakfield,
  await query(
    `DELETE FROM "Membership" m USING "User" u, "School" s
     WHERE u.id = m."userId" AND s.id = m."schoolId" AND u.email = $1 AND s.urn = '100002'`,
    [LOGINS.VIEWER],
  )
  await query(`UPDATE "User" SET "lastSchoolId" = NULL WHERE email = $1`, [LOGINS.VIEWER])
  // And one person per role in Oakfield, as roles.spec counts them.
  await query(`DELETE FROM "Membership" m USING "User" u WHERE u.id = m."userId" AND u.email = $1`, [
    'nia.okafor@oakfield.example',
  ])
})

test('the head teacher reads the people page but has nothing to change', async ({ page }) => {
  await signInAs(page, 'HEAD')
  await page.goto('/people')
  await expect(page.getByTestId(`member-${LOGINS.MANAGER}`)).toBeVisible()
  await expect(page.getByRole('button', { name: 'Change role' })).toHaveCount(0)
  await expect(page.getByRole('region', { name: 'Invite a person' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: /^Revoke/ })).toHaveCount(0)
})

test('a manager invites an existing login, who accepts after signing in, then steps down with a warning', async ({
  page,
}) => {
  await signInAs(page, 'MANAGER')
  await switchTo(page, 'Riverside Academy')
  await mainNav(page).getByRole('link', { name: 'People' }).click()
  await expect(page.getByRole('heading', { name: 'People', level: 1 })).toBeVisible()
  const form = page.getByRole('region', { name: 'Invite a person' })

  // A mistake keeps what was typed (the role included) and never sends the password back.
  await form.getByLabel('Full name').fill('George M')
  await form.getByLabel('E-mail address').fill('viewer@oakfield')
  await form.getByLabel('Role').selectOption('MANAGER')
  await form.getByLabel('First password').fill('a first password here')
  await form.getByRole('button', { name: 'Send invitation' }).click()
  await expect(form.locator('[data-notice="error"]')).toContainText('not sent')
  await expect(form.getByLabel('E-mail address')).toHaveAttribute('aria-invalid', 'true')
  await expect(form.getByLabel('Full name')).toHaveValue('George M')
  await expect(form.getByLabel('Role')).toHaveValue('MANAGER')
  await expect(form.getByLabel('First password')).toHaveValue('')
  expect(await page.content()).not.toContain('a first password here')
  await screenshots(page, 'people-invite-error')

  // The reply says nothing about whether the e-mail has a login.
  await form.getByLabel('E-mail address').fill(LOGINS.VIEWER)
  await form.getByLabel('First password').fill('a first password here')
  await form.getByRole('button', { name: 'Send invitation' }).click()
  await expect(form.locator('[data-notice="success"]')).toHaveText(
    'Invitation sent: they see it when they next sign in.',
  )
  const invited = page.getByTestId(`invitation-${LOGINS.VIEWER}`)
  await expect(invited).toContainText('George M')
  await expect(invited).toContainText('Invited, waiting')
  await expect(invited).not.toContainText('George Miles')
  await expect(page.getByTestId(`member-${LOGINS.VIEWER}`)).toHaveCount(0)
  await screenshots(page, 'people-invited')

  // The invited person signs in, in their own school, and sees the invitation there.
  await signOut(page)
  await signInAs(page, 'VIEWER')
  const card = page.getByTestId('invitation-Riverside Academy')
  await expect(card).toContainText('Riverside Academy invites you as a Service continuity manager')
  await expect(card).toContainText('Invited by Priya Shah')
  await screenshots(page, 'invitations-dashboard')
  await card.getByRole('button', { name: 'Accept the invitation from Riverside Academy' }).click()
  await expect(page.locator('[data-notice="success"]')).toContainText(
    'You are now a member of Riverside Academy',
  )
  // Accepting does not move them: they are still working in Oakfield until they choose.
  await expect(currentSchool(page, 'Oakfield Primary School')).toBeVisible()
  await screenshots(page, 'invitations-accepted')

  // The manager now sees them as a member, under their own name.
  await signOut(page)
  await signInAs(page, 'MANAGER')
  await switchTo(page, 'Riverside Academy')
  await page.goto('/people')
  const member = page.getByTestId(`member-${LOGINS.VIEWER}`)
  await expect(member).toContainText('George Miles')
  await expect(member).toContainText('Service continuity manager')
  await expect(page.getByTestId(`invitation-${LOGINS.VIEWER}`)).toHaveCount(0)

  // The new manager steps down: asked first, then lands on the dashboard with a notice (not Not found).
  await signOut(page)
  await signInAs(page, 'VIEWER')
  await switchTo(page, 'Riverside Academy')
  await page.goto('/people')
  const self = page.getByTestId(`member-${LOGINS.VIEWER}`)
  await self.getByLabel('Role for George Miles').selectOption('VIEWER')
  await self.getByRole('button', { name: 'Change role' }).click()
  const ask = self.locator('[data-notice="warning"]')
  await expect(ask).toContainText(
    'You are about to make yourself a Read-only viewer in this school: you will no longer be able to manage people; you will land on the dashboard.',
  )
  const stored = async () =>
    (
      await query<{ role: string }>(
        `SELECT m.role::text AS role FROM "Membership" m JOIN "User" u ON u.id = m."userId"
         JOIN "School" s ON s.id = m."schoolId" WHERE u.email = $1 AND s.urn = '100002'`,
        [LOGINS.VIEWER],
      )
    )[0]?.role
  expect(await stored()).toBe('MANAGER')
  await screenshots(page, 'people-confirm-self')
  await expect(self.getByLabel('Role for George Miles')).toHaveValue('VIEWER')
  await self.getByRole('button', { name: 'Yes, change my role' }).click()
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible()
  await expect(page.locator('[data-notice="success"]')).toHaveText(
    'Your role in Riverside Academy is now Read-only viewer.',
  )
  expect(await stored()).toBe('VIEWER')
  await screenshots(page, 'dashboard-after-step-down')
})

test('someone new signs in with the first password, finds the invitation on the no-school page and joins', async ({
  page,
}) => {
  await signInAs(page, 'MANAGER')
  await page.goto('/people')
  const form = page.getByRole('region', { name: 'Invite a person' })
  await form.getByLabel('Full name').fill('Nia Okafor')
  await form.getByLabel('E-mail address').fill('nia.okafor@oakfield.example')
  await form.getByLabel('Role').selectOption('TEAM')
  await form.getByLabel('First password').fill('nia first password 2026')
  await form.getByRole('button', { name: 'Send invitation' }).click()
  // The same reply as for someone who already had a login.
  await expect(form.locator('[data-notice="success"]')).toHaveText(
    'Invitation sent: they see it when they next sign in.',
  )

  await page.context().clearCookies()
  const signIn = new SignInPage(page)
  await signIn.goto()
  await signIn.signIn('nia.okafor@oakfield.example', 'nia first password 2026')
  await expect(page.getByRole('heading', { name: 'You are not in a school yet', level: 1 })).toBeVisible()
  const card = page.getByTestId('invitation-Oakfield Primary School')
  await expect(card).toContainText('Oakfield Primary School invites you as a Recovery team member')
  await screenshots(page, 'no-school-invitation')
  await card.getByRole('button', { name: 'Accept the invitation from Oakfield Primary School' }).click()
  // Their only school: they land on its dashboard.
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible()
  await expect(page.getByTestId('role')).toHaveText('Recovery team member')
})

test('a team member who posts manager-only actions directly is refused and nothing changes', async ({
  page,
}) => {
  await signInAs(page, 'TEAM')
  const before = await membershipState()
  const auditBefore = await auditCount()
  const [manager] = await query<{ id: string }>(
    `SELECT m.id FROM "Membership" m JOIN "User" u ON u.id = m."userId" JOIN "School" s ON s.id = m."schoolId"
     WHERE u.email = $1 AND s.urn = '100001'`,
    [LOGINS.MANAGER],
  )
  const usersBefore = await query('SELECT id FROM "User" ORDER BY id')
  const post = (action: string, arg: unknown) => postAction(page, action, [arg])
  const add = await post('inviteMemberAction', {
    name: 'Intruder',
    email: 'intruder@example.org',
    role: 'MANAGER',
    password: 'a long enough password',
  })
  expect(add).toContain('NOT_FOUND')
  const demote = await post('changeRoleAction', { membershipId: manager!.id, role: 'TEAM', version: 1 })
  expect(demote).toContain('NOT_FOUND')
  const remove = await post('removeMemberAction', { membershipId: manager!.id, version: 1 })
  expect(remove).toContain('NOT_FOUND')
  expect(await membershipState()).toEqual(before)
  expect(await auditCount()).toBe(auditBefore)
  expect(await query('SELECT id FROM "User" ORDER BY id')).toEqual(usersBefore)
})

test('the activity page lists changes for the manager', async ({ page }) => {
  await signInAs(page, 'MANAGER')
  await page.goto('/activity')
  await expect(page.getByRole('heading', { name: 'Activity', level: 1 })).toBeVisible()
  await screenshots(page, 'activity')
})
