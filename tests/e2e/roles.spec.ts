import { expect, test } from './fixtures'
import { type DemoRole, expectNoAxeViolations, LOGINS, mainNav, screenshots } from './support'

const NAV: Record<DemoRole, string[]> = {
  MANAGER: [
    'Dashboard',
    'My steps',
    'Services',
    'Assets',
    'Dependencies',
    'Contingency plans',
    'Recovery plan',
    'Backups',
    'Coverage',
    'Risks',
    'Reviews',
    'People',
    'Recovery team',
    'Activity',
  ],
  HEAD: [
    'Dashboard',
    'Services',
    'Assets',
    'Dependencies',
    'Contingency plans',
    'Recovery plan',
    'Backups',
    'Coverage',
    'Risks',
    'Reviews',
    'People',
    'Recovery team',
    'Activity',
  ],
  TEAM: [
    'Dashboard',
    'My steps',
    'Services',
    'Assets',
    'Dependencies',
    'Recovery plan',
    'Risks',
    'Recovery team',
  ],
  VIEWER: ['Dashboard', 'Services', 'Assets', 'Dependencies', 'Recovery plan', 'Risks', 'Reviews'],
}
const ROLE_LABEL: Record<DemoRole, string> = {
  MANAGER: 'Service continuity manager',
  HEAD: 'Head teacher',
  TEAM: 'Recovery team member',
  VIEWER: 'Read-only viewer',
}

// The demo's own head teacher login: the one test here that signs in with a seeded login, read-only.
test('the sign-in page refuses a wrong password with a clear message and keeps the e-mail', async ({
  page,
  signInPage: p,
}) => {
  await p.goto()
  await expectNoAxeViolations(page)
  await p.signIn(LOGINS.HEAD, 'not the password')
  await expect(p.error()).toContainText('do not match an account')
  await expect(page.getByLabel('E-mail address')).toHaveValue(LOGINS.HEAD)
  await screenshots(page, 'sign-in-error')
  await p.signIn(LOGINS.HEAD)
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible()
})

for (const role of Object.keys(NAV) as DemoRole[]) {
  test(`${role.toLowerCase()} signs in and sees their own navigation`, async ({ signedInAs }) => {
    const page = await signedInAs(role)
    await expect(page.getByTestId('role')).toHaveText(ROLE_LABEL[role])
    await expect(mainNav(page).getByRole('link')).toHaveText(NAV[role])
    // Real counts from the test's school, one person in each role, for the roles that may see people.
    const people = page.getByRole('region', { name: 'People' })
    if (NAV[role].includes('People')) {
      await expect(people.getByRole('listitem')).toHaveCount(4)
      await expect(people.getByRole('listitem').first()).toContainText('1')
    } else await expect(people).toHaveCount(0)
    await screenshots(page, `dashboard-${role.toLowerCase()}`)
    if (!NAV[role].includes('People')) {
      const res = await page.goto('/people')
      expect(res?.status()).toBe(404)
      await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible()
    }
    await page.goto('/')
    await page.getByRole('button', { name: 'Sign out' }).click()
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible()
    await page.goto('/')
    await expect(page).toHaveURL(/\/sign-in/)
  })
}

test('a manager of two schools switches school and sees only that school', async ({
  signedInAs,
  db,
  school,
}) => {
  // The test's school (one person per role) and a second one where the same manager is alone; with no
  // school chosen yet, the first by name is where they land.
  const home = school.name
  const away = `Westfield Academy ${school.tag}`
  const second = await db.school(away, [])
  await db.login(second.id, 'MANAGER', school.logins.MANAGER.email)
  const page = await signedInAs('MANAGER')
  await expect(page.getByRole('link', { name: home })).toBeVisible()
  await page
    .getByLabel('School', { exact: true })
    .selectOption({ label: `${away} (Service continuity manager)` })
  // Choosing alone changes nothing (WCAG 3.2.2); the Switch button does.
  await expect(page.getByRole('link', { name: home })).toBeVisible()
  await page.getByRole('button', { name: 'Switch' }).click()
  await expect(page.getByRole('link', { name: away })).toBeVisible()
  await page.goto('/people')
  await expect(page.getByRole('row')).toHaveCount(2) // header + the manager: the team is at the first school only
  await page
    .getByLabel('School', { exact: true })
    .selectOption({ label: `${home} (Service continuity manager)` })
  await page.getByRole('button', { name: 'Switch' }).click()
  await expect(page.getByRole('link', { name: home })).toBeVisible()
})

test('a school taken away while its page was open switches nothing, and the dashboard says why', async ({
  signedInAs,
  db,
  school,
}) => {
  const home = school.name
  const away = `Woodfield Academy ${school.tag}` // after the test school by name, so they land in that one
  const second = await db.school(away, [])
  await db.login(second.id, 'MANAGER', school.logins.MANAGER.email)
  const page = await signedInAs('MANAGER')
  await page
    .getByLabel('School', { exact: true })
    .selectOption({ label: `${away} (Service continuity manager)` })
  // Someone removes them from that school while this page is still on screen.
  await db.query(
    `DELETE FROM "Membership" m USING "User" u WHERE u.id = m."userId" AND m."schoolId" = $1 AND u.email = $2`,
    [second.id, school.logins.MANAGER.email],
  )
  await page.getByRole('button', { name: 'Switch' }).click()
  await expect(
    page.getByText(
      `That school is no longer one of yours, so nothing was switched. You are working in ${home}.`,
    ),
  ).toBeVisible()
  await expect(page).toHaveURL(/\/\?notice=school-gone$/)
  await expect(page.getByRole('link', { name: home })).toBeVisible()
  // Their list of schools no longer offers it, so there is nothing left to switch between.
  await expect(page.getByLabel('School', { exact: true })).toHaveCount(0)
})
