'use server'
import { revalidatePath } from 'next/cache'
import { schoolAction } from '@/lib/auth/action'
import { db } from '@/lib/db'
import {
  createService,
  linkServiceAsset,
  setServiceArchived,
  unlinkServiceAsset,
  updateService,
} from './mutations'
import {
  archiveSchema,
  createServiceSchema,
  linkAssetSchema,
  restoreSchema,
  unlinkAssetSchema,
  updateServiceSchema,
} from './schema'

function refresh(id?: string) {
  revalidatePath('/services')
  revalidatePath('/dependencies')
  if (id) revalidatePath(`/services/${id}`)
}

export const createServiceAction = schoolAction('catalogue.edit', createServiceSchema, async (input, ctx) => {
  const out = await createService(db, ctx, input)
  refresh()
  return out
})

export const updateServiceAction = schoolAction('catalogue.edit', updateServiceSchema, async (input, ctx) => {
  const out = await updateService(db, ctx, input)
  refresh(input.id)
  return out
})

export const archiveServiceAction = schoolAction('catalogue.edit', archiveSchema, async (input, ctx) => {
  const out = await setServiceArchived(db, ctx, input, true)
  refresh(input.id)
  return out
})

export const restoreServiceAction = schoolAction('catalogue.edit', restoreSchema, async (input, ctx) => {
  const out = await setServiceArchived(db, ctx, input, false)
  refresh(input.id)
  return out
})

export const linkServiceAssetAction = schoolAction('catalogue.edit', linkAssetSchema, async (input, ctx) => {
  const out = await linkServiceAsset(db, ctx, input)
  refresh(input.serviceId)
  revalidatePath(`/assets/${input.assetId}`)
  return out
})

export const unlinkServiceAssetAction = schoolAction(
  'catalogue.edit',
  unlinkAssetSchema,
  async (input, ctx) => {
    const out = await unlinkServiceAsset(db, ctx, input)
    refresh(input.serviceId)
    revalidatePath(`/assets/${input.assetId}`)
    return out
  },
)
