'use server'
import { revalidatePath } from 'next/cache'
import { schoolAction } from '@/lib/auth/action'
import { db } from '@/lib/db'
import { loadPlanSnapshot } from '@/lib/plan/queries'
import {
  acknowledgePlanVersion,
  approvePlanVersion,
  createPlanCopy,
  publishPlanVersion,
  returnPlanVersion,
  setPlanCopyArchived,
  updatePlanCopy,
} from './mutations'
import { getPlanSourceVersion } from './queries'
import {
  acknowledgeSchema,
  approveSchema,
  archiveCopySchema,
  createCopySchema,
  publishSchema,
  restoreCopySchema,
  returnSchema,
  updateCopySchema,
} from './schema'

function refreshVersions() {
  revalidatePath('/plan', 'layout')
  revalidatePath('/')
}
const refreshCopies = {
  refresh: () => {
    revalidatePath('/plan/copies', 'layout')
  },
}

/**
 * The manager publishes the plan as it stands now as the next version, for the head teacher's approval.
 * A plan with blocking gaps answers NEEDS_CONFIRMATION listing them; `confirm=yes` publishes it with them
 * printed on it. Opens the new version's page.
 */
export const publishPlanAction = schoolAction(
  'plan.publish',
  publishSchema,
  async (input, ctx) => {
    const now = new Date()
    const sourceVersion = await getPlanSourceVersion(ctx.schoolId)
    const snapshot = await loadPlanSnapshot(ctx.schoolId, { now })
    return publishPlanVersion(db, ctx, { snapshot, sourceVersion, confirmed: input.confirm === 'yes' }, now)
  },
  { refresh: refreshVersions, redirect: (out) => `/plan/versions/${out.number}?saved=created` },
)

/** The head teacher approves a version: it becomes the current plan and the team is asked to acknowledge it. */
export const approvePlanVersionAction = schoolAction(
  'plan.approve',
  approveSchema,
  (input, ctx) => approvePlanVersion(db, ctx, input),
  { refresh: refreshVersions },
)

/** The head teacher returns a version with comments. */
export const returnPlanVersionAction = schoolAction(
  'plan.approve',
  returnSchema,
  (input, ctx) => returnPlanVersion(db, ctx, input),
  { refresh: refreshVersions },
)

/** "I hold and have read version N", by the signed-in team member. */
export const acknowledgePlanAction = schoolAction(
  'plan.acknowledge',
  acknowledgeSchema,
  (input, ctx) => acknowledgePlanVersion(db, ctx, input),
  { refresh: refreshVersions },
)

export const createPlanCopyAction = schoolAction(
  'plan.publish',
  createCopySchema,
  (input, ctx) => createPlanCopy(db, ctx, input),
  { ...refreshCopies, redirect: () => '/plan/copies?saved=created' },
)

export const updatePlanCopyAction = schoolAction(
  'plan.publish',
  updateCopySchema,
  (input, ctx) => updatePlanCopy(db, ctx, input),
  refreshCopies,
)

export const archivePlanCopyAction = schoolAction(
  'plan.publish',
  archiveCopySchema,
  (input, ctx) => setPlanCopyArchived(db, ctx, input, true),
  refreshCopies,
)

export const restorePlanCopyAction = schoolAction(
  'plan.publish',
  restoreCopySchema,
  (input, ctx) => setPlanCopyArchived(db, ctx, input, false),
  refreshCopies,
)
