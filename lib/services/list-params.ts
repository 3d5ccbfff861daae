import { choiceParam, flagParam, pageParam, queryParam } from '@/lib/validation/search-params'
import { z } from '@/lib/validation/zod'

/** The orders the services list offers; lib/services/queries.ts says what each means. */
export const SERVICE_SORT_VALUES = ['priority', 'name', 'rto', 'updated'] as const
export type ServiceSort = (typeof SERVICE_SORT_VALUES)[number]

/**
 * What the services list reads from its URL. Anything it cannot use falls back on its own (see
 * parseSearchParams), so a hand-edited or hostile URL shows the list, never the error page.
 */
export const serviceListParamsSchema = z.object({
  q: queryParam,
  /** 1 (vital) to 4 (low); anything else is every criticality. */
  criticality: z.coerce.number().int().min(1).max(4).optional().catch(undefined),
  sort: choiceParam(SERVICE_SORT_VALUES, 'priority'),
  archived: flagParam,
  page: pageParam,
})
export type ServiceListParams = z.infer<typeof serviceListParamsSchema>
