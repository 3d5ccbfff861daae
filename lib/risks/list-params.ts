import { choiceParam, flagParam, pageParam, queryParam } from '@/lib/validation/search-params'
import { z } from '@/lib/validation/zod'

/** The orders the register offers; lib/risks/queries.ts says what each means. */
export const RISK_SORT_VALUES = ['score', 'inherent', 'title', 'review', 'updated'] as const
export type RiskSort = (typeof RISK_SORT_VALUES)[number]

const id = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/)
  .optional()
  .catch(undefined)
const level = z.coerce.number().int().min(1).max(5).optional().catch(undefined)

/**
 * What the risk register reads from its URL. Each field falls back on its own (parseSearchParams), so a
 * hand-edited or hostile URL shows the register, never the error page. `l`, `i` and `basis` name one
 * cell of the heat map (its links open the register filtered to that cell).
 */
export const riskListParamsSchema = z.object({
  q: queryParam,
  category: id,
  rating: z.enum(['LOW', 'MEDIUM', 'HIGH', 'VERY_HIGH']).optional().catch(undefined),
  above: flagParam,
  overdue: flagParam,
  service: id,
  status: choiceParam(['open', 'closed', 'all'] as const, 'open'),
  l: level,
  i: level,
  basis: choiceParam(['inherent', 'residual'] as const, 'inherent'),
  sort: choiceParam(RISK_SORT_VALUES, 'score'),
  page: pageParam,
})
export type RiskListParams = z.infer<typeof riskListParamsSchema>

export const COUNTERMEASURE_CHECK_VALUES = ['overdue', 'unverified'] as const
export const countermeasureListParamsSchema = z.object({
  q: queryParam,
  status: z.enum(['PLANNED', 'IN_PLACE', 'VERIFIED']).optional().catch(undefined),
  check: z.enum(COUNTERMEASURE_CHECK_VALUES).optional().catch(undefined),
  archived: flagParam,
  page: pageParam,
})
export type CountermeasureListParams = z.infer<typeof countermeasureListParamsSchema>
