'use server'
import { revalidatePath } from 'next/cache'
import { schoolAction } from '@/lib/auth/action'
import { db } from '@/lib/db'
import {
  createBackup,
  recordRestoreTest,
  removeRestoreTest,
  setBackupArchived,
  setRestorePeriod,
  updateBackup,
} from './mutations'
import {
  archiveSchema,
  createBackupSchema,
  recordRestoreTestSchema,
  removeRestoreTestSchema,
  restorePeriodSchema,
  restoreSchema,
  updateBackupSchema,
} from './schema'

/** Backups show on the backups pages and on the asset and service pages they protect. */
function refresh() {
  revalidatePath('/backups', 'layout')
  revalidatePath('/assets', 'layout')
  revalidatePath('/services', 'layout')
}
const hooks = { refresh }

/** Records a backup and opens its page, where restore tests are recorded. */
export const createBackupAction = schoolAction(
  'contingency.edit',
  createBackupSchema,
  (input, ctx) => createBackup(db, ctx, input),
  { refresh, redirect: (out) => `/backups/${out.id}?saved=created` },
)

export const updateBackupAction = schoolAction(
  'contingency.edit',
  updateBackupSchema,
  (input, ctx) => updateBackup(db, ctx, input),
  hooks,
)

export const archiveBackupAction = schoolAction(
  'contingency.edit',
  archiveSchema,
  (input, ctx) => setBackupArchived(db, ctx, input, true),
  hooks,
)

export const restoreBackupAction = schoolAction(
  'contingency.edit',
  restoreSchema,
  (input, ctx) => setBackupArchived(db, ctx, input, false),
  hooks,
)

export const recordRestoreTestAction = schoolAction(
  'contingency.edit',
  recordRestoreTestSchema,
  (input, ctx) => recordRestoreTest(db, ctx, input),
  hooks,
)

export const removeRestoreTestAction = schoolAction(
  'contingency.edit',
  removeRestoreTestSchema,
  (input, ctx) => removeRestoreTest(db, ctx, input),
  hooks,
)

/** The school's restore-test period is a school setting: the manager's, like the school's details. */
export const setRestorePeriodAction = schoolAction(
  'school.manage',
  restorePeriodSchema,
  (input, ctx) => setRestorePeriod(db, ctx, input),
  hooks,
)
