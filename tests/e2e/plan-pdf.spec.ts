/*
 * The plan's PDFs (issue 11, item 5) and the review report (issue 12, item 6), downloaded as each role
 * would. The spec makes its own data: a published version inserted straight into the e2e database with a
 * made-up snapshot and its real fingerprint, and a signed-off review.
 */
import { randomBytes } from 'node:crypto'
import { fingerprint, type PlanSnapshot } from '../../lib/plan/snapshot'
import { pdfText } from '../support/pdf-text'
import { makeSnapshot } from '../support/plan-snapshot'
import { expect, test } from './fixtures'

const newId = () => `c${randomBytes(12).toString('hex')}`
const isPdf = (b: Buffer) => b.subarray(0, 5).toString('latin1') === '%PDF-'

test('the manager downloads the plan and a pack; a governor gets no phones; a member gets their own pack', async ({
  db,
  school,
  signedInAs,
  browser,
}) => {
  // The TEAM login's own team member record, standing in for the snapshot's third member.
  const memberId = newId()
  await db.query(
    `INSERT INTO "TeamMember" (id, "schoolId", name, "membershipId", "updatedAt") VALUES ($1, $2, $3, $4, now())`,
    [memberId, school.id, 'Member 03 Okafor', school.logins.TEAM.membershipId],
  )
  const made = makeSnapshot({ services: 3, schoolId: school.id, schoolName: school.name })
  const snapshot: PlanSnapshot = JSON.parse(
    JSON.stringify(made).replaceAll('"member-2"', JSON.stringify(memberId)),
  )
  const print = fingerprint(snapshot)
  await db.query(
    `INSERT INTO "PlanVersion" (id, "schoolId", number, snapshot, fingerprint, "sourceVersion", status,
       "publishedByName", "decidedAt", "decidedByName", "updatedAt")
     VALUES ($1, $2, 1, $3, $4, 0, 'APPROVED', 'Sam Manager', now(), 'Alex Head', now())`,
    [newId(), school.id, JSON.stringify(snapshot), print],
  )
  const phones = snapshot.members.map((m) => m.mobile)

  const manager = await signedInAs('MANAGER')
  const full = await manager.request.get('/plan/versions/1/pdf')
  expect(full.status()).toBe(200)
  expect(full.headers()['content-disposition']).toBe('attachment; filename="recovery-plan-v1.pdf"')
  const fullBytes = await full.body()
  expect(isPdf(fullBytes)).toBe(true)
  expect(fullBytes.toString('latin1')).toContain(print)
  const fullText = pdfText(fullBytes)
  for (const phone of phones) expect(fullText).toContain(phone)

  const other = snapshot.members[0]!
  const theirs = await manager.request.get(`/plan/versions/1/pack?member=${other.id}`)
  expect(theirs.status()).toBe(200)
  const theirBytes = await theirs.body()
  expect(isPdf(theirBytes)).toBe(true)
  expect(theirBytes.toString('latin1')).toContain(print)
  expect(pdfText(theirBytes)).toContain(`Recovery pack for ${other.name}`)

  // A governor (VIEWER) reads the plan without the team's phone numbers.
  const viewer = await signedInAs('VIEWER', await (await browser.newContext()).newPage())
  const governors = await viewer.request.get('/plan/versions/1/pdf')
  expect(governors.status()).toBe(200)
  const governorBytes = await governors.body()
  expect(governorBytes.toString('latin1')).toContain(print)
  const governorText = pdfText(governorBytes)
  for (const phone of phones) expect(governorText).not.toContain(phone)
  expect((await viewer.request.get('/plan/versions/1/pack')).status()).toBe(404)

  // The team member downloads their own pack, and nobody else's.
  const member = await signedInAs('TEAM', await (await browser.newContext()).newPage())
  const own = await member.request.get('/plan/versions/1/pack')
  expect(own.status()).toBe(200)
  const ownBytes = await own.body()
  expect(isPdf(ownBytes)).toBe(true)
  expect(ownBytes.toString('latin1')).toContain(print)
  expect(pdfText(ownBytes)).toContain('Recovery pack for Member 03 Okafor')
  expect((await member.request.get(`/plan/versions/1/pack?member=${other.id}`)).status()).toBe(404)
  expect((await member.request.get('/plan/versions/2/pdf')).status()).toBe(404)
})

test('a governor downloads the report of a signed-off review from its page', async ({
  db,
  school,
  signedInAs,
}) => {
  const reviewId = newId()
  await db.query(
    `INSERT INTO "Review" (id, "schoolId", number, status, "dueDate", "submittedAt", "signedOffAt", "signedOffName",
       "signOffComment", "updatedAt")
     VALUES ($1, $2, 1, 'SIGNED_OFF', '2026-12-01', now(), now(), 'Alex Head', 'Thorough work.', now())`,
    [reviewId, school.id],
  )
  await db.query(
    `INSERT INTO "ReviewAnswer" (id, "schoolId", "reviewId", section, question, position, answer, notes)
     VALUES ($1, $2, $3, 'IMPROVE_PLAN', 'Are the contingency plans adequate?', 1, 'YES', 'Checked in October')`,
    [newId(), school.id, reviewId],
  )
  const page = await signedInAs('VIEWER')
  await page.goto(`/reviews/${reviewId}`)
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download the report (PDF)' }).click(),
  ])
  expect(download.suggestedFilename()).toBe('review-1-report.pdf')
  const path = await download.path()
  const { readFileSync } = await import('node:fs')
  const bytes = readFileSync(path)
  expect(isPdf(bytes)).toBe(true)
  const text = pdfText(bytes)
  expect(text).toContain('Signed off by Alex Head')
  expect(text).toContain('Are the contingency plans adequate?')
  expect(text).toContain('Checked in October')
})
