'use server'
import { revalidatePath } from 'next/cache'
import { schoolAction } from '@/lib/auth/action'
import { db } from '@/lib/db'
import { archiveSchema, restoreSchema } from '@/lib/services/schema'
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

export const createAssetAction = schoolAction('catalogue.edit', createAssetSchema, async (input, ctx) => {
  const out = await createAsset(db, ctx, input)
  refresh()
  return out
})

export const updateAssetAction = schoolAction('catalogue.edit', updateAssetSchema, async (input, ctx) => {
  const out = await updateAsset(db, ctx, input)
  refresh(input.id)
  return out
})

export const archiveAssetAction = schoolAction('catalogue.edit', archiveSchema, async (input, ctx) => {
  const out = await setAssetArchived(db, ctx, input, true)
  refresh(input.id)
  return out
})

export const restoreAssetAction = schoolAction('catalogue.edit', restoreSchema, async (input, ctx) => {
  const out = await setAssetArchived(db, ctx, input, false)
  refresh(input.id)
  return out
})

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
