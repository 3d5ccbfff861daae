/*
 * The coverage report, as a manager uses it: the dashboard counts the gaps, the report names a step
 * whose role nobody holds and the missing deputy and says what to do, the manager fixes both through the
 * existing team pages (ticks the roles on a member), and the report no longer lists them. A head teacher
 * reads it too; a team member neither sees the panel nor opens the page.
 */
import { randomBytes } from 'node:crypto'
import { expect, test } from './fixtures'
import { query, screenshots } from './support'

const newId = () => `c${randomBytes(12).toString('hex')}`

async function setUp(schoolId: string, serviceId: string) {
  await query(
    `INSERT INTO "RecoveryRole" (id, "schoolId", name, "builtIn", "updatedAt")
     VALUES ($1, $3, 'Service continuity manager', 'CONTINUITY_MANAGER', now()),
            ($2, $3, 'Deputy service continuity manager', 'DEPUTY_CONTINUITY_MANAGER', now())
     ON CONFLICT ("schoolId", "builtIn") DO NOTHING`,
    [newId(), newId(), schoolId],
  )
  const caretaker = newId()
  await query(
    `INSERT INTO "RecoveryRole" (id, "schoolId", name, "updatedAt") VALUES ($1, $2, 'Site caretaker', now())`,
    [caretaker, schoolId],
  )
  const [manager] = await query<{ id: string }>(
    `SELECT id FROM "RecoveryRole" WHERE "schoolId" = $1 AND "builtIn" = 'CONTINUITY_MANAGER'`,
    [schoolId],
  )
  const members: Record<string, string> = {}
  for (const [name, roleIds] of [
    ['Alex Jones', [manager!.id]],
    ['Sam Patel', [manager!.id]],
  ] as const) {
    const id = newId()
    members[name] = id
    await query(
      `INSERT INTO "TeamMember" (id, "schoolId", name, mobile, "updatedAt") VALUES ($1, $2, $3, '07700 900001', now())`,
      [id, schoolId, name],
    )
    for (const roleId of roleIds)
      await query(
        `INSERT INTO "TeamMemberRole" (id, "schoolId", "teamMemberId", "roleId") VALUES ($1, $2, $3, $4)`,
        [newId(), schoolId, id, roleId],
      )
  }
  const plan = newId()
  const procedure = newId()
  await query(
    `INSERT INTO "ContingencyPlan" (id, "schoolId", "serviceId", name, strategy, "updatedAt") VALUES ($1, $2, $3, 'Paper registers', 'MANUAL_WORKAROUND', now())`,
    [plan, schoolId, serviceId],
  )
  await query(`INSERT INTO "Procedure" (id, "schoolId", "planId") VALUES ($1, $2, $3)`, [
    procedure,
    schoolId,
    plan,
  ])
  await query(
    `INSERT INTO "ProcedureStep" (id, "schoolId", "procedureId", position, instruction, "estimatedMinutes", "recoveryRoleId", "updatedAt")
     VALUES ($1, $2, $3, 1, 'Unlock the office and fetch the register folders', 10, $4, now())`,
    [newId(), schoolId, procedure, caretaker],
  )
  return { members }
}

test('the report shows a step nobody can do and no deputy; the manager fixes both and the report changes', async ({
  signedInAs,
  school,
  db,
}) => {
  const service = await db.service(school.id, { name: 'Attendance registers' })
  const { members } = await setUp(school.id, service)
  const page = await signedInAs('MANAGER')

  const panel = page.getByRole('region', { name: 'Coverage' })
  await expect(panel.getByRole('link', { name: 'No deputy appointed' })).toBeVisible()
  await expect(panel.getByRole('link', { name: 'Steps nobody can carry out' })).toBeVisible()
  await screenshots(page, 'coverage-dashboard')
  await panel.getByRole('link', { name: /gaps? and what to do/ }).click()

  await expect(page.getByRole('heading', { name: 'Coverage', level: 1 })).toBeVisible()
  await expect(page.getByTestId('count-NO_DEPUTY')).toContainText('1')
  await expect(page.getByTestId('count-STEP_NOBODY')).toContainText('1')
  const steps = page.getByRole('region', { name: /Steps nobody can carry out/ })
  await expect(steps).toContainText('Unlock the office and fetch the register folders')
  await expect(steps).toContainText('Plan: Paper registers, step 1')
  await expect(steps).toContainText(
    'Nobody holds the role "Site caretaker": give it to a member of the team.',
  )
  await expect(page.getByRole('region', { name: /No deputy appointed/ })).toContainText(
    'Appoint a deputy service continuity manager',
  )
  await screenshots(page, 'coverage-gaps')

  // The Fix link opens the role; the manager gives it (and the deputy role) to Sam on Sam's page.
  await steps.getByRole('link', { name: /Open the role/ }).click()
  await expect(page.getByRole('heading', { name: 'Site caretaker', level: 1 })).toBeVisible()
  await page.goto(`/team/${members['Sam Patel']}`)
  await page.getByLabel('Site caretaker').check()
  await page.getByLabel('Deputy service continuity manager').check()
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByText('The team member was saved.')).toBeVisible()

  await page.goto('/coverage')
  await expect(page.getByTestId('count-NO_DEPUTY')).toContainText('0')
  await expect(page.getByTestId('count-STEP_NOBODY')).toContainText('0')
  await expect(page.getByRole('region', { name: /Steps nobody can carry out/ })).toHaveCount(0)
  await expect(page.getByRole('region', { name: /No deputy appointed/ })).toHaveCount(0)
  // Sam is now the only holder of both roles: the report says so.
  await expect(page.getByRole('region', { name: /Roles held by only one person/ })).toContainText(
    'Site caretaker',
  )
  await screenshots(page, 'coverage-after')
})

test('a team member sees no coverage panel and cannot open the report', async ({ signedInAs }) => {
  const page = await signedInAs('TEAM')
  await expect(page.getByRole('region', { name: 'Coverage' })).toHaveCount(0)
  const res = await page.goto('/coverage')
  expect(res?.status()).toBe(404)
})

test('a head teacher reads the report', async ({ signedInAs }) => {
  const page = await signedInAs('HEAD')
  await page
    .getByRole('region', { name: 'Coverage' })
    .getByRole('link', { name: /Coverage report|gaps? and what to do/ })
    .click()
  await expect(page.getByRole('heading', { name: 'Coverage', level: 1 })).toBeVisible()
})
