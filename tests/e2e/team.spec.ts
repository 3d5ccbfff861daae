/*
 * The recovery team, journey by journey: a manager adds a member with roles (every control keeps its
 * value after an error, and what is stored is exactly what was entered); a member who leaves uncovers
 * the role only they held; a team member edits their own contact details and cannot open anyone else's.
 * Each test makes its own school, so the spec runs alone or in any order.
 */
import { randomBytes } from 'node:crypto'
import { expect, test } from './fixtures'
import { mainNav, query, screenshots, signInAs } from './support'

const newId = () => `c${randomBytes(12).toString('hex')}`

/** The school's built-in roles (made here as the migration or first read would) and one added role. */
async function teamRoles(schoolId: string) {
  await query(
    `INSERT INTO "RecoveryRole" (id, "schoolId", name, "builtIn", "updatedAt")
     VALUES ($1, $3, 'Service continuity manager', 'CONTINUITY_MANAGER', now()),
            ($2, $3, 'Deputy service continuity manager', 'DEPUTY_CONTINUITY_MANAGER', now())
     ON CONFLICT ("schoolId", "builtIn") DO NOTHING`,
    [newId(), newId(), schoolId],
  )
  const technician = newId()
  await query(
    `INSERT INTO "RecoveryRole" (id, "schoolId", name, responsibilities, "updatedAt") VALUES ($1, $2, 'ICT technician', 'Restores the servers.', now())`,
    [technician, schoolId],
  )
  const rows = await query<{ id: string; builtIn: string | null }>(
    `SELECT id, "builtIn"::text AS "builtIn" FROM "RecoveryRole" WHERE "schoolId" = $1`,
    [schoolId],
  )
  return {
    manager: rows.find((r) => r.builtIn === 'CONTINUITY_MANAGER')!.id,
    deputy: rows.find((r) => r.builtIn === 'DEPUTY_CONTINUITY_MANAGER')!.id,
    technician,
  }
}

async function member(
  schoolId: string,
  m: { name: string; roleIds: string[]; membershipId?: string; mobile?: string },
) {
  const id = newId()
  await query(
    `INSERT INTO "TeamMember" (id, "schoolId", name, "membershipId", mobile, "updatedAt") VALUES ($1, $2, $3, $4, $5, now())`,
    [id, schoolId, m.name, m.membershipId ?? null, m.mobile ?? '07700 900001'],
  )
  for (const roleId of m.roleIds)
    await query(
      `INSERT INTO "TeamMemberRole" (id, "schoolId", "teamMemberId", "roleId") VALUES ($1, $2, $3, $4)`,
      [newId(), schoolId, id, roleId],
    )
  return id
}

test('a manager adds a member with roles; a failed save keeps every control, the fixed one stores exactly that', async ({
  signedInAs,
  school,
}) => {
  const roles = await teamRoles(school.id)
  const page = await signedInAs('MANAGER')
  await mainNav(page).getByRole('link', { name: 'Recovery team' }).click()
  await expect(page.getByRole('heading', { name: 'Recovery team', level: 1 })).toBeVisible()
  await page.getByRole('link', { name: 'Add a member' }).click()
  await expect(page.getByRole('heading', { name: 'Add a team member', level: 1 })).toBeVisible()

  const login = school.logins.TEAM
  const entry = {
    name: 'Sam Patel',
    job: 'Engineer, Acme IT',
    notes: 'Lives 20 minutes away.\nHas a key.',
    fallback: 'Partner: 07700 900456',
    email: 'sam.patel@example.org',
  }
  await page.getByLabel('Name', { exact: true }).fill(entry.name)
  await page.getByLabel('Job or employer').fill(entry.job)
  await page.getByLabel('Portal login').selectOption(login.membershipId)
  await page.getByLabel("Uses the school's systems").uncheck()
  await page.getByLabel('Deputy service continuity manager').check()
  await page.getByLabel('ICT technician').check()
  await page.getByLabel('Mobile').fill('call me')
  await page.getByLabel('Personal e-mail').fill(entry.email)
  await page.getByLabel('Out-of-hours notes').fill(entry.notes)
  await page.getByLabel('If they do not answer, call').fill(entry.fallback)
  await page.getByRole('button', { name: 'Add to the team' }).click()

  await expect(page.locator('[data-notice="error"]')).toContainText('The team member was not saved')
  await expect(page.getByLabel('Mobile')).toHaveAccessibleDescription(/Enter a phone number/)
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue(entry.name)
  await expect(page.getByLabel('Job or employer')).toHaveValue(entry.job)
  await expect(page.getByLabel('Portal login')).toHaveValue(login.membershipId)
  await expect(page.getByLabel("Uses the school's systems")).not.toBeChecked()
  await expect(page.getByLabel('Deputy service continuity manager')).toBeChecked()
  await expect(page.getByLabel('ICT technician')).toBeChecked()
  await expect(page.getByLabel('Service continuity manager', { exact: true })).not.toBeChecked()
  await expect(page.getByLabel('Mobile')).toHaveValue('call me')
  await expect(page.getByLabel('Personal e-mail')).toHaveValue(entry.email)
  await expect(page.getByLabel('Out-of-hours notes')).toHaveValue(entry.notes)
  await expect(page.getByLabel('If they do not answer, call')).toHaveValue(entry.fallback)
  expect(await query(`SELECT id FROM "TeamMember" WHERE "schoolId" = $1`, [school.id])).toEqual([])
  await screenshots(page, 'team-member-new-error')

  await page.getByLabel('Mobile').fill('07700 900123')
  await page.getByRole('button', { name: 'Add to the team' }).click()
  await expect(page.getByRole('heading', { name: entry.name, level: 1 })).toBeVisible()
  await expect(page.getByText('The team member was added.')).toBeVisible()
  const [stored] = await query<Record<string, unknown>>(
    `SELECT name, "jobTitle", "membershipId", "systemAccess", mobile, "personalEmail", "outOfHoursNotes", "fallbackContact",
            (SELECT array_agg("roleId" ORDER BY "roleId") FROM "TeamMemberRole" r WHERE r."teamMemberId" = m.id) AS roles
     FROM "TeamMember" m WHERE "schoolId" = $1`,
    [school.id],
  )
  expect(stored).toEqual({
    name: entry.name,
    jobTitle: entry.job,
    membershipId: login.membershipId,
    systemAccess: false,
    mobile: '07700 900123',
    personalEmail: entry.email,
    outOfHoursNotes: entry.notes,
    fallbackContact: entry.fallback,
    roles: [roles.deputy, roles.technician].sort(),
  })
  await screenshots(page, 'team-member')
})

test('a member who leaves is kept, and the role only they held shows as uncovered', async ({
  signedInAs,
  school,
}) => {
  const roles = await teamRoles(school.id)
  const alex = await member(school.id, { name: 'Alex Jones', roleIds: [roles.deputy, roles.technician] })
  await member(school.id, { name: 'Chris Lee', roleIds: [roles.technician, roles.manager] })
  const page = await signedInAs('MANAGER')
  await page.goto('/team/roles')
  const deputy = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: /Deputy service/ }) })
  await expect(deputy).toContainText('One holder')
  await expect(deputy).toContainText('Alex Jones')

  await page.goto(`/team/${alex}`)
  await page.getByRole('button', { name: 'Mark Alex Jones as left' }).click()
  await expect(page.locator('[data-notice="warning"]')).toContainText(
    'Alex Jones is the only holder of Deputy service continuity manager',
  )
  expect(
    (await query<{ leftAt: Date | null }>(`SELECT "leftAt" FROM "TeamMember" WHERE id = $1`, [alex]))[0]!
      .leftAt,
  ).toBeNull()
  await page.getByRole('button', { name: 'Mark as left anyway' }).click()
  await expect(page.getByText(/Left the team on/)).toBeVisible()
  expect(
    (await query<{ leftAt: Date | null }>(`SELECT "leftAt" FROM "TeamMember" WHERE id = $1`, [alex]))[0]!
      .leftAt,
  ).not.toBeNull()

  await page.goto('/team/roles')
  await expect(deputy).toContainText('Uncovered: nobody holds it')
  await expect(deputy).toContainText('Formerly: Alex Jones (left)')
  const technician = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: 'ICT technician' }) })
  await expect(technician).toContainText('One holder')
  await screenshots(page, 'team-roles')

  await page.goto('/team')
  await expect(page.locator('[data-notice="warning"]')).toContainText(
    'Nobody holds Deputy service continuity manager',
  )
  await expect(page.getByRole('link', { name: 'Alex Jones' })).toHaveCount(0)
  await screenshots(page, 'team-list')
})

test('a team member edits their own contact details, and sees no one else', async ({
  signedInAs,
  school,
}) => {
  const roles = await teamRoles(school.id)
  const mine = await member(school.id, {
    name: 'Tess Green',
    roleIds: [roles.technician],
    membershipId: school.logins.TEAM.membershipId,
  })
  const other = await member(school.id, {
    name: 'Other Person',
    roleIds: [roles.manager],
    mobile: '07700 900999',
  })
  const page = await signedInAs('TEAM')
  await page.setViewportSize({ width: 360, height: 740 })
  await mainNav(page).getByRole('link', { name: 'Recovery team' }).click()
  await expect(page.getByRole('heading', { name: 'My team details', level: 1 })).toBeVisible()
  await expect(page).toHaveURL(/\/team\/me$/)
  await expect(page.getByText('ICT technician')).toBeVisible()

  await page.getByLabel('Mobile').fill('07700 900321')
  await page.getByLabel('Personal e-mail').fill('not an email')
  await page.getByLabel('Out-of-hours notes').fill('Not on Sundays.')
  await page.getByLabel('If they do not answer, call').fill('Mum: 01632 960001')
  await page.getByRole('button', { name: 'Save my contact details' }).click()
  await expect(page.locator('[data-notice="error"]')).toContainText('Your contact details were not saved')
  await expect(page.getByLabel('Mobile')).toHaveValue('07700 900321')
  await expect(page.getByLabel('Personal e-mail')).toHaveValue('not an email')
  await expect(page.getByLabel('Out-of-hours notes')).toHaveValue('Not on Sundays.')
  await expect(page.getByLabel('If they do not answer, call')).toHaveValue('Mum: 01632 960001')
  await page.getByLabel('Personal e-mail').fill('tess@example.org')
  await page.getByRole('button', { name: 'Save my contact details' }).click()
  await expect(page.getByText('Your contact details were saved.')).toBeVisible()
  const [stored] = await query(
    `SELECT name, mobile, "personalEmail", "outOfHoursNotes", "fallbackContact" FROM "TeamMember" WHERE id = $1`,
    [mine],
  )
  expect(stored).toEqual({
    name: 'Tess Green',
    mobile: '07700 900321',
    personalEmail: 'tess@example.org',
    outOfHoursNotes: 'Not on Sundays.',
    fallbackContact: 'Mum: 01632 960001',
  })
  await screenshots(page, 'team-me')

  // Nobody else's details: the team list and another member's page answer not found.
  for (const path of [`/team/${other}`, '/team/roles', '/team/new']) {
    const res = await page.goto(path)
    expect(res?.status(), path).toBe(404)
  }
  await expect(page.getByText('07700 900999')).toHaveCount(0)
})

test('a viewer has no team pages at all', async ({ signedInAs, school }) => {
  const roles = await teamRoles(school.id)
  const someone = await member(school.id, { name: 'Private Person', roleIds: [roles.manager] })
  const page = await signedInAs('VIEWER')
  await expect(mainNav(page).getByRole('link', { name: 'Recovery team' })).toHaveCount(0)
  for (const path of ['/team', `/team/${someone}`, '/team/roles', '/team/me']) {
    const res = await page.goto(path)
    expect(res?.status(), path).toBe(404)
  }
})

test('a head teacher reads the team and its contacts but changes nothing', async ({ signedInAs, school }) => {
  const roles = await teamRoles(school.id)
  const someone = await member(school.id, {
    name: 'Reachable Person',
    roleIds: [roles.manager],
    mobile: '07700 900555',
  })
  const page = await signedInAs('HEAD')
  await page.goto(`/team/${someone}`)
  await expect(page.getByRole('link', { name: '07700 900555' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Edit this member' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: /as left/ })).toHaveCount(0)
  expect((await page.goto('/team/new'))?.status()).toBe(404)
  await page.goto('/team/roles')
  await expect(page.getByRole('heading', { name: 'Add a role' })).toHaveCount(0)
})

// The demo school as `npm run demo` shows it (read-only: the seeded team is not changed).
test('the demo school has a believable team, and its team member finds their own details', async ({
  page,
}) => {
  await signInAs(page, 'MANAGER')
  await mainNav(page).getByRole('link', { name: 'Recovery team' }).click()
  for (const name of ['Priya Shah', 'Tom Evans', 'Helen Carter', 'Aisha Rahman', 'Dave Morgan', 'Jo Baker'])
    await expect(page.getByRole('link', { name, exact: true })).toBeVisible()
  await expect(page.locator('[data-notice="warning"]')).toContainText('Nobody holds Backup operator')
  await screenshots(page, 'team-demo-list')
  await page.getByRole('link', { name: 'Roles and cover' }).click()
  await expect(page.getByRole('heading', { name: 'Recovery roles and cover', level: 1 })).toBeVisible()
  await screenshots(page, 'team-demo-roles')
  await page.getByRole('link', { name: 'Tom Evans' }).first().click()
  await expect(page.getByRole('heading', { name: 'Tom Evans', level: 1 })).toBeVisible()
  await expect(page.getByText('NCSC training over a year old')).toBeVisible()
  await screenshots(page, 'team-demo-member')

  await page.context().clearCookies()
  await signInAs(page, 'TEAM')
  await mainNav(page).getByRole('link', { name: 'Recovery team' }).click()
  await expect(page.getByRole('heading', { name: 'My team details', level: 1 })).toBeVisible()
  await expect(page.getByText('Deputy service continuity manager', { exact: true })).toBeVisible()
  await expect(page.getByLabel('Mobile')).toHaveValue('07700 900102')
})

test('the role and training forms keep every value after an error and store exactly what was entered', async ({
  signedInAs,
  school,
}) => {
  await teamRoles(school.id)
  const sam = await member(school.id, { name: 'Sam Patel', roleIds: [] })
  const page = await signedInAs('MANAGER')

  // A role whose name another live role has.
  await page.goto('/team/roles')
  const responsibilities = 'Tells parents by text.\nUpdates the website.'
  await page.getByLabel('Name', { exact: true }).fill('ict technician')
  await page.getByLabel('Responsibilities').fill(responsibilities)
  await page.getByRole('button', { name: 'Add the role' }).click()
  await expect(page.getByLabel('Name', { exact: true })).toHaveAccessibleDescription(/already a role called/)
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('ict technician')
  await expect(page.getByLabel('Responsibilities')).toHaveValue(responsibilities)
  await page.getByLabel('Name', { exact: true }).fill('Communications lead')
  await page.getByRole('button', { name: 'Add the role' }).click()
  await expect(page.getByRole('heading', { name: 'Communications lead', level: 1 })).toBeVisible()
  const [role] = await query(
    `SELECT name, responsibilities, "builtIn" FROM "RecoveryRole" WHERE "schoolId" = $1 AND name = $2`,
    [school.id, 'Communications lead'],
  )
  expect(role).toEqual({ name: 'Communications lead', responsibilities, builtIn: null })

  // A rehearsal dated in the future.
  await page.goto(`/team/${sam}`)
  await page.getByText('Record training or a rehearsal').click()
  const training = page.getByRole('form', { name: 'Record training or a rehearsal' })
  await training.getByLabel('Rehearsal or exercise').check()
  await training.getByLabel('Date').fill('2999-03-04')
  await training.getByLabel('Provider').fill('Led by Priya')
  await training.getByLabel('What').fill('Tabletop: the MIS is down')
  await training.getByLabel('Notes').fill('Paper registers took 20 minutes.')
  await training.getByRole('button', { name: 'Add the record' }).click()
  await expect(training.getByLabel('Date')).toHaveAccessibleDescription(/future/)
  await expect(training.getByLabel('Rehearsal or exercise')).toBeChecked()
  await expect(training.getByLabel('Date')).toHaveValue('2999-03-04')
  await expect(training.getByLabel('Provider')).toHaveValue('Led by Priya')
  await expect(training.getByLabel('What')).toHaveValue('Tabletop: the MIS is down')
  await expect(training.getByLabel('Notes')).toHaveValue('Paper registers took 20 minutes.')
  expect(await query(`SELECT id FROM "TrainingRecord" WHERE "teamMemberId" = $1`, [sam])).toEqual([])
  await training.getByLabel('Date').fill('2026-03-04')
  await training.getByRole('button', { name: 'Add the record' }).click()
  await expect(page.getByText('The record was added.')).toBeVisible()
  const [rec] = await query(
    `SELECT kind::text AS kind, to_char("heldOn", 'YYYY-MM-DD') AS day, title, provider, notes FROM "TrainingRecord" WHERE "teamMemberId" = $1`,
    [sam],
  )
  expect(rec).toEqual({
    kind: 'REHEARSAL',
    day: '2026-03-04',
    title: 'Tabletop: the MIS is down',
    provider: 'Led by Priya',
    notes: 'Paper registers took 20 minutes.',
  })
  await expect(page.getByText('Tabletop: the MIS is down')).toBeVisible()
})

test("two managers edit one member: the second save keeps the first person's roles and contacts", async ({
  browser,
  school,
  signedInAs,
}) => {
  const roles = await teamRoles(school.id)
  const id = await member(school.id, {
    name: 'Sam Patel',
    roleIds: [roles.technician],
    mobile: '07700 900001',
  })
  const contexts = [await browser.newContext(), await browser.newContext()]
  const [first, second] = await Promise.all(contexts.map((c) => c.newPage()))
  if (!first || !second) throw new Error('two pages expected')
  await signedInAs('MANAGER', first)
  await signedInAs('MANAGER', second)
  await first.goto(`/team/${id}`)
  await second.goto(`/team/${id}`)

  // The first gives Sam the deputy role and a new mobile.
  await first.getByLabel('Deputy service continuity manager').check()
  await first.getByLabel('Mobile').fill('07700 900222')
  await first.getByRole('button', { name: 'Save changes' }).click()
  await expect(first.locator('[data-notice="success"]')).toBeVisible()

  // The second, from the old page, corrects the job title.
  await second.getByLabel('Job or employer').fill('Senior technician')
  await second.getByRole('button', { name: 'Save changes' }).click()
  const compare = second.getByTestId('stale-compare')
  await expect(compare).toContainText('Changed by someone else')
  await expect(compare.getByTestId('merge-roles')).toContainText('Their change is kept')
  await expect(compare.getByTestId('merge-roles')).toContainText(
    'Deputy service continuity manager, ICT technician',
  )
  await expect(second.getByLabel('Deputy service continuity manager')).toBeChecked()
  await expect(second.getByLabel('Mobile')).toHaveValue('07700 900222')
  await expect(second.getByLabel('Job or employer')).toHaveValue('Senior technician')
  await screenshots(second, 'team-member-merge')
  await second.getByRole('button', { name: 'Save changes' }).click()
  await expect(second.locator('[data-notice="success"]')).toBeVisible()
  const [stored] = await query(
    `SELECT "jobTitle", mobile, version,
            (SELECT array_agg("roleId" ORDER BY "roleId") FROM "TeamMemberRole" r WHERE r."teamMemberId" = m.id) AS roles
     FROM "TeamMember" m WHERE id = $1`,
    [id],
  )
  expect(stored).toEqual({
    jobTitle: 'Senior technician',
    mobile: '07700 900222',
    version: 3,
    roles: [roles.deputy, roles.technician].sort(),
  })
  await Promise.all(contexts.map((c) => c.close()))
})
