import { z } from '@/lib/validation/zod'

/** A record's id as a form posts it. */
export const recordId = z.string().min(1).max(64)
/** The version a form was built from (optimistic concurrency: see lib/db/versioned.ts). */
export const recordVersion = z.coerce.number().int().min(1).max(2_147_483_647)

/** Names one version of one record: the base of every update, archive and restore. */
export const idVersionSchema = z.object({ id: recordId, version: recordVersion })

/** Archive: `confirm` is set once the user has seen what depends on the record and still wants to. */
export const archiveSchema = idVersionSchema.extend({ confirm: z.enum(['yes']).optional() })
export const restoreSchema = idVersionSchema
