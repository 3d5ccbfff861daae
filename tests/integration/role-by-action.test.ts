/*
 * Every server action, tried by every role. The test finds the actions itself: it imports every
 * lib/<domain>/actions.ts (and any other module that opens with 'use server') and lists each export, so a
 * new domain's actions cannot be left out. It fails when an exported action has no row in ROWS, and
 * when a row names an action that no longer exists. A role without the permission gets NOT_FOUND and
 * nothing in the database changes (every table, row by row); a role with it gets past the wrapper.
 *
 * Each capability adds one row per action, keyed by its exported name. `action` may be left out (the
 * test finds the export by name); when given it must be that same export.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import * as assetActions from '@/lib/assets/actions'
import * as accountActions from '@/lib/auth/account-actions'
import * as backupActions from '@/lib/backups/actions'
import * as catalogueActions from '@/lib/catalogue/actions'
import * as contingencyActions from '@/lib/contingency/actions'
import { db } from '@/lib/db'
import type { Role } from '@/lib/generated/prisma/enums'
import * as invitationActions from '@/lib/invitations/actions'
import * as peopleActions from '@/lib/people/actions'
import type { ActionResult } from '@/lib/result'
import * as serviceActions from '@/lib/services/actions'
import * as teamActions from '@/lib/team/actions'
import {
  assetForm,
  contextFor,
  form,
  makeAsset,
  makeMember,
  makeSchool,
  makeService,
  serviceForm,
} from '../support/factories'
import { asUser } from '../support/session'
import { databaseSnapshot } from '../support/snapshot'
import { memberForm } from '../support/team'

type Fixture = {
  schoolId: string
  membershipId: string
  serviceId: string
  assetId: string
  otherAssetId: string
  invitationId: string
  /** A contingency plan with two steps (in its procedure at order version 3), a backup with a restore test. */
  planId: string
  stepIds: [string, string]
  backupId: string
  restoreTestId: string
  /** The risk register: a category and threat, a risk, a countermeasure, two proposals (accept, dismiss). */
  categoryId: string
  threatId: string
  riskId: string
  countermeasureId: string
  proposalKeys: { accept: string; dismiss: string }
  schoolVersion: number
  /** For each role's login, invitations to another school, to accept and to decline. */
  invitationsFor: Record<Role, { accept: string; decline: string }>
  /** The recovery team: a member, a role the school added, a training record. */
  team: { memberId: string; roleId: string; trainingId: string }
  /** Reviews: an open review with one question answered "no", its action, and a checklist question. */
  review: { id: string; answerId: string; actionId: string; itemId: string }
  /** Plan versions: one awaiting approval (published by someone else), one approved, and a copy. */
  planVersions: { submittedId: string; approvedId: string; copyId: string }
  /** Two open review proposals (triggers): one to start, one to dismiss. */
  reviewProposals: { start: string; dismiss: string }
}
type Action = (a: unknown, b?: unknown) => Promise<ActionResult<unknown>>
type Row = {
  action?: Action
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
    input: () => serviceForm({ name: 'S' }),
    allowed: M,
  },
  updateServiceAction: {
    action: serviceActions.updateServiceAction,
    input: (f) => serviceForm({ id: f.serviceId, version: 1, name: 'S2' }),
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
  changeLinkAction: {
    action: serviceActions.changeLinkAction,
    input: (f) => form({ serviceId: f.serviceId, change: `required:${f.assetId}:1:false` }),
    allowed: M,
  },
  createAssetAction: {
    action: assetActions.createAssetAction,
    input: () => assetForm({ name: 'A' }),
    allowed: M,
  },
  updateAssetAction: {
    action: assetActions.updateAssetAction,
    input: (f) => assetForm({ id: f.assetId, version: 1, name: 'A2' }),
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
  // The risk register (lib/risks/actions.ts): everyone reads it, only the manager changes it.
  createRiskAction: {
    input: (f) => form({ title: 'R', categoryId: f.categoryId, likelihood: 2, impact: 3 }),
    allowed: M,
  },
  updateRiskAction: {
    input: (f) =>
      form({ id: f.riskId, version: 1, title: 'R2', categoryId: f.categoryId, likelihood: 2, impact: 3 }),
    allowed: M,
  },
  setRiskStatusAction: { input: (f) => form({ id: f.riskId, version: 1, status: 'CLOSED' }), allowed: M },
  setRiskAppetiteAction: { input: (f) => form({ appetite: 12, version: f.schoolVersion }), allowed: M },
  loadRiskDefaultsAction: { input: () => ({}), allowed: M },
  createCategoryAction: { input: () => form({ name: 'New category' }), allowed: M },
  updateCategoryAction: { input: (f) => form({ id: f.categoryId, version: 1, name: 'Renamed' }), allowed: M },
  retireCategoryAction: { input: (f) => form({ id: f.categoryId, version: 1 }), allowed: M },
  createThreatAction: { input: () => form({ name: 'New threat' }), allowed: M },
  updateThreatAction: { input: (f) => form({ id: f.threatId, version: 1, name: 'Renamed' }), allowed: M },
  retireThreatAction: { input: (f) => form({ id: f.threatId, version: 1 }), allowed: M },
  acceptProposalAction: { input: (f) => form({ key: f.proposalKeys.accept }), allowed: M },
  dismissProposalAction: {
    input: (f) => form({ key: f.proposalKeys.dismiss, reason: 'Not ours' }),
    allowed: M,
  },
  createCountermeasureAction: {
    input: () => form({ title: 'UPS', kind: 'PREVENT', process: 'AVAILABILITY', status: 'PLANNED' }),
    allowed: M,
  },
  updateCountermeasureAction: {
    input: (f) =>
      form({
        id: f.countermeasureId,
        version: 1,
        title: 'UPS 2',
        kind: 'PREVENT',
        process: 'AVAILABILITY',
        status: 'PLANNED',
      }),
    allowed: M,
  },
  setCountermeasureStatusAction: {
    input: (f) => form({ id: f.countermeasureId, version: 1, status: 'IN_PLACE' }),
    allowed: M,
  },
  archiveCountermeasureAction: { input: (f) => form({ id: f.countermeasureId, version: 1 }), allowed: M },
  restoreCountermeasureAction: { input: (f) => form({ id: f.countermeasureId, version: 1 }), allowed: M },
  loadStarterCatalogueAction: {
    action: catalogueActions.loadStarterCatalogueAction,
    input: () => ({}),
    allowed: M,
  },
  createPlanAction: {
    action: contingencyActions.createPlanAction,
    input: (f) => form({ serviceId: f.serviceId, name: 'P', strategy: 'DO_NOTHING' }),
    allowed: M,
  },
  updatePlanAction: {
    action: contingencyActions.updatePlanAction,
    input: (f) => form({ id: f.planId, version: 1, name: 'P2', strategy: 'FAST' }),
    allowed: M,
  },
  archivePlanAction: {
    action: contingencyActions.archivePlanAction,
    input: (f) => form({ id: f.planId, version: 1 }),
    allowed: M,
  },
  restorePlanAction: {
    action: contingencyActions.restorePlanAction,
    input: (f) => form({ id: f.planId, version: 1 }),
    allowed: M,
  },
  addStepAction: {
    action: contingencyActions.addStepAction,
    input: (f) => form({ planId: f.planId, instruction: 'S', estimatedMinutes: 5 }),
    allowed: M,
  },
  updateStepAction: {
    action: contingencyActions.updateStepAction,
    input: (f) => form({ id: f.stepIds[0], version: 1, instruction: 'S2', estimatedMinutes: 5 }),
    allowed: M,
  },
  moveStepAction: {
    action: contingencyActions.moveStepAction,
    input: (f) => form({ id: f.stepIds[1], direction: 'up', orderVersion: 3 }),
    allowed: M,
  },
  removeStepAction: {
    action: contingencyActions.removeStepAction,
    input: (f) => form({ id: f.stepIds[1], orderVersion: 3 }),
    allowed: M,
  },
  createBackupAction: {
    action: backupActions.createBackupAction,
    input: (f) =>
      form({
        subject: `asset:${f.assetId}`,
        name: 'B',
        location: 'CLOUD',
        medium: 'CLOUD_STORAGE',
        frequencyValue: 1,
        frequencyUnit: 'days',
      }),
    allowed: M,
  },
  updateBackupAction: {
    action: backupActions.updateBackupAction,
    input: (f) =>
      form({
        id: f.backupId,
        version: 1,
        name: 'B2',
        location: 'CLOUD',
        medium: 'TAPE',
        frequencyValue: 1,
        frequencyUnit: 'days',
      }),
    allowed: M,
  },
  archiveBackupAction: {
    action: backupActions.archiveBackupAction,
    input: (f) => form({ id: f.backupId, version: 1 }),
    allowed: M,
  },
  restoreBackupAction: {
    action: backupActions.restoreBackupAction,
    input: (f) => form({ id: f.backupId, version: 1 }),
    allowed: M,
  },
  recordRestoreTestAction: {
    action: backupActions.recordRestoreTestAction,
    input: (f) =>
      form({
        backupId: f.backupId,
        testedOn: '2026-01-05',
        whatRestored: 'W',
        minutesTaken: 5,
        result: 'SUCCESS',
      }),
    allowed: M,
  },
  removeRestoreTestAction: {
    action: backupActions.removeRestoreTestAction,
    input: (f) => form({ id: f.restoreTestId }),
    allowed: M,
  },
  setRestorePeriodAction: {
    action: backupActions.setRestorePeriodAction,
    input: () => form({ restoreTestMonths: 3, version: 1 }),
    allowed: M,
  },
  createRoleAction: {
    action: teamActions.createRoleAction,
    input: () => form({ name: 'Site manager', responsibilities: '' }),
    allowed: M,
  },
  updateRoleAction: {
    action: teamActions.updateRoleAction,
    input: (f) => form({ id: f.team.roleId, version: 1, name: 'Technician', responsibilities: '' }),
    allowed: M,
  },
  archiveRoleAction: {
    action: teamActions.archiveRoleAction,
    input: (f) => form({ id: f.team.roleId, version: 1 }),
    allowed: M,
  },
  restoreRoleAction: {
    action: teamActions.restoreRoleAction,
    input: (f) => form({ id: f.team.roleId, version: 1 }),
    allowed: M,
  },
  createMemberAction: { action: teamActions.createMemberAction, input: () => memberForm(), allowed: M },
  updateMemberAction: {
    action: teamActions.updateMemberAction,
    input: (f) => memberForm({ id: f.team.memberId, version: 1 }),
    allowed: M,
  },
  // Everyone who may be in the team keeps their own contacts; these logins are not linked to a member,
  // so the allowed roles get past the wrapper to "not linked" (team.test.ts covers a linked one).
  updateOwnContactsAction: {
    action: teamActions.updateOwnContactsAction,
    input: () => form({ version: 1, mobile: '07700 900123' }),
    allowed: ['MANAGER', 'HEAD', 'TEAM'],
  },
  markMemberLeftAction: {
    action: teamActions.markMemberLeftAction,
    input: (f) => form({ id: f.team.memberId, version: 1 }),
    allowed: M,
  },
  markMemberBackAction: {
    action: teamActions.markMemberBackAction,
    input: (f) => form({ id: f.team.memberId, version: 1 }),
    allowed: M,
  },
  addTrainingAction: {
    action: teamActions.addTrainingAction,
    input: (f) =>
      form({ teamMemberId: f.team.memberId, kind: 'NCSC_CYBER', heldOn: '2026-09-01', title: '' }),
    allowed: M,
  },
  removeTrainingAction: {
    action: teamActions.removeTrainingAction,
    input: (f) => form({ id: f.team.trainingId }),
    allowed: M,
  },
  // Reviews (lib/reviews/actions.ts): the manager works on a review, the head teacher decides.
  updateReviewScheduleAction: {
    input: () =>
      form({
        version: 1,
        schedule: 'TERMLY',
        months: 4,
        autumnStart: '01/09',
        autumnEnd: '20/12',
        springStart: '05/01',
        springEnd: '31/03',
        summerStart: '15/04',
        summerEnd: '22/07',
        staleDays: 14,
      }),
    allowed: M,
  },
  addChecklistItemAction: {
    input: () => form({ section: 'IMPROVE_PLAN', question: 'Another?', guidance: '' }),
    allowed: M,
  },
  archiveChecklistItemAction: { input: (f) => form({ id: f.review.itemId, version: 1 }), allowed: M },
  restoreChecklistItemAction: { input: (f) => form({ id: f.review.itemId, version: 1 }), allowed: M },
  startReviewAction: { input: () => form({}), allowed: M },
  saveReviewAnswersAction: {
    input: (f) =>
      form({
        reviewId: f.review.id,
        version: 1,
        [`a_${f.review.answerId}`]: 'NO',
        [`n_${f.review.answerId}`]: 'x',
      }),
    allowed: M,
  },
  addReviewActionAction: {
    input: (f) =>
      form({
        reviewId: f.review.id,
        answerId: f.review.answerId,
        title: 'Do',
        owner: 'O',
        dueDate: '2027-01-01',
      }),
    allowed: M,
  },
  setReviewActionDoneAction: {
    input: (f) => form({ id: f.review.actionId, version: 1, done: 'yes' }),
    allowed: M,
  },
  considerChangesAction: {
    input: (f) => {
      const data = form({ reviewId: f.review.id })
      data.append('record[]', `Service:${f.serviceId}`)
      return data
    },
    allowed: M,
  },
  submitReviewAction: { input: (f) => form({ reviewId: f.review.id, version: 1, comment: '' }), allowed: M },
  returnReviewAction: {
    input: (f) => form({ reviewId: f.review.id, version: 1, comment: 'Look again.' }),
    allowed: ['HEAD'],
  },
  signOffReviewAction: {
    input: (f) => form({ reviewId: f.review.id, version: 1, name: 'Head', comment: '' }),
    allowed: ['HEAD'],
  },
  // Plan versions (lib/plan-versions/actions.ts): the manager publishes and keeps the copies, the head
  // teacher decides, the team acknowledges (these logins are not linked to a member, so the allowed roles
  // get past the wrapper to "not linked"; plan-versions.test.ts covers a linked one).
  publishPlanAction: { input: () => form({}), allowed: M },
  approvePlanVersionAction: {
    input: (f) => form({ id: f.planVersions.submittedId, version: 1 }),
    allowed: ['HEAD'],
  },
  returnPlanVersionAction: {
    input: (f) => form({ id: f.planVersions.submittedId, version: 1, comment: 'Look again.' }),
    allowed: ['HEAD'],
  },
  acknowledgePlanAction: {
    input: (f) => form({ planVersionId: f.planVersions.approvedId }),
    allowed: ['MANAGER', 'TEAM'],
  },
  createPlanCopyAction: {
    input: () =>
      form({ location: 'OFF_SITE', holder: 'Bursar', teamMemberId: '', versionNumber: '1', notes: '' }),
    allowed: M,
  },
  updatePlanCopyAction: {
    input: (f) =>
      form({
        id: f.planVersions.copyId,
        version: 1,
        location: 'GRAB_BAG',
        holder: 'Office',
        teamMemberId: '',
        versionNumber: '1',
        notes: '',
      }),
    allowed: M,
  },
  archivePlanCopyAction: { input: (f) => form({ id: f.planVersions.copyId, version: 1 }), allowed: M },
  restorePlanCopyAction: { input: (f) => form({ id: f.planVersions.copyId, version: 1 }), allowed: M },
  startProposedReviewAction: {
    input: (f) => form({ id: f.reviewProposals.start, version: 1 }),
    allowed: M,
  },
  dismissReviewProposalAction: {
    input: (f) => form({ id: f.reviewProposals.dismiss, version: 1, reason: 'Covered already.' }),
    allowed: M,
  },
}

const ROOT = path.resolve(import.meta.dirname, '../..')
// 'use server' as the file's first statement, after any comments.
const USE_SERVER = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*['"]use server['"]/

/** Every module of server actions: each lib/<domain>/actions.ts, and any other file that opens with 'use server'. */
function actionFiles(): string[] {
  const found = new Set<string>()
  for (const top of ['lib', 'app', 'components'])
    for (const rel of readdirSync(path.join(ROOT, top), { recursive: true, encoding: 'utf8' })) {
      const file = path.join(top, rel)
      if (!/\.tsx?$/.test(file) || /\.test\.tsx?$/.test(file) || file.startsWith('lib/generated/')) continue
      if (file.startsWith('lib/') && path.basename(file) === 'actions.ts') found.add(file)
      else if (USE_SERVER.test(readFileSync(path.join(ROOT, file), 'utf8'))) found.add(file)
    }
  return [...found].sort()
}

const FILES = actionFiles()
/** Every export of every action module, by exported name, with the files that export that name. */
const EXPORTED = new Map<string, { fn: unknown; files: string[] }>()
for (const file of FILES) {
  const mod: Record<string, unknown> = await import(/* @vite-ignore */ path.join(ROOT, file))
  for (const [name, fn] of Object.entries(mod)) {
    const seen = EXPORTED.get(name)
    if (seen) seen.files.push(file)
    else EXPORTED.set(name, { fn, files: [file] })
  }
}
const actionFor = (name: string) => EXPORTED.get(name)?.fn as Action

const ctxs = {} as Record<Role, Awaited<ReturnType<typeof contextFor>>>
let fixture: Fixture

beforeAll(async () => {
  const school = await makeSchool()
  for (const role of ALL)
    ctxs[role] = await contextFor((await makeMember(school.id, role)).user.id, school.id)
  const target = await makeMember(school.id, 'TEAM')
  const service = await makeService(school.id, { name: 'Svc' })
  const asset = await makeAsset(school.id, { name: 'Asset' })
  const other = await makeAsset(school.id, { name: 'Other' })
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
  const plan = await db.contingencyPlan.create({
    data: {
      schoolId: school.id,
      serviceId: service.id,
      name: 'Plan',
      strategy: 'MANUAL_WORKAROUND',
      procedure: {
        create: {
          schoolId: school.id,
          orderVersion: 3,
          steps: {
            create: [
              { schoolId: school.id, position: 1, instruction: 'One', estimatedMinutes: 5 },
              { schoolId: school.id, position: 2, instruction: 'Two', estimatedMinutes: 5 },
            ],
          },
        },
      },
    },
    select: {
      id: true,
      procedure: { select: { steps: { orderBy: { position: 'asc' }, select: { id: true } } } },
    },
  })
  const backup = await db.backup.create({
    data: {
      schoolId: school.id,
      assetId: asset.id,
      name: 'Backup',
      location: 'ON_SITE',
      medium: 'DISK',
      frequencyMinutes: 1440,
    },
  })
  const test = await db.restoreTest.create({
    data: {
      schoolId: school.id,
      backupId: backup.id,
      testedOn: new Date('2026-01-05T12:00:00Z'),
      whatRestored: 'All',
      minutesTaken: 10,
      result: 'SUCCESS',
    },
  })
  const teamRole = await db.recoveryRole.create({ data: { schoolId: school.id, name: 'ICT technician' } })
  const teamMember = await db.teamMember.create({
    data: {
      schoolId: school.id,
      name: 'Sam',
      roles: { create: { schoolId: school.id, roleId: teamRole.id } },
    },
  })
  const training = await db.trainingRecord.create({
    data: {
      schoolId: school.id,
      teamMemberId: teamMember.id,
      kind: 'TRAINING',
      heldOn: new Date(),
      title: 'First aid',
    },
  })
  // The risk register: a category, a threat, a risk and a countermeasure; a person and a data asset
  // with no standby are two weak points, one to accept and one to dismiss.
  const category = await db.riskCategory.create({ data: { schoolId: school.id, name: 'Cat' } })
  const threat = await db.threat.create({ data: { schoolId: school.id, name: 'Threat' } })
  const risk = await db.risk.create({
    data: { schoolId: school.id, title: 'Risk', categoryId: category.id, likelihood: 3, impact: 3 },
  })
  const countermeasure = await db.countermeasure.create({
    data: { schoolId: school.id, title: 'CM', kind: 'PREVENT', process: 'AVAILABILITY' },
  })
  const person = await makeAsset(school.id, { name: 'Bursar', type: 'PEOPLE' })
  const data = await makeAsset(school.id, { name: 'Records', type: 'DATA' })
  const review = await db.review.create({
    data: { schoolId: school.id, number: 1, dueDate: new Date('2027-03-31T12:00:00Z') },
  })
  const answer = await db.reviewAnswer.create({
    data: {
      schoolId: school.id,
      reviewId: review.id,
      section: 'IMPROVE_PLAN',
      question: 'Q?',
      position: 0,
      answer: 'NO',
      notes: 'n',
    },
  })
  const reviewAction = await db.reviewAction.create({
    data: {
      schoolId: school.id,
      reviewId: review.id,
      answerId: answer.id,
      title: 'T',
      owner: 'O',
      dueDate: new Date(),
    },
  })
  const item = await db.reviewChecklistItem.create({
    data: { schoolId: school.id, section: 'IMPROVE_PLAN', question: 'Own question?' },
  })
  // A change the review covers, so that marking it considered gets past the wrapper.
  await db.auditEvent.create({
    data: {
      schoolId: school.id,
      entity: 'Service',
      entityId: service.id,
      action: 'create',
      after: { name: 'Svc' },
    },
  })
  // A version approved long ago, and a newer one awaiting the head teacher, published by another login.
  const publisher = await makeMember(school.id, 'MANAGER')
  const planVersionRow = (number: number, status: 'APPROVED' | 'SUBMITTED') => ({
    schoolId: school.id,
    number,
    snapshot: { number },
    fingerprint: `${school.id}-${number}`.padEnd(64, '0'),
    sourceVersion: 0,
    status,
    publishedById: publisher.user.id,
    publishedByName: 'Publisher',
  })
  const approvedVersion = await db.planVersion.create({ data: planVersionRow(1, 'APPROVED') })
  const submittedVersion = await db.planVersion.create({ data: planVersionRow(2, 'SUBMITTED') })
  const copy = await db.planCopy.create({
    data: { schoolId: school.id, location: 'GRAB_BAG', holder: 'Office', versionNumber: 1 },
  })
  fixture = {
    planVersions: { submittedId: submittedVersion.id, approvedId: approvedVersion.id, copyId: copy.id },
    planId: plan.id,
    stepIds: plan.procedure!.steps.map((s) => s.id) as [string, string],
    backupId: backup.id,
    restoreTestId: test.id,
    team: { memberId: teamMember.id, roleId: teamRole.id, trainingId: training.id },
    categoryId: category.id,
    threatId: threat.id,
    riskId: risk.id,
    countermeasureId: countermeasure.id,
    proposalKeys: { accept: `KEY_PERSON:${person.id}`, dismiss: `NO_BACKUP:${data.id}` },
    schoolVersion: (await db.school.findUniqueOrThrow({ where: { id: school.id } })).version,
    review: { id: review.id, answerId: answer.id, actionId: reviewAction.id, itemId: item.id },
    reviewProposals: {
      start: (
        await db.reviewProposal.create({
          data: { schoolId: school.id, kind: 'CRITICAL_SERVICE', reason: 'Start me', causeKey: 'start' },
        })
      ).id,
      dismiss: (
        await db.reviewProposal.create({
          data: { schoolId: school.id, kind: 'NEW_ROLE_HOLDER', reason: 'Dismiss me', causeKey: 'dismiss' },
        })
      ).id,
    },
    invitationId: await invitationTo(school.id, 'invited@x.org'),
    invitationsFor,
    schoolId: school.id,
    membershipId: target.membership.id,
    serviceId: service.id,
    assetId: asset.id,
    otherAssetId: other.id,
  }
})

describe('the table of actions', () => {
  it('finds the action modules', () => {
    // A discovery that found nothing would make every check below pass vacuously.
    expect(FILES).toEqual(
      expect.arrayContaining([
        'lib/assets/actions.ts',
        'lib/backups/actions.ts',
        'lib/catalogue/actions.ts',
        'lib/contingency/actions.ts',
        'lib/invitations/actions.ts',
        'lib/people/actions.ts',
        'lib/services/actions.ts',
        'lib/team/actions.ts',
        'lib/risks/actions.ts',
      ]),
    )
  })

  it('has a row for every exported action', () => {
    const missing = [...EXPORTED.keys()].filter((name) => !(name in ROWS))
    expect(missing, 'exported actions with no row in ROWS').toEqual([])
  })

  it('has no row for an action that no longer exists', () => {
    const gone = Object.keys(ROWS).filter((name) => !EXPORTED.has(name))
    expect(gone, 'rows in ROWS naming no exported action').toEqual([])
  })

  it('exports only functions, each name from one module, each the action its row names', () => {
    const problems: string[] = []
    for (const [name, { fn, files }] of EXPORTED) {
      if (typeof fn !== 'function') problems.push(`${name} in ${files[0]} is not a function`)
      if (files.length > 1) problems.push(`${name} is exported by ${files.join(' and ')}`)
      const named = ROWS[name]?.action
      if (named && named !== fn) problems.push(`the row for ${name} names another function`)
    }
    expect(problems).toEqual([])
  })
})

describe('role by action', () => {
  for (const [name, row] of Object.entries(ROWS))
    for (const role of ALL) {
      const allowed = row.allowed.includes(role)
      it(`${role} ${allowed ? 'may' : 'may not'} ${name}`, async () => {
        const action = actionFor(name)
        expect(action, `${name} is not an exported action`).toBeTypeOf('function')
        asUser(ctxs[role])
        if (allowed) {
          const r = await action(null, row.input(fixture, role))
          if (!r.ok) expect(['NOT_FOUND', 'UNAUTHENTICATED', 'ERROR']).not.toContain(r.reason)
          return
        }
        const before = await databaseSnapshot()
        const r = await action(null, row.input(fixture, role))
        expect(r).toMatchObject({ ok: false, reason: 'NOT_FOUND' })
        expect(await databaseSnapshot()).toEqual(before)
      })
    }
})
