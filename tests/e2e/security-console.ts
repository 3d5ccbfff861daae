import type { Page } from '@playwright/test'

/**
 * Collects what the browser says about security on this page: Content-Security-Policy violations (from
 * the page's own `securitypolicyviolation` event and the console), Permissions-Policy header errors, and
 * uncaught page errors. A page that works under the policy leaves this list empty.
 */
export async function watchSecurityConsole(page: Page): Promise<string[]> {
  const problems: string[] = []
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`)
    })
  })
  page.on('console', (m) => {
    const t = m.text()
    if (/Content Security Policy|CSP violation|Permissions-Policy|Refused to/i.test(t)) problems.push(t)
  })
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`))
  return problems
}
