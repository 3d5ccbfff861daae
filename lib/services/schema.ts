import { z } from 'zod'
import { type DurationUnit, toMinutes } from '@/lib/catalogue/durations'

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
const text = (max: number) => z.string().trim().max(max, `Keep this under ${max} characters.`).default('')

const serviceFields = z.object({
  name: z.string().trim().min(1, 'Give the service a name.').max(120, 'Keep the name under 120 characters.'),
  description: text(2000),
  owner: text(120),
  usersAffected: text(500),
  criticality: z.coerce.number().int().min(1, 'Choose a criticality.').max(4, 'Choose a criticality.'),
  rtoValue: amount('recovery time objective'),
  rtoUnit: units,
  rpoValue: amount('recovery point objective'),
  rpoUnit: units,
  maxOutageValue: amount('maximum tolerable outage'),
  maxOutageUnit: units,
  minServiceLevel: text(500),
  impact60Level: z.enum(IMPACT_LEVELS).default('NONE'),
  impact60Note: text(300),
  impact1440Level: z.enum(IMPACT_LEVELS).default('NONE'),
  impact1440Note: text(300),
  impact10080Level: z.enum(IMPACT_LEVELS).default('NONE'),
  impact10080Note: text(300),
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
  .extend({ id: z.string().min(1), version: z.coerce.number().int().min(1) })
  .transform((v) => ({ id: v.id, version: v.version, data: toService(v) }))
  .superRefine((v, ctx) => checkTimes(v.data, ctx))
export type UpdateServiceInput = z.infer<typeof updateServiceSchema>

export const archiveSchema = z.object({
  id: z.string().min(1),
  version: z.coerce.number().int().min(1),
  /** Set once the user has seen what depends on the record and still wants to archive it. */
  confirm: z.enum(['yes']).optional(),
})
export const restoreSchema = z.object({ id: z.string().min(1), version: z.coerce.number().int().min(1) })

export const linkAssetSchema = z.object({
  serviceId: z.string().min(1),
  assetId: z.string().min(1, 'Choose an asset.'),
  required: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
})
export const unlinkAssetSchema = z.object({ serviceId: z.string().min(1), assetId: z.string().min(1) })
