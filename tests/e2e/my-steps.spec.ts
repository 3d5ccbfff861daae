import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { expect, type TestDb, test } from './fixtures'
import { screenshots } from './support'

const newId = () => `c${randomBytes(12).toString('hex')}`

async function role(db: TestDb, schoolId: string, name: string) {
  const id = newId()
  await db.query(
    `INSERT INTO "RecoveryRole" (id, "schoolId", name, "updatedAt") VALUES ($1, $2, $3, now())`,
    [id, schoolId, name],
  )
  return id
}

async function member(db: TestDb, schoolId: string, name: string, roleIds: string[], membershipId?: string) {
  const id = newId()
  await db.query(
    `INSERT INTO "TeamMember" (id, "schoolId", name, "membershipId", "updatedAt") VALUES ($1, $2, $3, $4, now())`,
    [id, schoolId, name, membershipId ?? null],
  )
  for (const roleId of roleIds)
    await db.query(
      `INSERT INTO "TeamMemberRole" (id, "schoolId", "teamMemberId", "roleId") VALUES ($1, $2, $3, $4)`,
      [newId(), schoolId, id, roleId],
    )
  return id
}

/** A contingency plan for the service with one step per role given, in order. */
async function plan(
  db: TestDb,
  schoolId: string,
  serviceId: string,
  name: string,
  steps: [string, string][],
) {
  const planId = newId()
  const procedureId = newId()
  await db.query(
    `INSERT INTO "ContingencyPlan" (id, "schoolId", "serviceId", name, strategy, "manualWorkaround", "standbySupplier", "standbyContact", "standbyHowToInvoke", "updatedAt")
     VALUES ($1, $2, $3, $4, 'FAST', $5, 'Acme IT Ltd', 'Service desk 0161 496 0000', 'Quote contract AC-1 and ask for the standby server', now())`,
    [planId, schoolId, serviceId, name, `Paper registers while ${name} lasts`],
  )
  await db.query(`INSERT INTO "Procedure" (id, "schoolId", "planId") VALUES ($1, $2, $3)`, [
    procedureId,
    schoolId,
    planId,
  ])
  for (const [k, [roleId, instruction]] of steps.entries())
    await db.query(
      `INSERT INTO "ProcedureStep" (id, "schoolId", "procedureId", position, instruction, "estimatedMinutes", "recoveryRoleId", "updatedAt")
       VALUES ($1, $2, $3, $4, $5, 20, $6, now())`,
      [newId(), schoolId, procedureId, k + 1, instruction, roleId],
    )
}

test('a team member signs in on a phone and sees exactly their steps; the manager opens their view', async ({
  page,
  db,
  school,
  signedInAs,
  browser,
}) => {
  const tech = await role(db, school.id, 'Technician')
  const office = await role(db, school.id, 'Office lead')
  const caretaker = await role(db, school.id, 'Caretaker')
  const tessId = await member(db, school.id, 'Tess Tech', [tech, office], school.logins.TEAM.membershipId)
  const otherId = await member(db, school.id, 'Colin Caretaker', [caretaker])
  const mis = await db.service(school.id, { name: 'MIS', criticality: 2, rtoMinutes: 240 })
  const email = await db.service(school.id, { name: 'E-mail', criticality: 1, rtoMinutes: 60 })
  const heating = await db.service(school.id, { name: 'Heating controls', criticality: 1, rtoMinutes: 60 })
  await plan(db, school.id, mis, 'MIS server failure', [
    [tech, 'Restart the MIS server from the console'],
    [caretaker, 'Unlock the server room'],
    [office, 'Tell staff to use paper registers'],
  ])
  await plan(db, school.id, email, 'E-mail outage', [[office, 'Text parents through the SMS service']])
  await plan(db, school.id, heating, 'Boiler controller down', [[caretaker, 'Switch the boiler to manual']])

  // The member signs in on a 360 px phone: the dashboard offers their steps first.
  await page.setViewportSize({ width: 360, height: 740 })
  await signedInAs('TEAM')
  await page.getByRole('link', { name: 'Open your recovery steps' }).click()
  await expect(page.getByRole('heading', { name: 'My recovery steps', level: 1 })).toBeVisible()
  await expect(page.getByRole('heading', { level: 3 })).toHaveText(['1. E-mail', '2. MIS'])
  await expect(page.getByTestId('my-step')).toHaveCount(3)
  await expect(page.getByTestId('my-step').locator('p + p')).toHaveText([
    'Text parents through the SMS service',
    'Restart the MIS server from the console',
    'Tell staff to use paper registers',
  ])
  await expect(page.getByText('Unlock the server room')).toHaveCount(0)
  await expect(page.getByText('Switch the boiler to manual')).toHaveCount(0)
  await expect(page.getByText('Paper registers while MIS server failure lasts')).toBeVisible()
  const call = page.getByRole('link', { name: 'Call 0161 496 0000' }).first()
  await expect(call).toHaveAttribute('href', 'tel:01614960000')
  // Tap targets at least 44 px high.
  expect((await call.boundingBox())!.height).toBeGreaterThanOrEqual(44)
  await screenshots(page, 'my-steps')
  // The JavaScript the page's HTML loads, gzipped as `next start` sends it (tests/bench/my-steps-js.ts
  // measures the same from the build): only the framework's and the app shell's, nothing of its own.
  // The scripts the page's own HTML names (a fresh load, signed in), not those a link prefetch adds later.
  const html = await (await page.request.get('/my-steps')).text()
  // A noModule script (the legacy polyfills) is never fetched by a modern browser.
  const scripts = [
    ...new Set(
      [...html.matchAll(/<script\b([^>]*)>/g)]
        .map((m) => m[1]!)
        .filter((attrs) => !/nomodule/i.test(attrs))
        .map((attrs) => /\ssrc="([^"]+)"/.exec(attrs)?.[1])
        .filter((src): src is string => Boolean(src)),
    ),
  ]
  const bytes = scripts.reduce(
    (n, src) =>
      n + gzipSync(fs.readFileSync(path.join('.next', src.replace(/^\/_next\//, '').split('?')[0]!))).length,
    0,
  )
  test.info().annotations.push({
    type: 'js',
    description: `/my-steps loads ${scripts.length} scripts, ${(bytes / 1024).toFixed(1)} KB gzipped`,
  })
  console.log(
    `/my-steps loads ${scripts.length} scripts, ${(bytes / 1024).toFixed(1)} KB gzipped: ${scripts.join(' ')}`,
  )
  // Another member's view is not theirs to open.
  expect((await page.goto(`/team/${otherId}/steps`))?.status()).toBe(404)

  // The manager opens the same member's view and sees the same steps.
  const context = await browser.newContext()
  const manager = await signedInAs('MANAGER', await context.newPage())
  await manager.goto(`/team/${tessId}`)
  await manager.getByRole('link', { name: 'Their recovery steps, as they see them' }).click()
  await expect(manager.getByRole('heading', { name: 'Recovery steps: Tess Tech', level: 1 })).toBeVisible()
  await expect(manager.getByTestId('my-step')).toHaveCount(3)
  await screenshots(manager, 'member-steps-manager')
  await manager.goto(`/team/${otherId}/steps`)
  await expect(manager.getByTestId('my-step').locator('p + p')).toHaveText([
    'Switch the boiler to manual',
    'Unlock the server room',
  ])
  await context.close()
})

test('a head or viewer who is not on the team is refused own steps; one who is sees theirs', async ({
  db,
  school,
  signedInAs,
  browser,
}) => {
  const someone = await member(db, school.id, 'Sam Someone', [])
  const page = await signedInAs('VIEWER')
  await expect(page.getByRole('link', { name: 'Open your recovery steps' })).toHaveCount(0)
  expect((await page.goto('/my-steps'))?.status()).toBe(404)
  expect((await page.goto(`/team/${someone}/steps`))?.status()).toBe(404)

  const context = await browser.newContext()
  const head = await signedInAs('HEAD', await context.newPage())
  expect((await head.goto('/my-steps'))?.status()).toBe(404)
  expect((await head.goto(`/team/${someone}/steps`))?.status()).toBe(404)
  // Linked to a member holding a role, the head teacher finds their own steps.
  const lead = await role(db, school.id, 'Incident lead')
  await member(db, school.id, 'Hana Head', [lead], school.logins.HEAD.membershipId)
  const svc = await db.service(school.id, { name: 'Telephones' })
  await plan(db, school.id, svc, 'Phone line cut', [[lead, 'Decide whether to close the school']])
  expect((await head.goto('/my-steps'))?.status()).toBe(200)
  await expect(head.getByTestId('my-step')).toHaveText(/Decide whether to close the school/)
  await context.close()
})
