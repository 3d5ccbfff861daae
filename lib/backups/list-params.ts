import { choiceParam, queryParam } from '@/lib/validation/search-params'
import { z } from '@/lib/validation/zod'

/** Which protected data the backups list shows: all, those breaking 3-2-1, or those not restore-tested in time. */
export const BACKUP_CHECKS = ['all', 'three-two-one', 'restore'] as const
export type BackupCheck = (typeof BACKUP_CHECKS)[number]

export const backupListParamsSchema = z.object({
  q: queryParam,
  check: choiceParam(BACKUP_CHECKS, 'all'),
})
export type BackupListParams = z.infer<typeof backupListParamsSchema>
