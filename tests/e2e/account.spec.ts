import { expect, test } from '@playwright/test'
import { DEMO_PASSWORD, LOGINS, query, SignInPage, screenshots, signInAs } from './support'

const NEW_PASSWORD = 'a brand new long password'

async function sessionsOf(email: string) {
  return query<{ id: string }>(
    `SELECT s.id FROM "Session" s JOIN "User" u ON u.id = s."userId" WHERE u.email = $1`,
    [email],
  )
}

test('changing your password signs out your other sessions and keeps this one', async ({ page, browser }) => {
  // The same person signed in on another computer.
  const elsewhere = await browser.newContext()
  const other = await elsewhere.newPage()
  // This file often runs first, on a cold server: give the very first sign-in longer.
  const first = new SignInPage(other)
  await first.goto()
  await first.signIn(LOGINS.VIEWER)
  await expect(other.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible({ timeout: 30_000 })
  await signInAs(page, 'VIEWER')
  expect(await sessionsOf(LOGINS.VIEWER)).toHaveLength(2)

  await page.getByRole('link', { name: 'Your account' }).click()
  await expect(page.getByRole('heading', { name: 'Your account', level: 1 })).toBeVisible()
  await expect(page.getByText(LOGINS.VIEWER)).toBeVisible()
  await page.getByLabel('Current password').fill('not my password')
  await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD)
  await page.getByLabel('New password again').fill(NEW_PASSWORD)
  await page.getByRole('button', { name: 'Change password' }).click()
  await expect(page.locator('[data-notice="error"]')).toContainText('not changed')
  await expect(page.getByLabel('Current password')).toHaveAttribute('aria-invalid', 'true')
  // What was typed is kept (the server never sends passwords back; the fields hold it).
  await expect(page.getByLabel('New password', { exact: true })).toHaveValue(NEW_PASSWORD)
  await screenshots(page, 'account-wrong-password')
  expect(await sessionsOf(LOGINS.VIEWER)).toHaveLength(2)

  await page.getByLabel('Current password').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Change password' }).click()
  await expect(page.locator('[data-notice="success"]')).toContainText('Signed out of 1 other session')
  await expect(page.getByLabel('New password', { exact: true })).toHaveValue('')
  await screenshots(page, 'account-changed')
  expect(await sessionsOf(LOGINS.VIEWER)).toHaveLength(1)

  // The other computer is signed out at once; this one is not.
  await other.goto('/')
  await expect(other).toHaveURL(/\/sign-in/)
  await page.goto('/')
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible()
  await elsewhere.close()

  // Put the demo password back for the other tests.
  await page.goto('/account')
  await page.getByLabel('Current password').fill(NEW_PASSWORD)
  await page.getByLabel('New password', { exact: true }).fill(DEMO_PASSWORD)
  await page.getByLabel('New password again').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Change password' }).click()
  await expect(page.locator('[data-notice="success"]')).toBeVisible()
})

test('signing out ends the session on the server: a copied cookie no longer works', async ({
  page,
  browser,
}) => {
  await signInAs(page, 'HEAD')
  const copied = await page.context().cookies()
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible()
  const thief = await browser.newContext()
  await thief.addCookies(copied)
  const p = await thief.newPage()
  await p.goto('/')
  await expect(p).toHaveURL(/\/sign-in/)
  await thief.close()
})

test.describe('sign-in requests sent by hand', () => {
  async function postSignIn(page: import('@playwright/test').Page, email: string, forwardedFor?: string) {
    const { csrfToken } = await (await page.request.get('/api/auth/csrf')).json()
    return page.request.post('/api/auth/callback/credentials', {
      form: { csrfToken, email, password: 'wrong password', json: 'true' },
      // A client may also try to forge the header that carries the connection's address: it is overwritten.
      headers: forwardedFor ? { 'X-Forwarded-For': forwardedFor, 'X-Portal-Peer-Address': forwardedFor } : {},
      maxRedirects: 0,
    })
  }

  test('a forged X-Forwarded-For does not change the address that is counted', async ({ page }) => {
    const before = await query<{ key: string; failures: number }>(
      `SELECT key, failures FROM "LoginThrottle" WHERE key LIKE 'ip:%'`,
    )
    const local = before.find((r) => r.key === 'ip:127.0.0.1')?.failures ?? 0
    for (const forged of ['203.0.113.1', '203.0.113.2', '198.51.100.9, 203.0.113.3'])
      await postSignIn(page, 'nobody@oakfield.example', forged)
    const after = await query<{ key: string; failures: number }>(
      `SELECT key, failures FROM "LoginThrottle" WHERE key LIKE 'ip:%'`,
    )
    expect(after.filter((r) => r.key.includes('203.0.113') || r.key.includes('198.51.100'))).toEqual([])
    expect(after.find((r) => r.key === 'ip:127.0.0.1')?.failures).toBe(local + 3)
  })

  test('a NUL byte in the e-mail is answered as a wrong password, with no database error text', async ({
    page,
  }) => {
    const r = await postSignIn(page, 'manager@oakfield.example\u0000')
    const body = await r.text()
    expect(body + (r.headers().location ?? '')).toContain('INVALID')
    expect(body).not.toMatch(/invalid byte sequence|0x00|postgres|prisma/i)
  })
})
