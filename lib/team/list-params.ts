import { choiceParam, flagParam, pageParam, queryParam } from '@/lib/validation/search-params'
import { z } from '@/lib/validation/zod'

export const TEAM_STATUS_VALUES = ['current', 'left', 'all'] as const
export type TeamStatus = (typeof TEAM_STATUS_VALUES)[number]

/**
 * What the team list reads from its URL. Anything it cannot use falls back on its own (see
 * parseSearchParams), so a hand-edited URL shows the list, never the error page.
 */
export const teamListParamsSchema = z.object({
  q: queryParam,
  /** A role's id: members who hold it. An id from nowhere simply matches nobody. */
  role: z
    .string()
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/)
    .optional()
    .catch(undefined),
  status: choiceParam(TEAM_STATUS_VALUES, 'current'),
  /** Only members with system access and no NCSC cyber training on record. */
  untrained: flagParam,
  page: pageParam,
})
export type TeamListParams = z.infer<typeof teamListParamsSchema>
