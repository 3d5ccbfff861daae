import { defineConfig, devices } from '@playwright/test'

/*
 * End-to-end tests drive Debian's Chromium against the production build (`next build` first; the
 * test:e2e script does it) on a throwaway PostgreSQL database that tests/e2e/prepare-db.ts creates,
 * migrates and seeds, and global-teardown drops. Tests read that database directly to prove that a
 * refused request changed nothing.
 */
const port = Number(process.env.E2E_PORT ?? 3100)
const server = process.env.E2E_SERVER_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres'
if (!process.env.E2E_DATABASE_URL) {
  const u = new URL(server)
  u.pathname = `/e2e_${Date.now().toString(36)}`
  process.env.E2E_DATABASE_URL = u.toString()
}
export const baseURL = `http://127.0.0.1:${port}`

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: process.env.CI
    ? [['list'], ['json', { outputFile: 'tests/.artifacts/e2e-results.json' }]]
    : [['list'], ['json', { outputFile: 'tests/.artifacts/e2e-results.json' }]],
  globalTeardown: './tests/e2e/global-teardown.ts',
  outputDir: 'tests/.artifacts/e2e-output',
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-gpu',
        '--disable-quic',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: {
    command: `npx tsx tests/e2e/prepare-db.ts && npx next start -p ${port} -H 127.0.0.1`,
    url: `${baseURL}/sign-in`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    env: {
      DATABASE_URL: process.env.E2E_DATABASE_URL,
      NEXTAUTH_URL: baseURL,
      NEXTAUTH_SECRET: 'e2e-secret-not-for-production-0123456789',
      NEXT_TELEMETRY_DISABLED: '1',
    },
  },
})
