import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

/**
 * The development session secret kept in `file`: read it, or on first run create it (and its folder)
 * readable by this user only. Never for production, where the operator sets NEXTAUTH_SECRET.
 * @param {string} file
 * @returns {{ secret: string, created: boolean }}
 */
export function ensureDevSecret(file) {
  const existing = read(file)
  if (existing) return { secret: existing, created: false }
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 })
  const secret = randomBytes(32).toString('base64url')
  try {
    // 'wx': if another process wrote it first, keep theirs.
    fs.writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' })
    return { secret, created: true }
  } catch (e) {
    if (e?.code !== 'EEXIST') throw e
    const theirs = read(file)
    if (!theirs) throw new Error(`${file} exists but holds no usable secret: delete it and start again.`)
    return { secret: theirs, created: false }
  }
}

/** @param {string} file */
function read(file) {
  try {
    const s = fs.readFileSync(file, 'utf8').trim()
    return s.length >= 32 ? s : null
  } catch (e) {
    if (e?.code === 'ENOENT') return null
    throw e
  }
}
