import { type DurationUnit, toMinutes } from '@/lib/catalogue/durations'
import { idVersionSchema, recordId, recordVersion } from '@/lib/validation/record'
import { text } from '@/lib/validation/text'
import { z } from '@/lib/validation/zod'

export { archiveSchema, restoreSchema } from '@/lib/validation/record'

export const LOCATIONS = [
  { value: 'ON_SITE', label: 'On site', hint: 'In the school building (server room, office safe).' },
  {
    value: 'OFF_SITE',
    label: 'Off site',
    hint: 'Somewhere else: another site of the trust, a bank, a supplier.',
  },
  { value: 'CLOUD', label: 'Cloud', hint: 'A cloud backup service; counts as off site.' },
] as const
export type Location = (typeof LOCATIONS)[number]['value']
export const locationLabel = (v: string) => LOCATIONS.find((l) => l.value === v)?.label ?? v

export const MEDIA = [
  { value: 'SAME_DEVICE', label: 'Snapshot on the same device' },
  { value: 'DISK', label: 'Another server or NAS disk' },
  { value: 'REMOVABLE_DISK', label: 'Removable disk (USB, RDX)' },
  { value: 'TAPE', label: 'Tape' },
  { value: 'CLOUD_STORAGE', label: 'Cloud storage' },
  { value: 'OPTICAL', label: 'Optical disc' },
] as const
export type Medium = (typeof MEDIA)[number]['value']
export const mediumLabel = (v: string) => MEDIA.find((m) => m.value === v)?.label ?? v

export const RESULTS = [
  { value: 'SUCCESS', label: 'Restored successfully' },
  { value: 'PARTIAL', label: 'Partly restored' },
  { value: 'FAILED', label: 'Failed' },
] as const
export const resultLabel = (v: string) => RESULTS.find((r) => r.value === v)?.label ?? v

const units = z.enum(['minutes', 'hours', 'days', 'weeks'], {
  message: 'Choose minutes, hours, days or weeks.',
})

const backupFields = z.object({
  name: text({
    max: 200,
    required: 'Say what is backed up, for example "MIS database and documents".',
    tooLong: 'Keep this under 200 characters.',
  }),
  location: z.enum(['ON_SITE', 'OFF_SITE', 'CLOUD'], { message: 'Choose where the copy is kept.' }),
  offline: z
    .enum(['yes'])
    .optional()
    .transform((v) => v === 'yes'),
  medium: z.enum(['SAME_DEVICE', 'DISK', 'REMOVABLE_DISK', 'TAPE', 'CLOUD_STORAGE', 'OPTICAL'], {
    message: 'Choose the medium.',
  }),
  frequencyValue: z.coerce
    .number({ message: 'Enter how often as a number.' })
    .positive('Enter how often as a number more than zero.')
    .max(1000, 'Enter how often as a smaller number.'),
  frequencyUnit: units,
  retention: text({ max: 200 }),
  notes: text({ max: 2000, multiline: true }),
})

function toBackup(v: z.infer<typeof backupFields>, ctx: z.RefinementCtx) {
  let frequencyMinutes = 0
  try {
    frequencyMinutes = toMinutes(v.frequencyValue, v.frequencyUnit as DurationUnit)
  } catch {
    ctx.addIssue({ code: 'custom', path: ['frequencyValue'], message: 'Enter a whole number of minutes.' })
  }
  return {
    name: v.name,
    location: v.location,
    offline: v.offline,
    medium: v.medium,
    frequencyMinutes,
    retention: v.retention,
    notes: v.notes,
  }
}
export type BackupData = ReturnType<typeof toBackup>

/**
 * A backup of one data asset or one service: the form's one drop-down posts `subject` as
 * "asset:<id>" or "service:<id>".
 */
export const createBackupSchema = backupFields
  .extend({
    subject: z
      .string({ message: 'Choose the data asset or service it backs up.' })
      .regex(/^(asset|service):[A-Za-z0-9_-]{1,64}$/, 'Choose the data asset or service it backs up.'),
  })
  .transform((v, ctx) => {
    const [kind, id] = v.subject.split(':') as ['asset' | 'service', string]
    return {
      assetId: kind === 'asset' ? id : null,
      serviceId: kind === 'service' ? id : null,
      data: toBackup(v, ctx),
    }
  })
export type CreateBackupInput = z.infer<typeof createBackupSchema>

export const updateBackupSchema = backupFields
  .extend(idVersionSchema.shape)
  .transform((v, ctx) => ({ id: v.id, version: v.version, data: toBackup(v, ctx) }))
export type UpdateBackupInput = z.infer<typeof updateBackupSchema>

const testedOn = z.string({ message: 'Enter the date of the test, like 2026-11-22.' }).transform((v, ctx) => {
  const d = new Date(`${v}T12:00:00Z`)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(d.getTime())) {
    ctx.addIssue({ code: 'custom', message: 'Enter the date of the test, like 2026-11-22.' })
    return z.NEVER
  }
  if (d.getTime() > Date.now() + 86_400_000) {
    ctx.addIssue({ code: 'custom', message: 'The test date cannot be in the future.' })
    return z.NEVER
  }
  if (d.getUTCFullYear() < 2000) {
    ctx.addIssue({ code: 'custom', message: 'Enter a date from 2000 onwards.' })
    return z.NEVER
  }
  return d
})

export const recordRestoreTestSchema = z.object({
  backupId: recordId,
  testedOn,
  whatRestored: text({
    max: 500,
    required: 'Say what was restored, for example "the whole MIS database to a test server".',
  }),
  minutesTaken: z.coerce
    .number({ message: 'Enter the minutes as a whole number.' })
    .int('Enter the minutes as a whole number.')
    .min(1, 'Enter at least one minute.')
    .max(100000, 'Enter the minutes it took (at most 100,000).'),
  result: z.enum(['SUCCESS', 'PARTIAL', 'FAILED'], { message: 'Choose the result.' }),
  notes: text({ max: 2000, multiline: true }),
})
export type RecordRestoreTestInput = z.infer<typeof recordRestoreTestSchema>

export const removeRestoreTestSchema = z.object({ id: recordId })

/** The school's period after which a restore test is due again. */
export const restorePeriodSchema = z.object({
  restoreTestMonths: z.coerce
    .number({ message: 'Enter a number of months.' })
    .int('Enter a whole number of months.')
    .min(1, 'Enter at least one month.')
    .max(36, 'Enter at most 36 months.'),
  version: recordVersion,
})
