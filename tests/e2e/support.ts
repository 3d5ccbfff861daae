import fs from 'node:fs'
import path from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { expect, type Page } from '@playwright/test'
import pg from 'pg'

export const DEMO_PASSWORD = 'continuity-demo-2026'
export const LOGINS = {
  MANAGER: 'manager@oakfield.example',
  TEAM: 'team@oakfield.example',
  HEAD: 'head@oakfield.example',
  VIEWER: 'viewer@oakfield.example',
} as const
export type DemoRole = keyof typeof LOGINS

/** Page object for the sign-in page. */
export class SignInPage {
  constructor(private readonly page: Page) {}
  async goto() {
    await this.page.goto('/sign-in')
  }
  async signIn(email: string, password = DEMO_PASSWORD) {
    await this.page.getByLabel('E-mail address').fill(email)
    await this.page.getByLabel('Password').fill(password)
    await this.page.getByRole('button', { name: 'Sign in' }).click()
  }
  error() {
    return this.page.locator('[data-notice="error"]')
  }
}

/**
 * How long a sign-in may take to reach the dashboard: the password check is deliberately slow (scrypt),
 * and the first request after the server starts also warms it; over 5 s on a busy two-core machine.
 */
export const SIGN_IN_TIMEOUT = 20_000

export async function signInAs(page: Page, role: DemoRole) {
  // The school a person last chose is remembered on the server, across browsers: start each journey
  // from where a first sign-in lands (the first school by name), whatever an earlier test switched to.
  await query('UPDATE "User" SET "lastSchoolId" = NULL WHERE email = $1', [LOGINS[role]])
  const p = new SignInPage(page)
  await p.goto()
  await p.signIn(LOGINS[role])
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible({
    timeout: SIGN_IN_TIMEOUT,
  })
}

export function mainNav(page: Page) {
  return page.getByRole('navigation', { name: 'Main' })
}

/** Runs axe on the page and fails on any violation, listing them. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze()
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  )
  expect(summary).toEqual([])
}

/** Screenshots at desktop width and at 360 px for looking at what was built. */
export async function screenshots(page: Page, name: string) {
  const dir = path.join('tests', '.artifacts', 'screens')
  fs.mkdirSync(dir, { recursive: true })
  const size = page.viewportSize()
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.screenshot({ path: path.join(dir, `${name}-desktop.png`), fullPage: true })
  await page.setViewportSize({ width: 360, height: 740 })
  await page.screenshot({ path: path.join(dir, `${name}-phone.png`), fullPage: true })
  // At 360 px nothing may push the page sideways (wide content scrolls inside its own region).
  const wide = await page.evaluate(() => {
    const overflow = document.documentElement.scrollWidth - window.innerWidth
    // Name the outermost elements that stick out, to say what to fix.
    const culprits = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5)
      .filter(
        (el) =>
          !el.parentElement || el.parentElement.getBoundingClientRect().right <= window.innerWidth + 0.5,
      )
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${String(el.getAttribute('class') ?? '').slice(0, 60)}`)
    return { overflow, culprits }
  })
  expect(
    wide.overflow,
    `${name} is wider than a 360 px phone: ${wide.culprits.join(', ')}`,
  ).toBeLessThanOrEqual(0)
  await expectNoAxeViolations(page)
  if (size) await page.setViewportSize(size)
}

/** Direct access to the e2e database, to check what a request did or did not change. */
export async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL })
  await c.connect()
  try {
    return (await c.query<T>(sql, params)).rows
  } finally {
    await c.end()
  }
}

/** The id Next gave a server action, read from the build's manifest, to post to it as a client could. */
export function serverActionId(exportName: string): string {
  const manifest = JSON.parse(fs.readFileSync('.next/server/server-reference-manifest.json', 'utf8')) as {
    node: Record<string, { exportedName?: string; filename?: string }>
  }
  const entry = Object.entries(manifest.node).find(([, v]) => v.exportedName === exportName)
  if (!entry) throw new Error(`No server action named ${exportName} in the build`)
  return entry[0]
}

/**
 * Posts straight to a server action as any client could (no form, no button), with these arguments,
 * from the page's own session. Returns the raw response text.
 */
export async function postAction(page: Page, exportName: string, args: unknown[]): Promise<string> {
  return page.evaluate(
    async ({ id, body }) => {
      const r = await fetch('/', {
        method: 'POST',
        headers: {
          'Next-Action': id,
          'Content-Type': 'text/plain;charset=UTF-8',
          Accept: 'text/x-component',
        },
        body,
      })
      return r.text()
    },
    { id: serverActionId(exportName), body: JSON.stringify(args) },
  )
}

/** What catalogue actions can change, to prove that a refused request changed nothing. */
export async function catalogueSnapshot() {
  const [counts] = await query<Record<string, string>>(
    `SELECT (SELECT count(*) FROM "Asset") AS assets, (SELECT count(*) FROM "Service") AS services,
            (SELECT count(*) FROM "ServiceAsset") AS links, (SELECT count(*) FROM "AssetDependency") AS deps,
            (SELECT count(*) FROM "AuditEvent") AS audit,
            (SELECT coalesce(sum(version), 0) FROM "Asset") AS asset_versions,
            (SELECT coalesce(sum(version), 0) FROM "Service") AS service_versions`,
  )
  return counts
}
