// Adds up the test reports of every tier and prints CI's closing line.
import fs from 'node:fs'
import path from 'node:path'

const [dir, failedStepCount, failedSteps] = process.argv.slice(2)
let passed = 0
let failed = 0
const read = (f) => {
  const p = path.join(dir, f)
  return fs.existsSync(p) ? JSON.parse(fs.readFileSync(p, 'utf8')) : null
}
for (const f of ['vitest-embedded.json', 'vitest-postgres.json']) {
  const r = read(f)
  if (!r) {
    console.log(`${f}: missing (the run did not finish)`)
    failed += 1
    continue
  }
  console.log(`${f}: ${r.numPassedTests} passed, ${r.numFailedTests} failed`)
  passed += r.numPassedTests
  failed += r.numFailedTests
}
const e2e = read('e2e-results.json')
if (e2e) {
  const s = e2e.stats
  console.log(`e2e-results.json: ${s.expected + s.flaky} passed, ${s.unexpected} failed`)
  passed += s.expected + s.flaky
  failed += s.unexpected
} else {
  console.log('e2e-results.json: missing (the run did not finish)')
  failed += 1
}
// A step that failed without failing a test (lint, typecheck, install) still fails the run.
const steps = Number(failedStepCount)
if (steps > 0) console.log(`failed steps: ${failedSteps}`)
const extra = steps > 0 && failed === 0 ? steps : 0
console.log(`tests: ${passed} passed, ${failed + extra} failed`)
process.exit(failed + extra > 0 ? 1 : 0)
