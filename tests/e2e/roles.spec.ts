import { expect, test } from '@playwright/test'
import {
  type DemoRole,
  expectNoAxeViolations,
  LOGINS,
  mainNav,
  SignInPage,
  screenshots,
  signInAs,
} from './support'

const NAV: Record<DemoRole, string[]> = {
  MANAGER: ['Dashboard', 'Services', 'Assets', 'Dependencies', 'People', 'Activity'],
  HEAD: ['Dashboard', 'Services', 'Assets', 'Dependencies', 'People', 'Activity'],
  TEAM: ['Dashboard', 'Services', 'Assets', 'Dependencies'],
  VIEWER: ['Dashboard', 'Services', 'Assets', 'Dependencies'],
}
const ROLE_LABEL: Record<DemoRole, string> = {
  MANAGER: 'Service continuity manager',
  HEAD: 'Head teacher',
  TEAM: 'Recovery team member',
  VIEWER: 'Read-only viewer',
}

test('the sign-in page refuses a wrong password with a clear message and keeps the e-mail', async ({
  page,
}) => {
  const p = new SignInPage(page)
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
  test(`${role.toLowerCase()} signs in and sees their own navigation`, async ({ page }) => {
    await signInAs(page, role)
    await expect(page.getByTestId('role')).toHaveText(ROLE_LABEL[role])
    await expect(mainNav(page).getByRole('link')).toHaveText(NAV[role])
    // Real counts from the seeded database, one person in each role, for the roles that may see people.
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

test('a manager of two schools switches school and sees only that school', async ({ page }) => {
  await signInAs(page, 'MANAGER')
  await expect(page.getByRole('link', { name: 'Oakfield Primary School' })).toBeVisible()
  await page
    .getByLabel('School', { exact: true })
    .selectOption({ label: 'Riverside Academy (Service continuity manager)' })
  // Choosing alone changes nothing (WCAG 3.2.2); the Switch button does.
  await expect(page.getByRole('link', { name: 'Oakfield Primary School' })).toBeVisible()
  await page.getByRole('button', { name: 'Switch' }).click()
  await expect(page.getByRole('link', { name: 'Riverside Academy' })).toBeVisible()
  await page.goto('/people')
  await expect(page.getByRole('row')).toHaveCount(2) // header + the manager: the demo team is at Oakfield only
  await page
    .getByLabel('School', { exact: true })
    .selectOption({ label: 'Oakfield Primary School (Service continuity manager)' })
  await page.getByRole('button', { name: 'Switch' }).click()
  await expect(page.getByRole('link', { name: 'Oakfield Primary School' })).toBeVisible()
})
