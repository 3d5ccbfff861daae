import { expect, test } from '@playwright/test'
import { screenshots } from './support'

// The files in public/ and the manifest are served to anyone, signed in or not, and the pages link them.
test('the sign-in page links the favicon, touch icon and manifest, and each is served', async ({
  page,
  request,
}) => {
  await page.goto('/sign-in')
  const head = page.locator('head')
  await expect(head.locator('link[rel="icon"][href="/icon.svg"]')).toHaveAttribute('type', 'image/svg+xml')
  await expect(head.locator('link[rel="icon"][href="/favicon.ico"]')).toHaveCount(1)
  await expect(head.locator('link[rel="apple-touch-icon"]')).toHaveAttribute('href', '/apple-touch-icon.png')
  await expect(head.locator('link[rel="manifest"]')).toHaveAttribute('href', '/manifest.webmanifest')
  await expect(head.locator('meta[name="theme-color"]')).toHaveAttribute('content', '#175746')

  const manifest = await request.get('/manifest.webmanifest')
  expect(manifest.status()).toBe(200)
  const body = await manifest.json()
  expect(body).toMatchObject({ name: 'School ICT service continuity', theme_color: '#175746' })
  const types: Record<string, string> = {
    '/icon.svg': 'image/svg+xml',
    '/favicon.ico': 'image/',
    '/apple-touch-icon.png': 'image/png',
  }
  for (const icon of body.icons as { src: string }[]) types[icon.src] ??= 'image/'
  for (const [src, type] of Object.entries(types)) {
    const res = await request.get(src, { maxRedirects: 0 })
    expect(res.status(), src).toBe(200)
    expect(res.headers()['content-type'], src).toContain(type)
  }
  // Axe and the 360 px check still pass on the page that now carries the links.
  await screenshots(page, 'sign-in-with-icons')
})
