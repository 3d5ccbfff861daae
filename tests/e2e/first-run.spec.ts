/*
 * What a stranger does on a fresh machine: take a clean copy of the repository, run the README's
 * `npm run demo` with nothing set (no NEXTAUTH_SECRET, AUTH_SECRET, NEXTAUTH_URL or DATABASE_URL), and
 * sign in with each demo login. And what an operator who forgot the secret sees from `npm start`.
 *
 * The copy is the repository's files as git sees them (tracked and new, never ignored: no .data, .next,
 * node_modules or .env), so it is what a clone of this working tree would hold. `npm ci` would take
 * minutes, so node_modules is hard-linked from this checkout (same files, no copying) and the copy runs
 * `node prisma/generate.mjs` itself as `npm ci`'s postinstall would. The demo runs `next dev` on its own
 * port (FIRST_RUN_PORT, default E2E_PORT + 100), separate from the production server the other specs use.
 */
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect, test } from '@playwright/test'
import { watchSecurityConsole } from './security-console'
import { DEMO_PASSWORD, LOGINS } from './support'

const repo = path.resolve(import.meta.dirname, '..', '..')
const port = Number(process.env.FIRST_RUN_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 100)
// `next dev` only serves its scripts to localhost (allowedDevOrigins), not 127.0.0.1.
const demoUrl = `http://localhost:${port}`
const PRODUCTION_SENTENCE = /^NEXTAUTH_SECRET is not set: .+\.$/m

/** The environment of a new shell: none of the settings the README says are optional, nothing from npm. */
function strangerEnv(): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' }
  for (const k of Object.keys(env)) {
    // spawn leaves out variables whose value is undefined.
    if (
      /^(NEXTAUTH_|AUTH_|DATABASE_URL$|PGLITE_DIR$|E2E_|PORT$|NODE_ENV$|npm_|__NEXT|NEXT_PRIVATE)/.test(k)
    ) {
      env[k] = undefined
    }
  }
  return env as NodeJS.ProcessEnv
}

let dir = ''
let demo: ChildProcess | undefined
let demoLog = ''

function copyRepository(to: string) {
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: repo,
    encoding: 'utf8',
  })
    .split('\0')
    .filter(Boolean)
  for (const f of files) {
    const from = path.join(repo, f)
    if (!fs.existsSync(from)) continue // deleted in the working tree, not yet committed
    fs.mkdirSync(path.dirname(path.join(to, f)), { recursive: true })
    fs.copyFileSync(from, path.join(to, f))
  }
  // Hard links: instant, and a tool that replaces a file in the copy cannot touch the original.
  const linked = spawnSync('cp', ['-al', path.join(repo, 'node_modules'), path.join(to, 'node_modules')])
  if (linked.status !== 0) {
    fs.cpSync(path.join(repo, 'node_modules'), path.join(to, 'node_modules'), { recursive: true })
  }
}

/** True while any process of the group still runs (kill with signal 0 only asks). */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0)
    return true
  } catch {
    return false
  }
}

/**
 * Stops npm, the start script and every worker of next dev, and returns only when none of them is left:
 * npm can exit while next dev's workers are still flushing their cache into the copy.
 */
async function stopDemo() {
  const p = demo
  demo = undefined
  if (!p?.pid) return
  const pgid = p.pid
  // npm, the start script and next dev's workers share one process group (detached below).
  try {
    process.kill(-pgid, 'SIGTERM')
  } catch {}
  const deadline = Date.now() + 15_000
  let killed = false
  while (groupAlive(pgid) && Date.now() < deadline) {
    if (!killed && Date.now() > deadline - 10_000) {
      try {
        process.kill(-pgid, 'SIGKILL')
      } catch {}
      killed = true
    }
    await new Promise((r) => setTimeout(r, 200))
  }
}

async function waitForSignInPage(timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (demo?.exitCode !== null) throw new Error(`npm run demo exited (${demo?.exitCode}):\n${demoLog}`)
    try {
      const r = await fetch(`${demoUrl}/sign-in`, { signal: AbortSignal.timeout(60_000) })
      if (r.status === 200) return
    } catch {}
    await new Promise((r) => setTimeout(r, 1_000))
  }
  throw new Error(`The demo did not serve /sign-in within ${timeoutMs / 1000} s:\n${demoLog}`)
}

test.describe('first run on a fresh machine', () => {
  test.describe.configure({ mode: 'serial' })
  test.setTimeout(300_000)

  test.beforeAll(async () => {
    test.setTimeout(300_000)
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'continuity-first-run-'))
    copyRepository(dir)
    const generated = spawnSync(process.execPath, ['prisma/generate.mjs'], {
      cwd: dir,
      env: strangerEnv(),
      encoding: 'utf8',
    })
    expect(generated.status, generated.stderr).toBe(0)
  })

  test.afterAll(async () => {
    await stopDemo()
    // Removing the copy is housekeeping in the system's temporary folder, not something under test: a
    // file still being written as the last worker dies must not turn a passing run red.
    if (dir) {
      try {
        fs.rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 300 })
      } catch (e) {
        console.warn(`first run: left ${dir} behind (${(e as Error).message})`)
      }
    }
  })

  test('npm start without a secret stops with one sentence instead of serving 500s', () => {
    const r = spawnSync('npm', ['start'], { cwd: dir, env: strangerEnv(), encoding: 'utf8', timeout: 60_000 })
    expect(r.status).not.toBe(0)
    expect(r.stderr).toMatch(PRODUCTION_SENTENCE)
    // It stops before Next starts: nothing listened, nothing built was needed.
    expect(r.stdout).not.toContain('Ready')
  })

  test('npm run demo with nothing set signs in every demo login', async ({ browser }) => {
    demo = spawn('npm', ['run', 'demo'], {
      cwd: dir,
      env: { ...strangerEnv(), PORT: String(port) },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    demo.stdout?.on('data', (d) => {
      demoLog += d
    })
    demo.stderr?.on('data', (d) => {
      demoLog += d
    })
    const started = Date.now()
    await waitForSignInPage(240_000)
    const ready = Date.now()

    for (const email of Object.values(LOGINS)) {
      const context = await browser.newContext({ baseURL: demoUrl })
      const page = await context.newPage()
      // The dev server runs under its own policy (proxy.ts adds 'unsafe-eval' for React's dev tools).
      const problems = await watchSecurityConsole(page)
      await page.goto('/sign-in')
      await page.getByLabel('E-mail address').fill(email)
      await page.getByLabel('Password').fill(DEMO_PASSWORD)
      await page.getByRole('button', { name: 'Sign in' }).click()
      // The first visit compiles the dashboard in dev mode: give it time.
      await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 }), email).toBeVisible({
        timeout: 120_000,
      })
      expect(problems, email).toEqual([])
      await context.close()
    }
    expect(demoLog).not.toContain('JWEDecryptionFailed')
    // The secret was made on first run, for this user only, where the README says.
    const secretFile = path.join(dir, '.data', 'nextauth-dev-secret')
    expect(fs.statSync(secretFile).mode & 0o777).toBe(0o600)
    expect(fs.readFileSync(secretFile, 'utf8').trim().length).toBeGreaterThanOrEqual(32)
    expect(demoLog).toContain('Generated a development session secret')
    // The seed printed the logins the README lists.
    for (const email of Object.values(LOGINS)) expect(demoLog).toContain(email)

    console.log(
      `first run: the demo served /sign-in after ${Math.round((ready - started) / 1000)} s; four sign-ins took ${Math.round((Date.now() - ready) / 1000)} s`,
    )
  })

  test('a second run keeps the same development secret', () => {
    const read = `import('./scripts/dev-secret.mjs').then(m => console.log(String(m.ensureDevSecret('.data/nextauth-dev-secret').created)))`
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', read], { cwd: dir, encoding: 'utf8' })
    expect(r.stdout.trim()).toBe('false')
  })
})
