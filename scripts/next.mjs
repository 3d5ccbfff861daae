#!/usr/bin/env node
/*
 * Starts Next.js with what next-auth needs, so that the README's commands work on a fresh machine:
 *   node scripts/next.mjs dev [next dev options]      npm run dev, npm run demo
 *   node scripts/next.mjs start [next start options]  npm start
 *
 * next-auth signs and encrypts the session cookie with NEXTAUTH_SECRET. Without one, `next dev` derives
 * one secret where the cookie is written and another where it is read, so every sign-in loops back to
 * the sign-in page; in production every page answers 500. So:
 * - dev: when neither the environment nor a .env file sets NEXTAUTH_SECRET (or AUTH_SECRET), use a
 *   development secret generated on first run and kept in .data/nextauth-dev-secret (mode 0600), and
 *   default NEXTAUTH_URL to http://localhost:<port>.
 * - start: with no secret, stop with one sentence saying what to set, before Next starts; otherwise run
 *   Next with the production server's Node flags (server-flags.mjs).
 */
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { ensureDevSecret } from './dev-secret.mjs'
import { SERVER_NODE_FLAGS } from './server-flags.mjs'

const [mode, ...args] = process.argv.slice(2)
if (mode !== 'dev' && mode !== 'start') {
  console.error('Usage: node scripts/next.mjs dev|start [next options]')
  process.exit(2)
}

const require = createRequire(import.meta.url)
// What Next will see: the environment and the .env files it reads (so a secret kept in .env.local counts
// as set). Next is given the environment as it was plus only what this script adds, and reads the .env
// files itself.
const childEnv = { ...process.env }
const { loadEnvConfig } = createRequire(require.resolve('next/package.json'))('@next/env')
const seen = loadEnvConfig(process.cwd(), mode === 'dev', {
  info: () => {},
  error: console.error,
}).combinedEnv

const hasSecret = Boolean(seen.NEXTAUTH_SECRET?.trim() || seen.AUTH_SECRET?.trim())

if (mode === 'start' && !hasSecret) {
  console.error(
    'NEXTAUTH_SECRET is not set: set it to a long random value (for example `export NEXTAUTH_SECRET="$(openssl rand -base64 32)"`) before `npm start`, as the README\'s "Running in production" says.',
  )
  process.exit(1)
}

if (mode === 'dev') {
  if (!hasSecret) {
    const file = path.join(process.cwd(), '.data', 'nextauth-dev-secret')
    const { secret, created } = ensureDevSecret(file)
    childEnv.NEXTAUTH_SECRET = secret
    console.log(
      `${created ? 'Generated a' : 'Using the'} development session secret in ${path.relative(process.cwd(), file)}.`,
    )
  }
  if (!seen.NEXTAUTH_URL?.trim()) childEnv.NEXTAUTH_URL = `http://localhost:${portOf(args)}`
}

const nextBin = require.resolve('next/dist/bin/next')
const nodeFlags = mode === 'start' ? SERVER_NODE_FLAGS : []
const child = spawn(process.execPath, [...nodeFlags, nextBin, mode, ...args], {
  stdio: 'inherit',
  env: childEnv,
})
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => child.kill(signal))
}
// Exit as Next did (a signal as the shell reports it: 128 + its number).
child.on('exit', (code, signal) => process.exit(code ?? 128 + (os.constants.signals[signal] ?? 0)))

/** The port `next dev` will listen on: -p/--port, else PORT, else 3000 (Next's own order). */
function portOf(argv) {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '-p' || a === '--port') return argv[i + 1]
    if (a.startsWith('--port=')) return a.slice('--port='.length)
  }
  return seen.PORT?.trim() || '3000'
}
