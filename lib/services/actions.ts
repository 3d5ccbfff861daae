'use server'
import { revalidatePath } from 'next/cache'
import { schoolAction } from '@/lib/auth/action'
import { db } from '@/lib/db'
import {
  createService,
  linkServiceAsset,
  setLinkRequired,
  setServiceArchived,
  unlinkServiceAsset,
  updateService,
} from './mutations'
import {
  archiveSchema,
  changeLinkSchema,
  createServiceSchema,
  linkAssetSchema,
  restoreSchema,
  updateServiceSchema,
} from './schema'

function refresh(id?: string, assetId?: string) {
  revalidatePath('/services')
  revalidatePath('/dependencies')
  if (id) revalidatePath(`/services/${id}`)
  if (assetId) revalidatePath(`/assets/${assetId}`)
}
const refreshRecord = { refresh: (input: { id: string }) => refresh(input.id) }
const refreshLink = {
  refresh: (input: { serviceId: string; assetId: string }) => refresh(input.serviceId, input.assetId),
}

/** Creates the service and opens its page (a redirect from the server, so it works without JavaScript). */
export const createServiceAction = schoolAction(
  'catalogue.edit',
  createServiceSchema,
  (input, ctx) => createService(db, ctx, input),
  { refresh: () => refresh(), redirect: (out) => `/services/${out.id}?saved=created` },
)

export const updateServiceAction = schoolAction(
  'catalogue.edit',
  updateServiceSchema,
  (input, ctx) => updateService(db, ctx, input),
  refreshRecord,
)

export const archiveServiceAction = schoolAction(
  'catalogue.edit',
  archiveSchema,
  (input, ctx) => setServiceArchived(db, ctx, input, true),
  refreshRecord,
)

export const restoreServiceAction = schoolAction(
  'catalogue.edit',
  restoreSchema,
  (input, ctx) => setServiceArchived(db, ctx, input, false),
  refreshRecord,
)

export const linkServiceAssetAction = schoolAction(
  'catalogue.edit',
  linkAssetSchema,
  (input, ctx) => linkServiceAsset(db, ctx, input),
  refreshLink,
)

/** A press in a service's dependency list (one form for every row): make a link required or optional, or remove it. */
export const changeLinkAction = schoolAction(
  'catalogue.edit',
  changeLinkSchema,
  (input, ctx) =>
    input.op === 'remove' ? unlinkServiceAsset(db, ctx, input) : setLinkRequired(db, ctx, input),
  refreshLink,
)
