/*
 * Every server action, tried by every role. Each capability adds its rows here. A role without the
 * permission gets NOT_FOUND and nothing in the database changes; a role with it gets past the wrapper.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest'
import * as assetActions from '@/lib/assets/actions'
import * as accountActions from '@/lib/auth/account-actions'
import * as catalogueActions from '@/lib/catalogue/actions'
import { db } from '@/lib/db'
import type { Role } from '@/lib/generated/prisma/enums'
import * as invitationActions from '@/lib/invitations/actions'
import * as peopleActions from '@/lib/people/actions'
import type { ActionResult } from '@/lib/result'
import * as serviceActions from '@/lib/services/actions'
import { contextFor, form, makeMember, makeSchool } from '../support/factories'
import { asUser } from '../support/session'

vi.mock('@/lib/auth/context', () => import('../support/mock-context'))
vi.mock('next/cache', () => import('../support/mock-next'))
vi.mock('next/headers', () => import('../support/mock-next'))

type Fixture = {
  schoolId: string
  membershipId: string
  serviceId: string
  assetId: string
  otherAssetId: string
  invitationId: string
  /** For each role's login, invitations to another school, to accept and to decline. */
  invitationsFor: Record<Role, { accept: string; decline: string }>
}
type Row = {
  action: (a: unknown, b?: unknown) => Promise<ActionResult<unknown>>
  input: (f: Fixture, role: Role) => unknown
  allowed: Role[]
}

const M: Role[] = ['MANAGER']
const ALL: Role[] = ['MANAGER', 'HEAD', 'TEAM', 'VIEWER']
const file = () => {
  const f = new FormData()
  f.set('file', new File(['name,type\nX,Hardware\n'], 'x.csv'))
  return f
}

const ROWS: Record<string, Row> = {
  changePasswordAction: {
    action: accountActions.changePasswordAction,
    // A wrong current password: every role gets past the wrapper to the check, and nothing changes.
    input: () =>
      form({
        currentPassword: 'not the password',
        newPassword: 'a new long password',
        confirmPassword: 'a new long password',
      }),
    allowed: ALL,
  },
  inviteMemberAction: {
    action: invitationActions.inviteMemberAction,
    input: () => form({ name: 'N', email: 'n@x.org', role: 'TEAM', password: 'long enough pass' }),
    allowed: M,
  },
  revokeInvitationAction: {
    action: invitationActions.revokeInvitationAction,
    input: (f) => form({ invitationId: f.invitationId, version: 1 }),
    allowed: M,
  },
  // The invited person's own answers: no membership or permission is involved (they may have no school
  // yet), so every signed-in role gets past the wrapper, each with an invitation to their own e-mail.
  // That nobody can answer someone else's invitation is in invitations.test.ts.
  acceptInvitationAction: {
    action: invitationActions.acceptInvitationAction,
    input: (f, role) => form({ invitationId: f.invitationsFor[role].accept }),
    allowed: ALL,
  },
  declineInvitationAction: {
    action: invitationActions.declineInvitationAction,
    input: (f, role) => form({ invitationId: f.invitationsFor[role].decline }),
    allowed: ALL,
  },
  changeRoleAction: {
    action: peopleActions.changeRoleAction,
    input: (f) => form({ membershipId: f.membershipId, role: 'VIEWER', version: 1 }),
    allowed: M,
  },
  removeMemberAction: {
    action: peopleActions.removeMemberAction,
    input: (f) => form({ membershipId: f.membershipId, version: 1 }),
    allowed: M,
  },
  switchSchoolAction: {
    action: peopleActions.switchSchoolAction,
    input: (f) => ({ schoolId: f.schoolId }),
    allowed: ALL,
  },
  createServiceAction: {
    action: serviceActions.createServiceAction,
    input: () =>
      form({
        name: 'S',
        criticality: 2,
        rtoValue: 1,
        rtoUnit: 'days',
        rpoValue: 1,
        rpoUnit: 'days',
        maxOutageValue: 2,
        maxOutageUnit: 'days',
      }),
    allowed: M,
  },
  updateServiceAction: {
    action: serviceActions.updateServiceAction,
    input: (f) =>
      form({
        id: f.serviceId,
        version: 1,
        name: 'S2',
        criticality: 2,
        rtoValue: 1,
        rtoUnit: 'days',
        rpoValue: 1,
        rpoUnit: 'days',
        maxOutageValue: 2,
        maxOutageUnit: 'days',
      }),
    allowed: M,
  },
  archiveServiceAction: {
    action: serviceActions.archiveServiceAction,
    input: (f) => form({ id: f.serviceId, version: 1 }),
    allowed: M,
  },
  restoreServiceAction: {
    action: serviceActions.restoreServiceAction,
    input: (f) => form({ id: f.serviceId, version: 1 }),
    allowed: M,
  },
  linkServiceAssetAction: {
    action: serviceActions.linkServiceAssetAction,
    input: (f) => form({ serviceId: f.serviceId, assetId: f.assetId }),
    allowed: M,
  },
  setLinkRequiredAction: {
    action: serviceActions.setLinkRequiredAction,
    input: (f) => form({ serviceId: f.serviceId, assetId: f.assetId, required: 'false', version: 1 }),
    allowed: M,
  },
  unlinkServiceAssetAction: {
    action: serviceActions.unlinkServiceAssetAction,
    input: (f) => form({ serviceId: f.serviceId, assetId: f.assetId }),
    allowed: M,
  },
  createAssetAction: {
    action: assetActions.createAssetAction,
    input: () => form({ name: 'A', type: 'HARDWARE' }),
    allowed: M,
  },
  updateAssetAction: {
    action: assetActions.updateAssetAction,
    input: (f) => form({ id: f.assetId, version: 1, name: 'A2', type: 'HARDWARE' }),
    allowed: M,
  },
  archiveAssetAction: {
    action: assetActions.archiveAssetAction,
    input: (f) => form({ id: f.assetId, version: 1 }),
    allowed: M,
  },
  restoreAssetAction: {
    action: assetActions.restoreAssetAction,
    input: (f) => form({ id: f.assetId, version: 1 }),
    allowed: M,
  },
  addDependencyAction: {
    action: assetActions.addDependencyAction,
    input: (f) => form({ assetId: f.assetId, dependsOnId: f.otherAssetId }),
    allowed: M,
  },
  removeDependencyAction: {
    action: assetActions.removeDependencyAction,
    input: (f) => form({ assetId: f.assetId, dependsOnId: f.otherAssetId }),
    allowed: M,
  },
  previewAssetImportAction: { action: assetActions.previewAssetImportAction, input: file, allowed: M },
  importAssetsAction: {
    action: assetActions.importAssetsAction,
    input: () => form({ csv: 'name,type\nY,Hardware\n', mode: 'all' }),
    allowed: M,
  },
  loadStarterCatalogueAction: {
    action: catalogueActions.loadStarterCatalogueAction,
    input: () => ({}),
    allowed: M,
  },
}

async function everything() {
  const tables = await Promise.all([
    db.school.findMany({ orderBy: { id: 'asc' } }),
    db.user.findMany({ orderBy: { id: 'asc' } }),
    db.membership.findMany({ orderBy: { id: 'asc' } }),
    db.invitation.findMany({ orderBy: { id: 'asc' } }),
    db.service.findMany({ orderBy: { id: 'asc' } }),
    db.asset.findMany({ orderBy: { id: 'asc' } }),
    db.serviceAsset.findMany({ orderBy: { id: 'asc' } }),
    db.assetDependency.findMany({ orderBy: { id: 'asc' } }),
    db.auditEvent.count(),
  ])
  return tables
}

const ctxs = {} as Record<Role, Awaited<ReturnType<typeof contextFor>>>
let fixture: Fixture

beforeAll(async () => {
  const school = await makeSchool()
  for (const role of ALL)
    ctxs[role] = await contextFor((await makeMember(school.id, role)).user.id, school.id)
  const target = await makeMember(school.id, 'TEAM')
  const service = await db.service.create({
    data: {
      schoolId: school.id,
      name: 'Svc',
      criticality: 1,
      rtoMinutes: 60,
      rpoMinutes: 60,
      maxOutageMinutes: 120,
    },
  })
  const asset = await db.asset.create({ data: { schoolId: school.id, name: 'Asset', type: 'HARDWARE' } })
  const other = await db.asset.create({ data: { schoolId: school.id, name: 'Other', type: 'HARDWARE' } })
  const elsewhere = await makeSchool()
  const invitationsFor = {} as Fixture['invitationsFor']
  const expiresAt = new Date(Date.now() + 24 * 60 * 60 * 1000)
  const invitationTo = async (schoolId: string, email: string) =>
    (await db.invitation.create({ data: { schoolId, email, name: 'N', role: 'TEAM', expiresAt } })).id
  for (const role of ALL) {
    const { email } = await db.user.findUniqueOrThrow({ where: { id: ctxs[role].userId } })
    invitationsFor[role] = {
      accept: await invitationTo(elsewhere.id, email),
      decline: await invitationTo(elsewhere.id, email),
    }
  }
  fixture = {
    invitationId: await invitationTo(school.id, 'invited@x.org'),
    invitationsFor,
    schoolId: school.id,
    membershipId: target.membership.id,
    serviceId: service.id,
    assetId: asset.id,
    otherAssetId: other.id,
  }
})

describe('role by action', () => {
  for (const [name, row] of Object.entries(ROWS))
    for (const role of ALL) {
      const allowed = row.allowed.includes(role)
      it(`${role} ${allowed ? 'may' : 'may not'} ${name}`, async () => {
        asUser(ctxs[role])
        if (allowed) {
          const r = await row.action(null, row.input(fixture, role))
          if (!r.ok) expect(['NOT_FOUND', 'UNAUTHENTICATED', 'ERROR']).not.toContain(r.reason)
          return
        }
        const before = await everything()
        const r = await row.action(null, row.input(fixture, role))
        expect(r).toMatchObject({ ok: false, reason: 'NOT_FOUND' })
        expect(await everything()).toEqual(before)
      })
    }

  it('covers every exported action', () => {
    const exported = [
      peopleActions,
      invitationActions,
      serviceActions,
      assetActions,
      catalogueActions,
      accountActions,
    ].flatMap((m) => Object.keys(m))
    expect(exported.sort()).toEqual(Object.keys(ROWS).sort())
  })
})
