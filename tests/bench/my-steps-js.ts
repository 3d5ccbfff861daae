/*
 * The compressed client JavaScript the "My recovery steps" page loads (issue 10, item 6: aim under 70 KB),
 * read from a production build: the framework's root files that every App Router page loads, plus the
 * chunks of every segment on the page's route (root layout, app layout, their error and not-found
 * boundaries, the page), each gzipped as `next start` sends it. Also the manager's view and, to
 * compare, the dashboard.
 *   npx next build && npm run bench:my-steps
 */
import fs from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'

const NEXT = path.join(process.cwd(), '.next')
const PAGES = ['/(app)/my-steps/page', '/(app)/team/[id]/steps/page', '/(app)/(home)/page']
const BUDGET_KB = 70 // issue 10: "aim under 70 KB"

if (!fs.existsSync(path.join(NEXT, 'BUILD_ID'))) {
  console.error('No production build here: run `npx next build` first.')
  process.exit(1)
}
const buildManifest = JSON.parse(fs.readFileSync(path.join(NEXT, 'build-manifest.json'), 'utf8')) as {
  rootMainFiles: string[]
}

/** The JS chunks the page's segments name, from its client reference manifest. */
function pageChunks(page: string): string[] {
  const file = path.join(NEXT, 'server', 'app', `${page}_client-reference-manifest.js`)
  const g = globalThis as { __RSC_MANIFEST?: Record<string, { entryJSFiles: Record<string, string[]> }> }
  g.__RSC_MANIFEST = {}
  new Function(fs.readFileSync(file, 'utf8'))()
  const manifest = g.__RSC_MANIFEST[page]
  if (!manifest) throw new Error(`No client manifest for ${page}`)
  return Object.values(manifest.entryJSFiles).flat()
}

const gzipped = new Map<string, number>()
function gzipSize(chunk: string) {
  const rel = chunk.replace(/^\/?_next\//, '').replace(/^\//, '')
  if (!gzipped.has(rel)) gzipped.set(rel, gzipSync(fs.readFileSync(path.join(NEXT, rel))).length)
  return gzipped.get(rel)!
}

const sum = (files: string[]) => files.reduce((n, f) => n + gzipSize(f), 0) / 1024
const root = buildManifest.rootMainFiles
console.log(
  `framework (React, Next router; every page loads it): ${root.length} files, ${sum(root).toFixed(1)} KB`,
)
console.log('page                              files   route KB   total KB')
for (const page of PAGES) {
  const route = [...new Set(pageChunks(page))].filter((f) => !root.includes(f))
  const total = sum(root) + sum(route)
  console.log(
    `${page.padEnd(34)}${String(root.length + route.length).padStart(5)}   ${sum(route).toFixed(1).padStart(8)}   ${total.toFixed(1).padStart(8)}${page.includes('my-steps') && total > BUDGET_KB ? `  (over the ${BUDGET_KB} KB aim)` : ''}`,
  )
}
