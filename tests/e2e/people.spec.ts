import { expect, test } from './fixtures'
import { postAction, query, screenshots } from './support'

async function membershipState() {
  return query<{ email: string; role: string; version: number }>(
    `SELECT u.email, m.role::text AS role, m.version FROM "Membership" m JOIN "User" u ON u.id = m."userId" ORDER BY u.email, m."schoolId"`,
  )
}
async function auditCount() {
  return Number((await query<{ n: string }>('SELECT count(*) AS n FROM "AuditEvent"'))[0]!.n)
}

test('a manager adds a person, fixing a mistake without retyping, then changes their role', async ({
  signedInAs,
}) => {
  const page = await signedInAs('MANAGER')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click()
  await expect(page.getByRole('heading', { name: 'People', level: 1 })).toBeVisible()
  const form = page.getByRole('region', { name: 'Add a person' })
  await form.getByLabel('Full name').fill('Sam Patel')
  await form.getByLabel('E-mail address').fill('sam.patel@oakfield')
  await form.getByLabel('Role').selectOption('TEAM')
  await form.getByLabel(/First password/).fill('short')
  await form.getByRole('button', { name: 'Add person' }).click()
  await expect(form.locator('[data-notice="error"]')).toContainText('not added')
  await expect(form.getByLabel('E-mail address')).toHaveAttribute('aria-invalid', 'true')
  await expect(form.getByLabel('Full name')).toHaveValue('Sam Patel')
  await expect(form.getByLabel('Role')).toHaveValue('TEAM')
  await screenshots(page, 'people-add-error')

  await form.getByLabel('E-mail address').fill('sam.patel@oakfield.example')
  await form.getByLabel(/First password/).fill('a long first password')
  await form.getByRole('button', { name: 'Add person' }).click()
  await expect(form.locator('[data-notice="success"]')).toBeVisible()
  const row = page.getByTestId('member-sam.patel@oakfield.example')
  await expect(row).toContainText('Recovery team member')

  await row.getByLabel('Role for Sam Patel').selectOption('VIEWER')
  await row.getByRole('button', { name: 'Change role' }).click()
  await expect(row.getByLabel('Role for Sam Patel')).toHaveValue('VIEWER')
  await expect(row).toContainText('Read-only viewer')
  // The select shows the choice at once; the stored role changes when the action has run.
  await expect
    .poll(async () => {
      const [stored] = await query<{ role: string }>(
        `SELECT m.role::text AS role FROM "Membership" m JOIN "User" u ON u.id = m."userId" WHERE u.email = $1`,
        ['sam.patel@oakfield.example'],
      )
      return stored?.role
    })
    .toBe('VIEWER')
  await screenshots(page, 'people')
})

test('the head teacher reads the people page but has nothing to change', async ({ signedInAs, school }) => {
  const page = await signedInAs('HEAD')
  await page.goto('/people')
  await expect(page.getByTestId(`member-${school.logins.MANAGER.email}`)).toBeVisible()
  await expect(page.getByRole('button', { name: 'Change role' })).toHaveCount(0)
  await expect(page.getByRole('region', { name: 'Add a person' })).toHaveCount(0)
})

test('a team member who posts manager-only actions directly is refused and nothing changes', async ({
  signedInAs,
  school,
}) => {
  const page = await signedInAs('TEAM')
  const before = await membershipState()
  const auditBefore = await auditCount()
  const manager = { id: school.logins.MANAGER.membershipId }
  const usersBefore = await query('SELECT id FROM "User" ORDER BY id')
  const post = (action: string, arg: unknown) => postAction(page, action, [arg])
  const add = await post('addMemberAction', {
    name: 'Intruder',
    email: 'intruder@example.org',
    role: 'MANAGER',
    password: 'a long enough password',
  })
  expect(add).toContain('NOT_FOUND')
  const demote = await post('changeRoleAction', { membershipId: manager!.id, role: 'TEAM', version: 1 })
  expect(demote).toContain('NOT_FOUND')
  const remove = await post('removeMemberAction', { membershipId: manager!.id, version: 1 })
  expect(remove).toContain('NOT_FOUND')
  expect(await membershipState()).toEqual(before)
  expect(await auditCount()).toBe(auditBefore)
  expect(await query('SELECT id FROM "User" ORDER BY id')).toEqual(usersBefore)
})

test('the activity page lists changes for the manager', async ({ signedInAs }) => {
  const page = await signedInAs('MANAGER')
  await page.goto('/activity')
  await expect(page.getByRole('heading', { name: 'Activity', level: 1 })).toBeVisible()
  await screenshots(page, 'activity')
})
