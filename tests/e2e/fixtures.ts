/*
 * Playwright fixtures: every test gets a school of its own (`school`, one login per role, all with the
 * demo password), made straight in the e2e database by `db`, so no test depends on another having run
 * first and any spec passes alone or in any order. Specs import `test` and `expect` from here.
 *
 *   test('...', async ({ signedInAs, db, school, servicesPage }) => {
 *     const page = await signedInAs('MANAGER')
 *     await db.service(school.id, { name: 'Exam entries' })
 *   })
 */
import { randomBytes } from 'node:crypto'
import { test as base, expect, type Locator, type Page } from '@playwright/test'
import {
  catalogueSnapshot,
  DEMO_PASSWORD,
  type DemoRole,
  LOGINS,
  mainNav,
  query,
  SIGN_IN_TIMEOUT,
  SignInPage,
} from './support'

export { expect }

const ROLES: DemoRole[] = ['MANAGER', 'HEAD', 'TEAM', 'VIEWER']
const ROLE_NAMES: Record<DemoRole, string> = {
  MANAGER: 'Manager',
  HEAD: 'Head',
  TEAM: 'Team',
  VIEWER: 'Viewer',
}

/** A cuid-shaped id, like the ones Prisma makes. */
const newId = () => `c${randomBytes(12).toString('hex')}`
/** A short tag that keeps this test's names and e-mail addresses apart from every other test's. */
const newTag = () => randomBytes(3).toString('hex')

export type Login = { userId: string; membershipId: string; email: string; name: string }
export type TestSchool = { id: string; name: string; tag: string; logins: Record<DemoRole, Login> }

type ServiceRow = {
  name: string
  criticality?: number
  rtoMinutes?: number
  rpoMinutes?: number
  maxOutageMinutes?: number
  owner?: string
}
type AssetRow = {
  name: string
  type?: string
  location?: string
  specification?: string
  standbyArrangement?: string
}

/** Writes test data straight into the e2e database and reads it back, to check what a request did. */
export class TestDb {
  readonly query = query

  /** The demo password's hash, so every login made here signs in with DEMO_PASSWORD. */
  private passwordHash?: Promise<string>
  private hash() {
    this.passwordHash ??= query<{ passwordHash: string }>(
      'SELECT "passwordHash" FROM "User" WHERE email = $1',
      [LOGINS.MANAGER],
    ).then(([u]) => {
      if (!u) throw new Error('the e2e database has no demo login to copy a password from')
      return u.passwordHash
    })
    return this.passwordHash
  }

  /** A school with one login per role (e-mails like manager.<tag>@e2e.example), or only those roles. */
  async school(name?: string, roles: DemoRole[] = ROLES): Promise<TestSchool> {
    const id = newId()
    const tag = newTag()
    name ??= `Test School ${tag}`
    await query(`INSERT INTO "School" (id, name, "updatedAt") VALUES ($1, $2, now())`, [id, name])
    const logins = {} as Record<DemoRole, Login>
    for (const role of roles)
      logins[role] = await this.login(id, role, `${role.toLowerCase()}.${tag}@e2e.example`)
    return { id, name, tag, logins }
  }

  /** A new login (or an existing one, by e-mail) with a membership of the school in this role. */
  async login(schoolId: string, role: DemoRole, email: string, name?: string): Promise<Login> {
    const [existing] = await query<{ id: string; name: string }>(
      'SELECT id, name FROM "User" WHERE email = $1',
      [email],
    )
    const userId = existing?.id ?? newId()
    const userName = existing?.name ?? name ?? `${ROLE_NAMES[role]} ${email.split('@')[0]!.split('.').pop()}`
    if (!existing)
      await query(
        `INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt") VALUES ($1, $2, $3, $4, now())`,
        [userId, email, userName, await this.hash()],
      )
    const membershipId = newId()
    await query(
      `INSERT INTO "Membership" (id, "userId", "schoolId", role, "updatedAt") VALUES ($1, $2, $3, $4::"Role", now())`,
      [membershipId, userId, schoolId, role],
    )
    return { userId, membershipId, email, name: userName }
  }

  /** A service as a manager would have entered it (no audit row); its RTO fits its maximum outage. */
  async service(schoolId: string, s: ServiceRow): Promise<string> {
    const id = newId()
    const impacts = [60, 1440, 10080].map((afterMinutes) => ({ afterMinutes, level: 'NONE', note: '' }))
    await query(
      `INSERT INTO "Service" (id, "schoolId", name, owner, criticality, "rtoMinutes", "rpoMinutes", "maxOutageMinutes", impacts, "updatedAt")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, now())`,
      [
        id,
        schoolId,
        s.name,
        s.owner ?? '',
        s.criticality ?? 1,
        s.rtoMinutes ?? 240,
        s.rpoMinutes ?? 1440,
        s.maxOutageMinutes ?? 1440,
        JSON.stringify(impacts),
      ],
    )
    return id
  }

  /** An asset (no audit row). */
  async asset(schoolId: string, a: AssetRow): Promise<string> {
    const id = newId()
    await query(
      `INSERT INTO "Asset" (id, "schoolId", name, type, location, specification, "standbyArrangement", "updatedAt")
       VALUES ($1, $2, $3, $4::"AssetType", $5, $6, $7, now())`,
      [
        id,
        schoolId,
        a.name,
        a.type ?? 'HARDWARE',
        a.location ?? '',
        a.specification ?? '',
        a.standbyArrangement ?? '',
      ],
    )
    return id
  }

  /** The service needs the asset. */
  async link(schoolId: string, serviceId: string, assetId: string, required = true) {
    await query(
      `INSERT INTO "ServiceAsset" (id, "schoolId", "serviceId", "assetId", required) VALUES ($1, $2, $3, $4, $5)`,
      [newId(), schoolId, serviceId, assetId, required],
    )
  }

  /** Rows in a table, of one school when given. */
  async count(table: 'Asset' | 'Service' | 'ServiceAsset' | 'AuditEvent' | 'Membership', schoolId?: string) {
    const [r] = await query<{ n: string }>(
      `SELECT count(*) AS n FROM "${table}"${schoolId ? ' WHERE "schoolId" = $1' : ''}`,
      schoolId ? [schoolId] : [],
    )
    return Number(r!.n)
  }

  /** What catalogue actions can change, to prove that a refused request changed nothing. */
  catalogueSnapshot() {
    return catalogueSnapshot()
  }
}

/** The services list, the new-service form and a service's page. */
export class ServicesPage {
  constructor(readonly page: Page) {}
  async goto() {
    await this.page.goto('/services')
  }
  async gotoNew() {
    await this.page.goto('/services/new')
  }
  /** Follows the Services link in the main navigation, as a person would. */
  async openFromNav() {
    await mainNav(this.page).getByRole('link', { name: 'Services' }).click()
  }
  link(name: string) {
    return this.page.getByRole('link', { name, exact: true })
  }
  async open(name: string) {
    await this.goto()
    await this.link(name).click()
    await this.heading(name).waitFor()
  }
  heading(name: string) {
    return this.page.getByRole('heading', { name, level: 1 })
  }
  /** An RTO, RPO or maximum outage group, with its Amount and Unit fields. */
  duration(name: 'Recovery time objective (RTO)' | 'Maximum tolerable outage' | string): Locator {
    return this.page.getByRole('group', { name })
  }
  addButton() {
    return this.page.getByRole('button', { name: 'Add service' })
  }
  saveButton() {
    return this.page.getByRole('button', { name: 'Save changes' })
  }
}

/** The asset register, the new-asset form, an asset's page and the CSV import. */
export class AssetsPage {
  constructor(readonly page: Page) {}
  async goto() {
    await this.page.goto('/assets')
  }
  async gotoNew() {
    await this.page.goto('/assets/new')
  }
  link(name: string) {
    return this.page.getByRole('link', { name, exact: true })
  }
  heading(name: string) {
    return this.page.getByRole('heading', { name, level: 1 })
  }
  /** Adds an asset through the form and waits for its page. */
  async add(name: string, type = 'HARDWARE') {
    await this.gotoNew()
    await this.page.getByLabel('Name', { exact: true }).fill(name)
    await this.page.getByLabel('Type').selectOption(type)
    await this.page.getByRole('button', { name: 'Add asset' }).click()
    await this.heading(name).waitFor()
  }
}

/** The people page: the members table and the add-a-person form. */
export class PeoplePage {
  constructor(readonly page: Page) {}
  async goto() {
    await this.page.goto('/people')
  }
  addForm() {
    return this.page.getByRole('region', { name: 'Add a person' })
  }
  member(email: string) {
    return this.page.getByTestId(`member-${email}`)
  }
}

type Fixtures = {
  db: TestDb
  /** A school of this test's own, with one login per role. */
  school: TestSchool
  /**
   * Signs in as the test school's login for the role and waits for the dashboard. Without a page it
   * uses the test's page; pass another (from a second browser context) for a second person.
   */
  signedInAs: (role: DemoRole, page?: Page) => Promise<Page>
  signInPage: SignInPage
  servicesPage: ServicesPage
  assetsPage: AssetsPage
  peoplePage: PeoplePage
}

export const test = base.extend<Fixtures>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixtures a fixture needs from this pattern.
  db: async ({}, use) => {
    await use(new TestDb())
  },
  school: async ({ db }, use) => {
    await use(await db.school())
  },
  signedInAs: async ({ page, school }, use) => {
    await use(async (role, target = page) => {
      const p = new SignInPage(target)
      await p.goto()
      await p.signIn(school.logins[role].email, DEMO_PASSWORD)
      await expect(target.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible({
        timeout: SIGN_IN_TIMEOUT,
      })
      return target
    })
  },
  signInPage: async ({ page }, use) => {
    await use(new SignInPage(page))
  },
  servicesPage: async ({ page }, use) => {
    await use(new ServicesPage(page))
  },
  assetsPage: async ({ page }, use) => {
    await use(new AssetsPage(page))
  },
  peoplePage: async ({ page }, use) => {
    await use(new PeoplePage(page))
  },
})
