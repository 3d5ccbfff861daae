'use server'
import { revalidatePath } from 'next/cache'
import { schoolAction } from '@/lib/auth/action'
import { db } from '@/lib/db'
import {
  addStep,
  createPlan,
  moveStep,
  removeStep,
  setPlanArchived,
  updatePlan,
  updateStep,
} from './mutations'
import {
  addStepSchema,
  archiveSchema,
  createPlanSchema,
  moveStepSchema,
  removeStepSchema,
  restoreSchema,
  updatePlanSchema,
  updateStepSchema,
} from './schema'

/*
 * Plans and steps show on the plans list, a plan's page, the service page (its plans) and the asset
 * and backup pages (restore procedures): a change refreshes them all, as a layout, since a step's page
 * is not known from its id without a query.
 */
function refresh() {
  revalidatePath('/contingency', 'layout')
  revalidatePath('/backups', 'layout')
  revalidatePath('/services', 'layout')
  revalidatePath('/assets', 'layout')
}
const hooks = { refresh }

/** Creates the plan and opens its page, where its steps are added. */
export const createPlanAction = schoolAction(
  'contingency.edit',
  createPlanSchema,
  (input, ctx) => createPlan(db, ctx, input),
  { refresh, redirect: (out) => `/contingency/${out.id}?saved=created` },
)

export const updatePlanAction = schoolAction(
  'contingency.edit',
  updatePlanSchema,
  (input, ctx) => updatePlan(db, ctx, input),
  hooks,
)

export const archivePlanAction = schoolAction(
  'contingency.edit',
  archiveSchema,
  (input, ctx) => setPlanArchived(db, ctx, input, true),
  hooks,
)

export const restorePlanAction = schoolAction(
  'contingency.edit',
  restoreSchema,
  (input, ctx) => setPlanArchived(db, ctx, input, false),
  hooks,
)

export const addStepAction = schoolAction(
  'contingency.edit',
  addStepSchema,
  (input, ctx) => addStep(db, ctx, input),
  hooks,
)

export const updateStepAction = schoolAction(
  'contingency.edit',
  updateStepSchema,
  (input, ctx) => updateStep(db, ctx, input),
  hooks,
)

export const moveStepAction = schoolAction(
  'contingency.edit',
  moveStepSchema,
  (input, ctx) => moveStep(db, ctx, input),
  hooks,
)

export const removeStepAction = schoolAction(
  'contingency.edit',
  removeStepSchema,
  (input, ctx) => removeStep(db, ctx, input),
  hooks,
)
