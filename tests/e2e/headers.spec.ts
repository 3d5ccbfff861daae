/*
 * Security headers on the production build (lib/security/headers.ts, proxy.ts, next.config.ts): what a
 * page and a static file carry, that the pages still work under the Content-Security-Policy with no
 * violation reported (sign-in, hydration, a server action form, the dependency graph, Tailwind styles, a
 * 404), and that a body over the limit gets 413 with a sentence instead of a 500 and a reset connection.
 */
import { expect, test } from '@playwright/test'
import { watchSecurityConsole } from './security-console'
import { LOGINS, SignInPage } from './support'

function directives(csp: string | undefined): Record<string, string[]> {
  expect(csp, 'Content-Security-Policy header').toBeTruthy()
  return Object.fromEntries(
    csp!.split(';').map((d) => {
      const [name, ...sources] = d.trim().split(/\s+/)
      return [name!, sources]
    }),
  )
}

test('a page carries a fresh nonce policy and the fixed headers; its scripts carry the nonce', async ({
  request,
}) => {
  const first = await request.get('/sign-in')
  const second = await request.get('/sign-in')
  expect(first.status()).toBe(200)
  const h = first.headers()
  const csp = directives(h['content-security-policy'])
  const nonce = csp['script-src']!.find((s) => s.startsWith("'nonce-"))!.slice(7, -1)
  expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/)
  expect(second.headers()['content-security-policy']).not.toContain(nonce)
  expect(csp['script-src']).toContain("'strict-dynamic'")
  expect(Object.values(csp).flat()).not.toContain("'unsafe-eval'")
  expect(Object.values(csp).flat()).not.toContain("'unsafe-inline'")
  expect(csp['frame-ancestors']).toEqual(["'none'"])
  expect(csp['object-src']).toEqual(["'none'"])
  expect(h['x-content-type-options']).toBe('nosniff')
  expect(h['referrer-policy']).toBe('same-origin')
  expect(h['x-frame-options']).toBe('DENY')
  for (const feature of ['camera', 'microphone', 'geolocation']) {
    expect(h['permissions-policy']).toContain(`${feature}=()`)
  }

  // Next put the nonce on every script it wrote, inline or not.
  const html = await first.text()
  const scripts = html.match(/<script\b[^>]*>/g) ?? []
  expect(scripts.length).toBeGreaterThan(0)
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`)

  // A static file: the fixed headers, no per-page policy (the proxy skips it).
  const chunk = html.match(/src="(\/_next\/static\/[^"]+\.js)"/)?.[1]
  expect(chunk).toBeTruthy()
  const file = await request.get(chunk!)
  expect(file.status()).toBe(200)
  expect(file.headers()['x-content-type-options']).toBe('nosniff')
  expect(file.headers()['content-security-policy']).toBeUndefined()
})

test('pages work under the policy: sign-in, a server action form, the graph, styles, a 404', async ({
  page,
}) => {
  const problems = await watchSecurityConsole(page)
  const signIn = new SignInPage(page)
  await signIn.goto()
  await signIn.signIn(LOGINS.MANAGER)
  // Checking the password is deliberately slow; on a busy machine it takes more than expect's 5 s.
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible({ timeout: 30_000 })

  // Tailwind's stylesheet applied (the page heading is bold and the body font is not the default serif).
  // Wait for the page itself: the streamed loading state has a heading of the same name, replaced when
  // the page arrives (a replaced element has no computed style).
  await expect(page.getByRole('heading', { name: 'Services and assets', level: 2 })).toBeVisible()
  const h1 = page.getByRole('heading', { name: 'Dashboard', level: 1 })
  expect(await h1.evaluate((el) => getComputedStyle(el).fontWeight)).toBe('700')

  // A server action form: a CSV between 2 and 3 MB passes the request limit and gets the import's own
  // message beside the field (not "Something went wrong", not 413).
  await page.goto('/assets/import')
  const header =
    'name,type,location,specification,supplier,contract_ref,standby_arrangement,standby_verified_at\n'
  const row = 'Big file row,Server,Office,,,,,\n'
  const csv = header + row.repeat(Math.ceil((2.5 * 1024 * 1024) / row.length))
  await page.getByLabel('Asset register (CSV)').setInputFiles({
    name: 'register.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv),
  })
  await page.getByRole('button', { name: 'Check the file' }).click()
  await expect(page.locator('#file-error')).toContainText('keep it under 2 MB')

  // The dependency graph page (an SVG drawn by the server) renders and hydrates.
  await page.goto('/dependencies')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()

  // A URL that matches no route still renders the not-found page under the policy.
  const missing = await page.goto('/no-such-page')
  expect(missing?.status()).toBe(404)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()

  // Client-side navigation (needs hydrated scripts) back to the dashboard.
  await page.goto('/people')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click()
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible()

  expect(problems).toEqual([])
})

test('a body over 3 MB gets 413 and a sentence, not a 500 and a reset connection', async ({ request }) => {
  const big = Buffer.alloc(3 * 1024 * 1024 + 1, 'a')
  for (const url of ['/', '/assets/import', '/api/auth/callback/credentials']) {
    const r = await request.post(url, {
      data: big,
      headers: { 'Content-Type': 'text/plain;charset=UTF-8', 'Next-Action': 'x'.repeat(42) },
    })
    expect(r.status(), url).toBe(413)
    expect(r.headers()['content-type']).toContain('text/plain')
    expect(await r.text()).toMatch(/too large.*3 MB/)
  }
  // A small body goes through to Next (which refuses the made-up action, but not for its size).
  const small = await request.post('/', {
    data: Buffer.alloc(1024, 'a'),
    headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
  })
  expect(small.status()).not.toBe(413)
})
