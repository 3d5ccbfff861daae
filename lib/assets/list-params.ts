import { choiceParam, flagParam, pageParam, queryParam } from '@/lib/validation/search-params'
import { z } from '@/lib/validation/zod'
import { ASSET_TYPE_VALUES } from './schema'

/** The orders the assets list offers; lib/assets/queries.ts says what each means. */
export const ASSET_SORT_VALUES = ['name', 'type', 'updated'] as const
export type AssetSort = (typeof ASSET_SORT_VALUES)[number]

/** The computed filters: single points of failure, and standbys to re-check. */
export const ASSET_CHECK_VALUES = ['spof', 'standby'] as const
export type AssetCheck = (typeof ASSET_CHECK_VALUES)[number]

/**
 * What the assets list reads from its URL. Anything it cannot use falls back on its own (see
 * parseSearchParams), so a hand-edited or hostile URL shows the list, never the error page.
 */
export const assetListParamsSchema = z.object({
  q: queryParam,
  /** One asset type; anything else is every type. */
  type: z.enum(ASSET_TYPE_VALUES).optional().catch(undefined),
  check: z.enum(ASSET_CHECK_VALUES).optional().catch(undefined),
  sort: choiceParam(ASSET_SORT_VALUES, 'name'),
  archived: flagParam,
  page: pageParam,
})
export type AssetListParams = z.infer<typeof assetListParamsSchema>
