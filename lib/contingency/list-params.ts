import { choiceParam, queryParam } from '@/lib/validation/search-params'
import { z } from '@/lib/validation/zod'

/** Which services the plans list shows: all, or only those with no contingency plan. */
export const PLAN_LIST_SHOW = ['all', 'unplanned'] as const

/** What the contingency plans list reads from its URL; anything it cannot use falls back on its own. */
export const planListParamsSchema = z.object({
  q: queryParam,
  show: choiceParam(PLAN_LIST_SHOW, 'all'),
})
export type PlanListParams = z.infer<typeof planListParamsSchema>
