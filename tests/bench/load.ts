/*
 * Load benchmark: how many requests a second each page serves to 20 signed-in users at once, against the
 * sign-in page in the same run (a dynamic page with no data), so that the figures compare across machines.
 *
 *   npm run bench:load                       # build, then measure every page for 10 s each
 *   npm run bench:load -- --no-build         # reuse the last `next build`
 *   npm run bench:load -- --duration=5 --only=/dependencies,/assets
 *   npm run bench:load -- --warmup=0          # no unmeasured load before each page (default 3 s)
 *   npm run bench:load -- --profile          # also write CPU profiles of the server to tests/.artifacts/cpu-prof
 *   npm run bench:load -- --no-build --serve # set up, sign in, print the cookie and wait (Ctrl-C cleans up)
 *
 * It creates a throwaway database on the PostgreSQL server (BENCH_SERVER_URL, default
 * postgresql://postgres@127.0.0.1:5432/postgres), applies the migrations, seeds the demo, loads the starter
 * catalogue into the demo school, starts `next start` on BENCH_PORT (default 3300), signs in as the demo
 * manager and runs autocannon against each page: first for `--warmup` seconds unmeasured, so that every page
 * is measured in the same steady state (the first page measured would otherwise pay for compiling the code
 * every signed-in page shares), then for `--duration` seconds measured. The server is stopped and the database dropped at the end,
 * on failure and on Ctrl-C too. A script, not a test: its figures depend on the machine and on what else runs.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import autocannon from 'autocannon'
import pg from 'pg'
// @ts-expect-error: a plain .mjs script without types, shared with scripts/next.mjs
import { SERVER_NODE_FLAGS } from '../../scripts/server-flags.mjs'

type Options = {
  build: boolean
  duration: number
  connections: number
  only: string[] | null
  profile: boolean
  serve: boolean
  warmup: number
}

function parseArgs(argv: string[]): Options {
  const opts: Options = {
    build: true,
    duration: 10,
    connections: 20,
    only: null,
    profile: false,
    serve: false,
    warmup: 3,
  }
  for (const arg of argv) {
    const [key, value] = arg.split('=', 2)
    if (key === '--no-build') opts.build = false
    else if (key === '--profile') opts.profile = true
    else if (key === '--serve') opts.serve = true
    else if (key === '--duration') opts.duration = positive(key, value)
    else if (key === '--connections') opts.connections = positive(key, value)
    else if (key === '--warmup') opts.warmup = value === '0' ? 0 : positive(key, value)
    else if (key === '--only') opts.only = (value ?? '').split(',').filter(Boolean)
    else throw new Error(`Unknown option ${arg} (see the comment at the top of tests/bench/load.ts)`)
  }
  return opts
}

function positive(key: string, value: string | undefined) {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1) throw new Error(`${key} needs a whole number above 0`)
  return n
}

const opts = parseArgs(process.argv.slice(2))
const port = Number(process.env.BENCH_PORT ?? 3300)
const base = `http://127.0.0.1:${port}`
const serverUrl = process.env.BENCH_SERVER_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres'
const dbName = `bench_${Date.now().toString(36)}`
const dbUrl = (() => {
  const u = new URL(serverUrl)
  u.pathname = `/${dbName}`
  return u.toString()
})()
const secret = 'bench-secret-not-for-production-0123456789'
const MANAGER = 'manager@oakfield.example'

let server: ChildProcess | null = null
let created = false

async function adminQuery(sql: string) {
  const c = new pg.Client({ connectionString: serverUrl })
  await c.connect()
  try {
    await c.query(sql)
  } finally {
    await c.end()
  }
}

/** Stops the server (its whole process group) and drops the database; safe to call twice. */
async function cleanUp() {
  if (server?.pid && server.exitCode === null) {
    const exited = new Promise((r) => server!.once('exit', r))
    try {
      process.kill(-server.pid, 'SIGTERM')
    } catch {}
    const timer = setTimeout(() => {
      try {
        process.kill(-server!.pid!, 'SIGKILL')
      } catch {}
    }, 10_000)
    await exited
    clearTimeout(timer)
  }
  server = null
  if (created) {
    created = false
    await adminQuery(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch((e: unknown) =>
      console.error(`Could not drop database ${dbName}:`, e),
    )
  }
}

for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    console.error(`\n${signal}: stopping the server and dropping the database`)
    void cleanUp().finally(() => process.exit(130))
  })

/** Migrates and seeds the new database, loads the starter catalogue; returns one service's id. */
async function prepareDatabase(): Promise<string> {
  await adminQuery(`CREATE DATABASE "${dbName}"`)
  created = true
  process.env.DATABASE_URL = dbUrl
  // Imported only now: lib/db reads DATABASE_URL when it is first loaded.
  const { applyMigrations } = await import('../../lib/db/migrations')
  const { resolveDbTarget } = await import('../../lib/db/target')
  const { seed } = await import('../../prisma/seed')
  const { db } = await import('../../lib/db')
  const { loadStarterCatalogue } = await import('../../lib/catalogue/load-starter')
  await applyMigrations(resolveDbTarget())
  await seed()
  const user = await db.user.findUniqueOrThrow({ where: { email: MANAGER }, select: { id: true } })
  const school = await db.school.findUniqueOrThrow({ where: { urn: '100001' }, select: { id: true } })
  const loaded = await loadStarterCatalogue(db, { schoolId: school.id, userId: user.id })
  const service = await db.service.findFirstOrThrow({
    where: { schoolId: school.id, archivedAt: null },
    orderBy: { name: 'asc' },
    select: { id: true },
  })
  console.log(
    `Database ${dbName}: demo seeded, starter catalogue ${loaded.services} services, ${loaded.assets} assets`,
  )
  await db.$disconnect()
  return service.id
}

function startServer() {
  // The flags `npm start` gives Node (scripts/next.mjs), so the bench measures the server as it runs.
  const nodeArgs: string[] = [...SERVER_NODE_FLAGS]
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: dbUrl,
    NEXTAUTH_URL: base,
    NEXTAUTH_SECRET: secret,
    NEXT_TELEMETRY_DISABLED: '1',
    NODE_ENV: 'production',
  }
  if (opts.profile) {
    const dir = path.resolve('tests/.artifacts/cpu-prof')
    mkdirSync(dir, { recursive: true })
    // Node refuses --cpu-prof in NODE_OPTIONS, so it goes on the command line of next start itself.
    nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${dir}`)
    console.log(`CPU profiles will be written to ${dir} when the server stops`)
  }
  // Its own process group, so that stopping it stops any worker it starts too.
  server = spawn(
    process.execPath,
    [
      ...nodeArgs,
      path.resolve('node_modules/next/dist/bin/next'),
      'start',
      '-p',
      String(port),
      '-H',
      '127.0.0.1',
    ],
    { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  const log: string[] = []
  const keep = (b: Buffer) => {
    log.push(b.toString())
    if (log.length > 200) log.shift()
  }
  server.stdout?.on('data', keep)
  server.stderr?.on('data', keep)
  return log
}

async function waitForServer(log: string[]) {
  const until = Date.now() + 60_000
  while (Date.now() < until) {
    if (!server || server.exitCode !== null) throw new Error(`The server stopped:\n${log.join('')}`)
    try {
      const res = await fetch(`${base}/sign-in`)
      if (res.ok) return
    } catch {}
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`The server did not answer within 60 s:\n${log.join('')}`)
}

/** Cookies from a response's Set-Cookie headers, as name -> value. */
function readCookies(res: Response, jar: Map<string, string>) {
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(';', 1)
    const i = pair!.indexOf('=')
    jar.set(pair!.slice(0, i), pair!.slice(i + 1))
  }
}

const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ')

/** Signs in through next-auth's credentials flow, as the sign-in form does; returns the Cookie header. */
async function signIn(): Promise<string> {
  const jar = new Map<string, string>()
  const csrfRes = await fetch(`${base}/api/auth/csrf`)
  readCookies(csrfRes, jar)
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string }
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(jar) },
    body: new URLSearchParams({
      csrfToken,
      email: MANAGER,
      password: 'continuity-demo-2026',
      callbackUrl: `${base}/`,
      json: 'true',
    }),
  })
  readCookies(res, jar)
  if (![...jar.keys()].some((k) => k.endsWith('next-auth.session-token')))
    throw new Error(`Sign-in failed (HTTP ${res.status}): ${await res.text()}`)
  return cookieHeader(jar)
}

type PageSpec = { label: string; path: string; signedIn: boolean }
type Row = PageSpec & {
  rps: number
  p95: number
  p50: number
  bad: number
  requests: number
  cpuPerRequest: number
  mainCpuPerRequest: number
  dbCpuPerRequest: number
  bytes: number
}

/** One request first: the page must answer 200 with HTML (not a redirect to sign-in); returns its size. */
async function check(page: PageSpec, cookie: string): Promise<number> {
  let bytes = 0
  for (let i = 0; i < 5; i++) {
    const res = await fetch(`${base}${page.path}`, {
      redirect: 'manual',
      headers: page.signedIn ? { cookie } : {},
    })
    const body = await res.text()
    if (res.status !== 200) throw new Error(`${page.path} answered HTTP ${res.status}, not 200`)
    bytes = Buffer.byteLength(body)
  }
  return bytes
}

/** utime + stime of a /proc stat line, in ms. Fields after the command name (which may hold spaces):
 * state ppid pgrp ... utime(14) stime(15). */
function statFields(stat: string): string[] {
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')
}
const cpuOf = (f: string[]) => (Number(f[11]) + Number(f[12])) * 10 // USER_HZ is 100 on Linux

/**
 * CPU time the server's processes have used so far, in ms (Linux /proc). Per request, it shows what a page
 * costs even when other work on the machine makes requests a second jump about.
 */
function serverCpuMs(): number {
  const group = server?.pid
  if (!group) return Number.NaN
  let ms = 0
  try {
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue
      let stat: string
      try {
        stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
      } catch {
        continue
      }
      const f = statFields(stat)
      if (Number(f[2]) === group) ms += cpuOf(f)
    }
  } catch {
    return Number.NaN
  }
  return ms
}

/**
 * CPU time the server's main thread has used so far, in ms: the thread that renders every page, so what
 * bounds requests a second. The process figure above also counts the garbage collector's and libuv's
 * helper threads; this one varies far less from run to run (about ±3% against ±15%), so it is the figure
 * to compare two builds by.
 */
function mainThreadCpuMs(): number {
  const pid = server?.pid
  if (!pid) return Number.NaN
  try {
    return cpuOf(statFields(readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8')))
  } catch {
    return Number.NaN
  }
}

/** CPU time used so far by the PostgreSQL backends serving the bench database, in ms (same machine). */
async function databaseCpuMs(): Promise<Map<number, number>> {
  const c = new pg.Client({ connectionString: serverUrl })
  await c.connect()
  try {
    const { rows } = await c.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1', [
      dbName,
    ])
    const out = new Map<number, number>()
    for (const { pid } of rows) {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
        out.set(pid, (Number(f[11]) + Number(f[12])) * 10)
      } catch {}
    }
    return out
  } finally {
    await c.end()
  }
}

function percentile(sorted: number[], p: number) {
  if (sorted.length === 0) return Number.NaN
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

/** Load a page without measuring it, so that the measured run starts with the server's code compiled. */
async function warmUp(page: PageSpec, cookie: string) {
  if (opts.warmup === 0) return
  await new Promise<void>((resolve, reject) =>
    autocannon(
      {
        url: `${base}${page.path}`,
        connections: opts.connections,
        duration: opts.warmup,
        headers: page.signedIn ? { cookie } : {},
      },
      (err) => (err ? reject(err) : resolve()),
    ),
  )
}

async function measure(page: PageSpec, cookie: string): Promise<Row> {
  const bytes = await check(page, cookie)
  await warmUp(page, cookie)
  const times: number[] = []
  const cpuBefore = serverCpuMs()
  const mainBefore = mainThreadCpuMs()
  const dbBefore = await databaseCpuMs()
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${base}${page.path}`,
        connections: opts.connections,
        duration: opts.duration,
        headers: page.signedIn ? { cookie } : {},
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    )
    // autocannon reports p97.5 but not p95: keep every response time and take the percentile here.
    instance.on('response', (_client, _status, _bytes, ms) => times.push(ms))
  })
  const cpuMs = serverCpuMs() - cpuBefore
  const mainMs = mainThreadCpuMs() - mainBefore
  // Backends opened during the run started from nothing; those closed meanwhile are missed.
  let dbMs = 0
  for (const [pid, ms] of await databaseCpuMs()) dbMs += ms - (dbBefore.get(pid) ?? 0)
  times.sort((a, b) => a - b)
  return {
    ...page,
    rps: result.requests.total / opts.duration,
    p95: percentile(times, 95),
    p50: percentile(times, 50),
    bad: result.non2xx + result.errors + result.timeouts,
    requests: result.requests.total,
    cpuPerRequest: cpuMs / Math.max(1, result.requests.total),
    mainCpuPerRequest: mainMs / Math.max(1, result.requests.total),
    dbCpuPerRequest: dbMs / Math.max(1, result.requests.total),
    bytes,
  }
}

function printTable(rows: Row[]) {
  const signIn = rows.find((r) => r.path === '/sign-in')
  const header = [
    'page',
    'req/s',
    'p50 ms',
    'p95 ms',
    'non-2xx/errors',
    'server CPU ms/req',
    'main thread ms/req',
    'db CPU ms/req',
    'HTML KB',
    'vs sign-in',
    'target',
  ]
  const lines = rows.map((r) => {
    const ratio = signIn ? r.rps / signIn.rps : Number.NaN
    const goal = r.path === '/sign-in' ? null : r.path === '/dependencies' ? 1 / 3 : 1 / 2
    const met =
      goal === null
        ? ''
        : ratio >= goal && r.bad === 0
          ? `ok (>= ${goal.toFixed(2)})`
          : `MISSED (${goal.toFixed(2)})`
    return [
      r.label,
      r.rps.toFixed(0),
      r.p50.toFixed(0),
      r.p95.toFixed(0),
      String(r.bad),
      r.cpuPerRequest.toFixed(1),
      r.mainCpuPerRequest.toFixed(1),
      r.dbCpuPerRequest.toFixed(1),
      (r.bytes / 1024).toFixed(1),
      Number.isNaN(ratio) ? '-' : ratio.toFixed(2),
      met,
    ]
  })
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)))
  const fmt = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`
  console.log(fmt(header))
  console.log(
    `|${widths.map((w, i) => (i === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`,
  )
  for (const l of lines) console.log(fmt(l))
}

async function main() {
  if (opts.build) {
    console.log('Building (next build)...')
    const built = spawnSync(process.execPath, [path.resolve('node_modules/next/dist/bin/next'), 'build'], {
      stdio: 'inherit',
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    })
    if (built.status !== 0) throw new Error('next build failed')
  }
  const serviceId = await prepareDatabase()
  const log = startServer()
  await waitForServer(log)
  const cookie = await signIn()
  if (opts.serve) {
    console.log(`Serving ${base} on database ${dbName}; signed in as ${MANAGER}:\nCookie: ${cookie}`)
    console.log(`Service page: /services/${serviceId}. Ctrl-C stops the server and drops the database.`)
    await new Promise(() => {})
  }
  const pages: PageSpec[] = [
    { label: 'sign-in (no data)', path: '/sign-in', signedIn: false },
    { label: 'dashboard', path: '/', signedIn: true },
    { label: 'services', path: '/services', signedIn: true },
    { label: 'a service', path: `/services/${serviceId}`, signedIn: true },
    { label: 'assets', path: '/assets', signedIn: true },
    { label: 'dependencies', path: '/dependencies', signedIn: true },
    { label: 'activity', path: '/activity', signedIn: true },
    { label: 'people', path: '/people', signedIn: true },
  ].filter(
    (p) => !opts.only || p.path === '/sign-in' || opts.only.includes(p.path.replace(serviceId, '[id]')),
  )
  console.log(
    `\n${opts.connections} connections, ${opts.duration} s per page after ${opts.warmup} s unmeasured, against ${base} (node ${process.version})\n`,
  )
  const rows: Row[] = []
  for (const page of pages) {
    const row = await measure(page, cookie)
    console.log(`  ${page.label}: ${row.rps.toFixed(0)} req/s`)
    rows.push(row)
  }
  console.log('')
  printTable(rows)
  mkdirSync('tests/.artifacts', { recursive: true })
  writeFileSync(
    'tests/.artifacts/bench-load.json',
    `${JSON.stringify({ at: new Date().toISOString(), ...opts, rows }, null, 2)}\n`,
  )
  const failed = rows.filter((r) => r.bad > 0)
  if (failed.length) {
    console.error(`\nErrors or non-2xx answers on: ${failed.map((r) => r.label).join(', ')}`)
    process.exitCode = 1
  }
}

try {
  await main()
} catch (e) {
  console.error(e instanceof Error ? e.message : e)
  process.exitCode = 1
} finally {
  await cleanUp()
}
process.exit(process.exitCode ?? 0)
