'use server'
import { revalidatePath } from 'next/cache'
import { schoolAction } from '@/lib/auth/action'
import { db } from '@/lib/db'
import { archiveSchema, restoreSchema } from '@/lib/validation/record'
import { importAssets, previewAssetImport } from './import'
import { addDependency, createAsset, removeDependency, setAssetArchived, updateAsset } from './mutations'
import {
  createAssetSchema,
  dependencySchema,
  importAssetsSchema,
  previewImportSchema,
  updateAssetSchema,
} from './schema'

function refresh(...ids: string[]) {
  revalidatePath('/assets')
  revalidatePath('/services', 'layout')
  revalidatePath('/dependencies')
  for (const id of ids) revalidatePath(`/assets/${id}`)
}

const refreshRecord = { refresh: (input: { id: string }) => refresh(input.id) }

/** Creates the asset and opens its page (a redirect from the server, so it works without JavaScript). */
export const createAssetAction = schoolAction(
  'catalogue.edit',
  createAssetSchema,
  (input, ctx) => createAsset(db, ctx, input),
  { refresh: () => refresh(), redirect: (out) => `/assets/${out.id}?saved=created` },
)

export const updateAssetAction = schoolAction(
  'catalogue.edit',
  updateAssetSchema,
  (input, ctx) => updateAsset(db, ctx, input),
  refreshRecord,
)

export const archiveAssetAction = schoolAction(
  'catalogue.edit',
  archiveSchema,
  (input, ctx) => setAssetArchived(db, ctx, input, true),
  refreshRecord,
)

export const restoreAssetAction = schoolAction(
  'catalogue.edit',
  restoreSchema,
  (input, ctx) => setAssetArchived(db, ctx, input, false),
  refreshRecord,
)

export const addDependencyAction = schoolAction('catalogue.edit', dependencySchema, async (input, ctx) => {
  const out = await addDependency(db, ctx, input)
  refresh(input.assetId, input.dependsOnId)
  return out
})

export const removeDependencyAction = schoolAction('catalogue.edit', dependencySchema, async (input, ctx) => {
  const out = await removeDependency(db, ctx, input)
  refresh(input.assetId, input.dependsOnId)
  return out
})

export const previewAssetImportAction = schoolAction(
  'catalogue.edit',
  previewImportSchema,
  async (input, ctx) => {
    const csv = await input.file.text()
    return { csv, preview: await previewAssetImport(db, ctx.schoolId, csv) }
  },
)

export const importAssetsAction = schoolAction('catalogue.edit', importAssetsSchema, async (input, ctx) => {
  const out = await importAssets(db, ctx, input.csv, input.mode)
  refresh()
  return out
})
