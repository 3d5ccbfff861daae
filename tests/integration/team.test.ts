import { beforeEach, describe, expect, it } from 'vitest'
import { listChanges } from '@/lib/audit/queries'
import { db } from '@/lib/db'
import {
  addTrainingAction,
  archiveRoleAction,
  createMemberAction,
  createRoleAction,
  markMemberBackAction,
  markMemberLeftAction,
  removeTrainingAction,
  restoreRoleAction,
  updateMemberAction,
  updateOwnContactsAction,
  updateRoleAction,
} from '@/lib/team/actions'
import { teamListParamsSchema } from '@/lib/team/list-params'
import { ensureBuiltInRoles } from '@/lib/team/mutations'
import { getMemberView, getOwnProfile, listRoleCoverage, listTeam } from '@/lib/team/queries'
import { parseSearchParams } from '@/lib/validation/search-params'
import { contextFor, form, makeMember, makeSchool } from '../support/factories'
import { lastRedirect } from '../support/mock-navigation'
import { asUser, sessionState } from '../support/session'
import { databaseSnapshot } from '../support/snapshot'
import { builtInRoles, makeRole, makeTeamMember, memberForm } from '../support/team'

async function setup() {
  const a = await makeSchool('School A')
  const b = await makeSchool('School B')
  const managerA = await makeMember(a.id, 'MANAGER')
  const teamA = await makeMember(a.id, 'TEAM')
  const headA = await makeMember(a.id, 'HEAD')
  const viewerA = await makeMember(a.id, 'VIEWER')
  const managerB = await makeMember(b.id, 'MANAGER')
  const rolesA = await builtInRoles(a.id)
  const rolesB = await builtInRoles(b.id)
  const techA = await makeRole(a.id, 'ICT technician')
  const techB = await makeRole(b.id, 'ICT technician')
  return {
    a,
    b,
    managerA,
    teamA,
    headA,
    viewerA,
    managerB,
    rolesA,
    rolesB,
    techA,
    techB,
    ctx: {
      manager: await contextFor(managerA.user.id, a.id),
      team: await contextFor(teamA.user.id, a.id),
      head: await contextFor(headA.user.id, a.id),
      viewer: await contextFor(viewerA.user.id, a.id),
    },
  }
}
let s: Awaited<ReturnType<typeof setup>>

beforeEach(async () => {
  sessionState.redirectedTo = null
  s = await setup()
  asUser(s.ctx.manager)
})

/** Runs a refused request and proves nothing at all changed in the database. */
async function refusedUnchanged(run: () => Promise<unknown>) {
  const before = await databaseSnapshot()
  const r = await run()
  expect(await databaseSnapshot()).toEqual(before)
  return r
}

describe('built-in roles', () => {
  it('every school gets both, once, however often they are ensured', async () => {
    const fresh = await makeSchool()
    expect(await ensureBuiltInRoles(db, fresh.id)).toBe(2)
    expect(await ensureBuiltInRoles(db, fresh.id)).toBe(0)
    await Promise.all([ensureBuiltInRoles(db, fresh.id), ensureBuiltInRoles(db, fresh.id)])
    const roles = await db.recoveryRole.findMany({ where: { schoolId: fresh.id }, orderBy: { name: 'asc' } })
    expect(roles.map((r) => [r.name, r.builtIn])).toEqual([
      ['Deputy service continuity manager', 'DEPUTY_CONTINUITY_MANAGER'],
      ['Service continuity manager', 'CONTINUITY_MANAGER'],
    ])
  })

  it('reading the roles of a school that lacks them creates them', async () => {
    const fresh = await makeSchool()
    const coverage = await listRoleCoverage(fresh.id)
    expect(coverage.map((c) => [c.name, c.status])).toEqual([
      ['Service continuity manager', 'UNCOVERED'],
      ['Deputy service continuity manager', 'UNCOVERED'],
    ])
    expect(await db.recoveryRole.count({ where: { schoolId: fresh.id } })).toBe(2)
  })

  it('cannot be retired or renamed, but their responsibilities can be reworded', async () => {
    const deputy = s.rolesA.deputy
    const retire = await refusedUnchanged(() =>
      archiveRoleAction(null, form({ id: deputy.id, version: 1, confirm: 'yes' })),
    )
    expect(retire).toMatchObject({
      ok: false,
      reason: 'CONFLICT',
      message: expect.stringMatching(/cannot be retired/),
    })
    const rename = await refusedUnchanged(() =>
      updateRoleAction(
        null,
        form({ id: deputy.id, version: 1, name: 'Second in command', responsibilities: '' }),
      ),
    )
    expect(rename).toMatchObject({
      ok: false,
      reason: 'CONFLICT',
      fieldErrors: { name: [expect.any(String)] },
    })
    const reword = await updateRoleAction(
      null,
      form({
        id: deputy.id,
        version: 1,
        name: deputy.name,
        responsibilities: 'Covers when the manager is away.',
      }),
    )
    expect(reword).toEqual({ ok: true, data: { id: deputy.id, version: 2 } })
    expect((await db.recoveryRole.findUniqueOrThrow({ where: { id: deputy.id } })).responsibilities).toBe(
      'Covers when the manager is away.',
    )
  })
})

describe('roles the school adds', () => {
  it('adds a role with its responsibilities and audits it', async () => {
    const r = await createRoleAction(
      null,
      form({ name: 'Communications lead', responsibilities: 'Tells parents.' }),
    )
    expect(r.ok).toBe(true)
    const role = await db.recoveryRole.findFirstOrThrow({
      where: { schoolId: s.a.id, name: 'Communications lead' },
    })
    expect(role).toMatchObject({ responsibilities: 'Tells parents.', builtIn: null, version: 1 })
    expect(lastRedirect()).toBe(`/team/roles/${role.id}?saved=created`)
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: role.id } })
    expect(audit).toMatchObject({ entity: 'RecoveryRole', action: 'create', schoolId: s.a.id })
  })

  it('refuses a name another live role has (in any case), but not one in another school', async () => {
    const clash = await refusedUnchanged(() =>
      createRoleAction(null, form({ name: 'ict TECHNICIAN', responsibilities: '' })),
    )
    expect(clash).toMatchObject({
      ok: false,
      reason: 'CONFLICT',
      fieldErrors: { name: [expect.any(String)] },
    })
    const builtInName = await createRoleAction(null, form({ name: 'Service continuity manager' }))
    expect(builtInName).toMatchObject({ ok: false, reason: 'CONFLICT' })
    asUser(await contextFor(s.managerB.user.id, s.b.id))
    expect((await createRoleAction(null, form({ name: 'Site manager' }))).ok).toBe(true)
  })

  it('renames, refusing a stale version with the stored role', async () => {
    const ok = await updateRoleAction(
      null,
      form({ id: s.techA.id, version: 1, name: 'Technician', responsibilities: 'x' }),
    )
    expect(ok).toEqual({ ok: true, data: { id: s.techA.id, version: 2 } })
    const stale = await refusedUnchanged(() =>
      updateRoleAction(null, form({ id: s.techA.id, version: 1, name: 'Tech', responsibilities: 'y' })),
    )
    expect(stale).toMatchObject({ ok: false, reason: 'STALE', current: { name: 'Technician', version: 2 } })
  })

  it('asks before retiring a role someone holds, keeps the holding, and brings it back', async () => {
    const sam = await makeTeamMember(s.a.id, { name: 'Sam', roleIds: [s.techA.id] })
    const ask = await refusedUnchanged(() => archiveRoleAction(null, form({ id: s.techA.id, version: 1 })))
    expect(ask).toMatchObject({
      ok: false,
      reason: 'NEEDS_CONFIRMATION',
      message: expect.stringMatching(/Sam holds ICT technician/),
    })
    expect((await archiveRoleAction(null, form({ id: s.techA.id, version: 1, confirm: 'yes' }))).ok).toBe(
      true,
    )
    const coverage = await listRoleCoverage(s.a.id)
    expect(coverage.at(-1)).toMatchObject({
      name: 'ICT technician',
      archived: true,
      holders: [{ id: sam.id }],
    })
    expect((await restoreRoleAction(null, form({ id: s.techA.id, version: 2 }))).ok).toBe(true)
    expect(
      await db.auditEvent.count({ where: { entityId: s.techA.id, action: { in: ['archive', 'restore'] } } }),
    ).toBe(2)
  })

  it('a role in another school is not found, and nothing changes', async () => {
    for (const run of [
      () => updateRoleAction(null, form({ id: s.techB.id, version: 1, name: 'Mine now' })),
      () => archiveRoleAction(null, form({ id: s.techB.id, version: 1, confirm: 'yes' })),
      () => restoreRoleAction(null, form({ id: s.techB.id, version: 1 })),
    ])
      expect(await refusedUnchanged(run)).toMatchObject({ ok: false, reason: 'NOT_FOUND' })
  })
})

describe('team members', () => {
  it('adds a member with roles and a login, and audits it in words', async () => {
    const r = await createMemberAction(
      null,
      memberForm({ membershipId: s.teamA.membership.id }, [s.techA.id, s.rolesA.deputy.id]),
    )
    expect(r.ok).toBe(true)
    const m = await db.teamMember.findFirstOrThrow({
      where: { schoolId: s.a.id },
      include: { roles: true },
    })
    expect(m).toMatchObject({
      name: 'Sam Patel',
      membershipId: s.teamA.membership.id,
      systemAccess: true,
      mobile: '07700 900123',
      personalEmail: 'sam.patel@example.org',
      leftAt: null,
    })
    expect(m.roles.map((x) => x.roleId).sort()).toEqual([s.techA.id, s.rolesA.deputy.id].sort())
    expect(lastRedirect()).toBe(`/team/${m.id}?saved=created`)
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: m.id } })
    expect(audit.after).toMatchObject({ roles: 'Deputy service continuity manager, ICT technician' })
  })

  it('a supplier engineer needs no login and may have no system access', async () => {
    const r = await createMemberAction(
      null,
      memberForm({ name: 'Jo (Acme IT)', membershipId: '', systemAccess: 'no', personalEmail: '' }),
    )
    expect(r.ok).toBe(true)
    expect(await db.teamMember.findFirstOrThrow({ where: { name: 'Jo (Acme IT)' } })).toMatchObject({
      membershipId: null,
      systemAccess: false,
      personalEmail: '',
    })
  })

  it('refuses bad contact details beside the field and sends back every value, ticks included', async () => {
    const r = await refusedUnchanged(() =>
      createMemberAction(
        null,
        memberForm({ mobile: 'call me', personalEmail: 'not-an-email' }, [s.techA.id]),
      ),
    )
    expect(r).toMatchObject({
      ok: false,
      reason: 'INVALID',
      fieldErrors: { mobile: [expect.any(String)], personalEmail: [expect.any(String)] },
      values: { name: 'Sam Patel', mobile: 'call me', systemAccess: 'yes', [`role_${s.techA.id}`]: 'yes' },
    })
  })

  it('refuses a login from another school, a login already linked, and a role from another school', async () => {
    const foreign = await refusedUnchanged(() =>
      createMemberAction(null, memberForm({ membershipId: s.managerB.membership.id })),
    )
    expect(foreign).toMatchObject({
      ok: false,
      reason: 'NOT_FOUND',
      fieldErrors: { membershipId: [expect.any(String)] },
    })
    await makeTeamMember(s.a.id, { name: 'Already', membershipId: s.teamA.membership.id })
    const taken = await refusedUnchanged(() =>
      createMemberAction(null, memberForm({ membershipId: s.teamA.membership.id })),
    )
    expect(taken).toMatchObject({
      ok: false,
      reason: 'CONFLICT',
      fieldErrors: { membershipId: [expect.stringMatching(/Already/)] },
    })
    const role = await refusedUnchanged(() => createMemberAction(null, memberForm({}, [s.techB.id])))
    expect(role).toMatchObject({ ok: false, reason: 'CONFLICT' })
  })

  it('edits details and roles, keeping holdings of retired roles, and refuses a stale version', async () => {
    const old = await makeRole(s.a.id, 'Fax operator')
    const m = await makeTeamMember(s.a.id, { name: 'Sam', roleIds: [s.techA.id, old.id] })
    await db.recoveryRole.update({ where: { id: old.id }, data: { archivedAt: new Date() } })
    const r = await updateMemberAction(
      null,
      memberForm({ id: m.id, version: 1, name: 'Sam Patel' }, [s.rolesA.manager.id]),
    )
    expect(r).toEqual({ ok: true, data: { id: m.id, version: 2 } })
    const held = await db.teamMemberRole.findMany({ where: { teamMemberId: m.id } })
    expect(held.map((h) => h.roleId).sort()).toEqual([old.id, s.rolesA.manager.id].sort())
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: m.id, action: 'update' } })
    expect(audit.before).toMatchObject({ roles: 'Fax operator, ICT technician' })
    expect(audit.after).toMatchObject({
      roles: 'Fax operator, Service continuity manager',
      name: 'Sam Patel',
    })

    const stale = await refusedUnchanged(() =>
      updateMemberAction(null, memberForm({ id: m.id, version: 1, name: 'Samuel' }, [s.techA.id])),
    )
    expect(stale).toMatchObject({
      ok: false,
      reason: 'STALE',
      current: { name: 'Sam Patel', version: 2, roleIds: expect.arrayContaining([s.rolesA.manager.id]) },
    })
  })

  it('a member of another school is not found: not to edit, mark left, train or read', async () => {
    const theirs = await makeTeamMember(s.b.id, { name: 'Theirs', roleIds: [s.rolesB.manager.id] })
    for (const run of [
      () => updateMemberAction(null, memberForm({ id: theirs.id, version: 1 })),
      () => markMemberLeftAction(null, form({ id: theirs.id, version: 1, confirm: 'yes' })),
      () => markMemberBackAction(null, form({ id: theirs.id, version: 1 })),
      () =>
        addTrainingAction(
          null,
          form({ teamMemberId: theirs.id, kind: 'NCSC_CYBER', heldOn: '2026-09-01', title: '' }),
        ),
    ])
      expect(await refusedUnchanged(run)).toMatchObject({ ok: false, reason: 'NOT_FOUND' })
    expect(await getMemberView(s.a.id, theirs.id, { contacts: true, edit: true })).toBeNull()
  })

  it('roles other than the manager may not change the team', async () => {
    const m = await makeTeamMember(s.a.id, { roleIds: [s.techA.id] })
    for (const ctx of [s.ctx.head, s.ctx.team, s.ctx.viewer]) {
      asUser(ctx)
      for (const run of [
        () => createMemberAction(null, memberForm()),
        () => updateMemberAction(null, memberForm({ id: m.id, version: 1 })),
        () => markMemberLeftAction(null, form({ id: m.id, version: 1, confirm: 'yes' })),
        () => createRoleAction(null, form({ name: 'Sneaky' })),
      ])
        expect(await refusedUnchanged(run)).toMatchObject({ ok: false, reason: 'NOT_FOUND' })
    }
  })
})

describe('leaving', () => {
  it('asks first when it leaves a role uncovered, then the role shows as uncovered; coming back covers it', async () => {
    const alex = await makeTeamMember(s.a.id, { name: 'Alex', roleIds: [s.rolesA.deputy.id, s.techA.id] })
    await makeTeamMember(s.a.id, { name: 'Chris', roleIds: [s.techA.id] })
    const ask = await refusedUnchanged(() => markMemberLeftAction(null, form({ id: alex.id, version: 1 })))
    expect(ask).toMatchObject({
      ok: false,
      reason: 'NEEDS_CONFIRMATION',
      message: expect.stringMatching(/only holder of Deputy service continuity manager\./),
    })
    expect((await markMemberLeftAction(null, form({ id: alex.id, version: 1, confirm: 'yes' }))).ok).toBe(
      true,
    )
    const stored = await db.teamMember.findUniqueOrThrow({ where: { id: alex.id }, include: { roles: true } })
    expect(stored.leftAt).not.toBeNull()
    expect(stored.roles).toHaveLength(2)
    const coverage = await listRoleCoverage(s.a.id)
    expect(coverage.find((c) => c.roleId === s.rolesA.deputy.id)).toMatchObject({
      status: 'UNCOVERED',
      holders: [],
      former: [{ name: 'Alex' }],
    })
    expect(coverage.find((c) => c.roleId === s.techA.id)).toMatchObject({
      status: 'SINGLE',
      holders: [{ name: 'Chris' }],
    })
    expect(await db.auditEvent.count({ where: { entityId: alex.id, action: 'leave' } })).toBe(1)

    // Marking left again changes nothing; a stale version is refused.
    expect(await markMemberLeftAction(null, form({ id: alex.id, version: 2 }))).toMatchObject({ ok: true })
    expect(
      await refusedUnchanged(() => markMemberBackAction(null, form({ id: alex.id, version: 1 }))),
    ).toMatchObject({
      ok: false,
      reason: 'STALE',
    })
    expect((await markMemberBackAction(null, form({ id: alex.id, version: 2 }))).ok).toBe(true)
    expect((await listRoleCoverage(s.a.id)).find((c) => c.roleId === s.rolesA.deputy.id)?.status).toBe(
      'SINGLE',
    )
  })

  it('a member holding no role alone leaves without a question', async () => {
    const m = await makeTeamMember(s.a.id, { name: 'Volunteer' })
    expect((await markMemberLeftAction(null, form({ id: m.id, version: 1 }))).ok).toBe(true)
    expect((await listTeam(s.a.id, { status: 'current' }, { contacts: true })).rows).toEqual([])
    expect((await listTeam(s.a.id, { status: 'left' }, { contacts: true })).rows.map((r) => r.name)).toEqual([
      'Volunteer',
    ])
  })
})

describe('a person keeping their own contact details', () => {
  it('a team user edits only their own contacts, found from their login', async () => {
    const me = await makeTeamMember(s.a.id, {
      name: 'Tess',
      membershipId: s.teamA.membership.id,
      roleIds: [s.techA.id],
    })
    const other = await makeTeamMember(s.a.id, { name: 'Other', mobile: '07700 900999' })
    asUser(s.ctx.team)
    const r = await updateOwnContactsAction(
      null,
      form({
        // Fields the form does not have are ignored: the id and name cannot be chosen.
        id: other.id,
        name: 'Hacked',
        version: 1,
        mobile: '07700 900321',
        otherPhone: '',
        personalEmail: 'tess@example.org',
        outOfHoursNotes: 'Not on Sundays.',
        fallbackContact: 'Mum: 01632 960001',
      }),
    )
    expect(r).toEqual({ ok: true, data: { id: me.id, version: 2 } })
    expect(await db.teamMember.findUniqueOrThrow({ where: { id: me.id } })).toMatchObject({
      name: 'Tess',
      mobile: '07700 900321',
      personalEmail: 'tess@example.org',
      fallbackContact: 'Mum: 01632 960001',
    })
    expect(await db.teamMember.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({
      name: 'Other',
      mobile: '07700 900999',
      version: 1,
    })
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: me.id } })
    expect(audit).toMatchObject({ action: 'update-contacts', actorId: s.teamA.user.id })
    expect((await getOwnProfile(s.a.id, s.teamA.user.id))?.roles.map((x) => x.name)).toEqual([
      'ICT technician',
    ])

    const stale = await refusedUnchanged(() =>
      updateOwnContactsAction(null, form({ version: 1, mobile: '07700 900000' })),
    )
    expect(stale).toMatchObject({ ok: false, reason: 'STALE', current: { mobile: '07700 900321' } })
  })

  it('a login not linked to the team is told so, and a viewer may not use it at all', async () => {
    asUser(s.ctx.team)
    const unlinked = await refusedUnchanged(() =>
      updateOwnContactsAction(null, form({ version: 1, mobile: '07700 900000' })),
    )
    expect(unlinked).toMatchObject({
      ok: false,
      reason: 'CONFLICT',
      message: expect.stringMatching(/not linked/),
    })
    await makeTeamMember(s.a.id, { membershipId: s.viewerA.membership.id })
    asUser(s.ctx.viewer)
    expect(
      await refusedUnchanged(() =>
        updateOwnContactsAction(null, form({ version: 1, mobile: '07700 900000' })),
      ),
    ).toMatchObject({ ok: false, reason: 'NOT_FOUND' })
  })

  it('a login in another school does not reach a member linked in this one', async () => {
    await makeTeamMember(s.a.id, { membershipId: s.teamA.membership.id })
    // The same person is also a manager of school B, acting there.
    await db.membership.create({ data: { userId: s.teamA.user.id, schoolId: s.b.id, role: 'MANAGER' } })
    asUser(await contextFor(s.teamA.user.id, s.b.id))
    expect(
      await refusedUnchanged(() =>
        updateOwnContactsAction(null, form({ version: 1, mobile: '07700 900000' })),
      ),
    ).toMatchObject({ ok: false, reason: 'CONFLICT' })
  })
})

describe('training and rehearsal records', () => {
  it('records NCSC training with its built-in title, which clears the flag; removes a mistaken record', async () => {
    const m = await makeTeamMember(s.a.id, { name: 'Sam' })
    expect(
      (await listTeam(s.a.id, { untrained: true }, { contacts: false })).rows.map((r) => r.name),
    ).toEqual(['Sam'])
    const r = await addTrainingAction(
      null,
      form({
        teamMemberId: m.id,
        kind: 'NCSC_CYBER',
        heldOn: '2026-09-03',
        title: '',
        provider: 'NCSC',
        notes: '',
      }),
    )
    expect(r.ok).toBe(true)
    const rec = await db.trainingRecord.findFirstOrThrow({ where: { teamMemberId: m.id } })
    expect(rec).toMatchObject({
      title: 'NCSC cyber security training for school staff',
      heldOn: new Date('2026-09-03T12:00:00Z'),
      schoolId: s.a.id,
    })
    expect((await listTeam(s.a.id, { untrained: true }, { contacts: false })).rows).toEqual([])
    expect((await removeTrainingAction(null, form({ id: rec.id }))).ok).toBe(true)
    expect(await db.trainingRecord.count()).toBe(0)
    expect(await db.auditEvent.count({ where: { entityId: rec.id } })).toBe(2)
  })

  it('refuses a future date and a rehearsal with no description, beside the fields', async () => {
    const m = await makeTeamMember(s.a.id)
    const r = await refusedUnchanged(() =>
      addTrainingAction(
        null,
        form({ teamMemberId: m.id, kind: 'REHEARSAL', heldOn: '2999-01-01', title: '' }),
      ),
    )
    expect(r).toMatchObject({
      ok: false,
      reason: 'INVALID',
      fieldErrors: { heldOn: [expect.stringMatching(/future/)] },
    })
    const noTitle = await refusedUnchanged(() =>
      addTrainingAction(
        null,
        form({ teamMemberId: m.id, kind: 'REHEARSAL', heldOn: '2026-01-01', title: '' }),
      ),
    )
    expect(noTitle).toMatchObject({
      ok: false,
      reason: 'INVALID',
      fieldErrors: { title: [expect.any(String)] },
    })
  })

  it("another school's record is not found", async () => {
    const theirs = await makeTeamMember(s.b.id)
    const rec = await db.trainingRecord.create({
      data: {
        schoolId: s.b.id,
        teamMemberId: theirs.id,
        kind: 'TRAINING',
        heldOn: new Date(),
        title: 'First aid',
      },
    })
    expect(await refusedUnchanged(() => removeTrainingAction(null, form({ id: rec.id })))).toMatchObject({
      ok: false,
      reason: 'NOT_FOUND',
    })
  })
})

describe('reading the team', () => {
  it('leaves contact details out unless the reader may see them', async () => {
    const m = await makeTeamMember(s.a.id, { name: 'Sam', mobile: '07700 900123', roleIds: [s.techA.id] })
    const without = await listTeam(s.a.id, {}, { contacts: false })
    expect(without.rows[0]).toMatchObject({
      name: 'Sam',
      mobile: null,
      offSite: true,
      roles: ['ICT technician'],
    })
    const view = await getMemberView(s.a.id, m.id, { contacts: false, edit: false })
    expect(view?.contacts).toBeNull()
    expect(JSON.stringify(view)).not.toContain('07700')
    const withContacts = await getMemberView(s.a.id, m.id, { contacts: true, edit: true })
    expect(withContacts?.contacts?.mobile).toBe('07700 900123')
    expect(withContacts?.roleOptions.map((r) => r.name)).toEqual([
      'Service continuity manager',
      'Deputy service continuity manager',
      'ICT technician',
    ])
  })

  it('filters by role and search, and offers only logins of this school not linked elsewhere', async () => {
    await makeTeamMember(s.a.id, { name: 'Sam', roleIds: [s.techA.id], membershipId: s.teamA.membership.id })
    await makeTeamMember(s.a.id, { name: 'Chris' })
    expect(
      (await listTeam(s.a.id, { role: s.techA.id }, { contacts: false })).rows.map((r) => r.name),
    ).toEqual(['Sam'])
    expect((await listTeam(s.a.id, { q: 'chr' }, { contacts: false })).rows.map((r) => r.name)).toEqual([
      'Chris',
    ])
    const { listLoginOptions } = await import('@/lib/team/queries')
    const logins = (await listLoginOptions(s.a.id, null)).map((l) => l.id)
    expect(logins).not.toContain(s.teamA.membership.id)
    expect(logins).not.toContain(s.managerB.membership.id)
    expect(logins).toContain(s.managerA.membership.id)
  })
})

describe('what is stored is what was typed', () => {
  it('keeps line breaks as typed, whichever way the browser posts them', async () => {
    const r = await createMemberAction(
      null,
      memberForm({ outOfHoursNotes: 'Line one\r\nLine two\rLine three' }),
    )
    expect(r.ok).toBe(true)
    expect((await db.teamMember.findFirstOrThrow({ where: { schoolId: s.a.id } })).outOfHoursNotes).toBe(
      'Line one\nLine two\nLine three',
    )
  })
})

describe('the activity log', () => {
  it("reads the team's changes as sentences", async () => {
    await createMemberAction(null, memberForm({}, [s.techA.id]))
    const m = await db.teamMember.findFirstOrThrow({ where: { schoolId: s.a.id } })
    await updateMemberAction(
      null,
      memberForm({ id: m.id, version: 1, jobTitle: 'Senior technician' }, [s.techA.id]),
    )
    await addTrainingAction(
      null,
      form({ teamMemberId: m.id, kind: 'NCSC_CYBER', heldOn: '2026-09-03', title: '' }),
    )
    await markMemberLeftAction(null, form({ id: m.id, version: 2, confirm: 'yes' }))
    await archiveRoleAction(null, form({ id: s.techA.id, version: 1, confirm: 'yes' }))
    const page = await listChanges(s.a.id, {
      timeZone: 'Europe/London',
      entity: ['TeamMember', 'TrainingRecord', 'RecoveryRole'],
    })
    expect(page.entries.map((e) => e.says)).toEqual([
      'retired the recovery role ICT technician',
      'recorded that Sam Patel has left the recovery team',
      'recorded NCSC cyber security training for school staff for Sam Patel',
      'changed the team member Sam Patel',
      'added Sam Patel to the recovery team',
    ])
    expect(page.entries[3]!.changes).toContainEqual({
      field: 'jobTitle',
      label: 'job or employer',
      before: 'ICT technician',
      after: 'Senior technician',
    })
  })
})

describe('the team list URL', () => {
  it('shows the list for any URL, and the last page for a page past the end', async () => {
    for (let i = 0; i < 27; i++)
      await makeTeamMember(s.a.id, { name: `Member ${String(i).padStart(2, '0')}` })
    for (const raw of [
      { role: '\'; DROP TABLE "TeamMember"; --', status: '__proto__' },
      { q: '\u0000', untrained: ['1', '0'] },
      { page: '99999999999999999999' },
      { role: s.techB.id },
    ]) {
      const r = await listTeam(s.a.id, parseSearchParams(teamListParamsSchema, raw), { contacts: false })
      expect(r.page, JSON.stringify(raw)).toBe(1)
    }
    const past = await listTeam(s.a.id, parseSearchParams(teamListParamsSchema, { page: '9' }), {
      contacts: false,
    })
    expect(past).toMatchObject({ total: 27, page: 2, pages: 2 })
    expect(past.rows.map((r) => r.name)).toEqual(['Member 25', 'Member 26'])
    // A role of another school matches nobody here.
    expect((await listTeam(s.a.id, { role: s.techB.id }, { contacts: false })).total).toBe(0)
  })
})
