import { type DurationUnit, toMinutes } from '@/lib/catalogue/durations'
import { idVersionSchema, recordId, recordVersion } from '@/lib/validation/record'
import { text } from '@/lib/validation/text'
import { z } from '@/lib/validation/zod'

export { archiveSchema, restoreSchema } from '@/lib/validation/record'

export const CRITICALITY = [
  { value: 1, label: 'Vital', description: 'The school cannot operate safely without it: recover first.' },
  { value: 2, label: 'High', description: 'Teaching or administration is badly disrupted within hours.' },
  { value: 3, label: 'Medium', description: 'Work-arounds hold for a few days.' },
  { value: 4, label: 'Low', description: 'Can wait until everything else is back.' },
] as const

export const IMPACT_LEVELS = ['NONE', 'LOW', 'MEDIUM', 'HIGH', 'SEVERE'] as const
export type ImpactLevel = (typeof IMPACT_LEVELS)[number]
/** The points in an outage at which the business impact analysis records the impact. */
export const IMPACT_POINTS = [
  { minutes: 60, label: 'After 1 hour' },
  { minutes: 1440, label: 'After 1 day' },
  { minutes: 10080, label: 'After 1 week' },
] as const
export type Impact = { afterMinutes: number; level: ImpactLevel; note: string }

const units = z.enum(['minutes', 'hours', 'days', 'weeks'], {
  message: 'Choose minutes, hours, days or weeks.',
})
const amount = (what: string) =>
  z.coerce
    .number({ message: `Enter the ${what} as a number.` })
    .positive(`The ${what} must be more than zero.`)
    .max(100000, `The ${what} is too long.`)

const impactLevel = z.enum(IMPACT_LEVELS, { message: 'Choose an impact level.' }).default('NONE')

const serviceFields = z.object({
  name: text({
    max: 120,
    required: 'Give the service a name.',
    tooLong: 'Keep the name under 120 characters.',
  }),
  description: text({ max: 2000, multiline: true }),
  owner: text({ max: 120 }),
  usersAffected: text({ max: 500 }),
  criticality: z.coerce
    .number({ message: 'Choose a criticality.' })
    .int('Choose a criticality.')
    .min(1, 'Choose a criticality.')
    .max(4, 'Choose a criticality.'),
  rtoValue: amount('recovery time objective'),
  rtoUnit: units,
  rpoValue: amount('recovery point objective'),
  rpoUnit: units,
  maxOutageValue: amount('maximum tolerable outage'),
  maxOutageUnit: units,
  minServiceLevel: text({ max: 500, multiline: true }),
  impact60Level: impactLevel,
  impact60Note: text({ max: 300 }),
  impact1440Level: impactLevel,
  impact1440Note: text({ max: 300 }),
  impact10080Level: impactLevel,
  impact10080Note: text({ max: 300 }),
})

function toService(v: z.infer<typeof serviceFields>) {
  const impacts: Impact[] = IMPACT_POINTS.map((p) => ({
    afterMinutes: p.minutes,
    level: v[`impact${p.minutes}Level` as 'impact60Level'],
    note: v[`impact${p.minutes}Note` as 'impact60Note'],
  }))
  return {
    name: v.name,
    description: v.description,
    owner: v.owner,
    usersAffected: v.usersAffected,
    criticality: v.criticality,
    rtoMinutes: Math.round(v.rtoValue * toMinutes(1, v.rtoUnit as DurationUnit)),
    rpoMinutes: Math.round(v.rpoValue * toMinutes(1, v.rpoUnit as DurationUnit)),
    maxOutageMinutes: Math.round(v.maxOutageValue * toMinutes(1, v.maxOutageUnit as DurationUnit)),
    minServiceLevel: v.minServiceLevel,
    impacts,
  }
}
export type ServiceData = ReturnType<typeof toService>

/** The rule that makes a BIA coherent: you cannot aim to recover later than you can tolerate. */
function checkTimes(s: ServiceData, ctx: z.RefinementCtx) {
  for (const [key, minutes] of [
    ['rtoValue', s.rtoMinutes],
    ['rpoValue', s.rpoMinutes],
    ['maxOutageValue', s.maxOutageMinutes],
  ] as const)
    if (minutes < 1) ctx.addIssue({ code: 'custom', path: [key], message: 'Enter at least one minute.' })
  if (s.rtoMinutes > s.maxOutageMinutes)
    ctx.addIssue({
      code: 'custom',
      path: ['rtoValue'],
      message: 'The recovery time objective cannot be longer than the maximum tolerable outage.',
    })
}

export const createServiceSchema = serviceFields.transform(toService).superRefine(checkTimes)
export const updateServiceSchema = serviceFields
  .extend(idVersionSchema.shape)
  .transform((v) => ({ id: v.id, version: v.version, data: toService(v) }))
  .superRefine((v, ctx) => checkTimes(v.data, ctx))
export type UpdateServiceInput = z.infer<typeof updateServiceSchema>

const requiredChoice = z
  .enum(['true', 'false'], { message: 'Choose whether the service stops without it.' })
  .default('true')
  .transform((v) => v === 'true')

export const linkAssetSchema = z.object({
  serviceId: recordId,
  assetId: z.string().min(1, 'Choose an asset.').max(64, 'Choose an asset.'),
  required: requiredChoice,
})

/**
 * One press in a service's dependency list, which is one form: each button names its row and what it
 * does, `remove:<assetId>` or `required:<assetId>:<version>:<true|false>` (the version the page showed,
 * so a concurrent change is refused as STALE).
 */
export const changeLinkSchema = z
  .object({ serviceId: recordId, change: z.string().max(200) })
  .transform((v, ctx) => {
    const parts = v.change.split(':')
    const [op, assetId, version, required] = parts
    const asset = recordId.safeParse(assetId)
    if (op === 'remove' && asset.success && parts.length === 2)
      return { op: 'remove' as const, serviceId: v.serviceId, assetId: asset.data }
    const seen = recordVersion.safeParse(version)
    const flag = required === 'true' || required === 'false'
    if (op === 'required' && asset.success && seen.success && flag && parts.length === 4)
      return {
        op: 'required' as const,
        serviceId: v.serviceId,
        assetId: asset.data,
        version: seen.data,
        required: required === 'true',
      }
    ctx.addIssue({ code: 'custom', path: ['change'], message: 'Choose a change from the list.' })
    return z.NEVER
  })
