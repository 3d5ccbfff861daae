import { notCsvReason } from '@/lib/csv-file'
import { idVersionSchema, recordId } from '@/lib/validation/record'
import { text } from '@/lib/validation/text'
import { z } from '@/lib/validation/zod'

export const ASSET_TYPES = [
  { value: 'HARDWARE', label: 'Hardware' },
  { value: 'SOFTWARE', label: 'Software' },
  { value: 'NETWORK', label: 'Network link' },
  { value: 'EXTERNAL_SERVICE', label: 'External service or supplier' },
  { value: 'DATA', label: 'Data' },
  { value: 'PEOPLE', label: 'Staff' },
  { value: 'PROCEDURE', label: 'Procedure' },
  { value: 'FACILITY', label: 'Facility' },
] as const
export const ASSET_TYPE_VALUES = ASSET_TYPES.map((t) => t.value) as [
  (typeof ASSET_TYPES)[number]['value'],
  ...(typeof ASSET_TYPES)[number]['value'][],
]
export const assetTypeLabel = (v: string) => ASSET_TYPES.find((t) => t.value === v)?.label ?? v

const optionalId = z
  .string()
  .max(64)
  .optional()
  .transform((v) => (v ? v : null))
// A date typed in a form (yyyy-mm-dd); empty means "not set".
const optionalDate = z
  .string()
  .optional()
  .transform((v, ctx) => {
    if (!v) return null
    const d = new Date(`${v}T12:00:00Z`)
    if (Number.isNaN(d.getTime()) || !/^\d{4}-\d{2}-\d{2}$/.test(v)) {
      ctx.addIssue({ code: 'custom', message: 'Enter a date like 2026-11-22.' })
      return z.NEVER
    }
    if (d.getTime() > Date.now() + 86_400_000) {
      ctx.addIssue({ code: 'custom', message: 'The date it was last verified cannot be in the future.' })
      return z.NEVER
    }
    return d
  })

export const assetFields = z.object({
  name: text({
    max: 120,
    required: 'Give the asset a name.',
    tooLong: 'Keep the name under 120 characters.',
  }),
  type: z.enum(ASSET_TYPE_VALUES, { message: 'Choose a type.' }),
  location: text({ max: 200 }),
  specification: text({ max: 2000, multiline: true }),
  supplier: text({ max: 200 }),
  contractRef: text({ max: 120 }),
  standbyAssetId: optionalId,
  standbyArrangement: text({ max: 500, multiline: true }),
  standbyVerifiedAt: optionalDate,
})
export type AssetData = z.infer<typeof assetFields>

export const createAssetSchema = assetFields
export const updateAssetSchema = assetFields.extend(idVersionSchema.shape)
export type UpdateAssetInput = z.infer<typeof updateAssetSchema>

export const dependencySchema = z.object({
  assetId: recordId,
  dependsOnId: z
    .string()
    .min(1, 'Choose the asset it depends on.')
    .max(64, 'Choose the asset it depends on.'),
})

/** The largest register file accepted (also checked in the browser before it is sent). */
export const MAX_CSV_BYTES = 2_000_000
export const CSV_TOO_LARGE = 'The file is too large: keep it under 2 MB.'
const csvText = z.string().max(MAX_CSV_BYTES, CSV_TOO_LARGE)
/*
 * A form posted with no file chosen still sends the field, as an empty file with no name: that is
 * "choose a file", while a chosen file with nothing in it is "empty". A spreadsheet is recognised by
 * its name here; by its content (zip or OLE header, NUL bytes) when the preview reads it.
 */
export const previewImportSchema = z.object({
  file: z.instanceof(File, { message: 'Choose a CSV file.' }).superRefine((f, ctx) => {
    const problem =
      f.size === 0 && !f.name
        ? 'Choose a CSV file.'
        : (notCsvReason(f.name, '') ??
          (f.size === 0 ? 'The file is empty.' : f.size > MAX_CSV_BYTES ? CSV_TOO_LARGE : null))
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  }),
})
export const importAssetsSchema = z.object({
  csv: csvText.min(1, 'Upload the file again.'),
  mode: z.enum(['all', 'valid-only']),
})
