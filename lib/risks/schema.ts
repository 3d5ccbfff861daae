import { idVersionSchema, recordId, recordVersion } from '@/lib/validation/record'
import { text } from '@/lib/validation/text'
import { z } from '@/lib/validation/zod'
import { APPETITE_MAX, APPETITE_MIN } from './scoring'

/*
 * The schemas the risk forms and their actions share. Lists of things a risk links to (threats,
 * services, assets; the risks a countermeasure reduces) are posted as one checkbox per option, named
 * `threat_<id>`, `service_<id>`, `asset_<id>`, `risk_<id>`, so that a failed save shows every box as the
 * person left it (each box is its own value) and the form works without JavaScript.
 */

export const RISK_STATUSES = [
  { value: 'OPEN', label: 'Open' },
  { value: 'CLOSED', label: 'Closed' },
] as const

export const COUNTERMEASURE_KINDS = [
  { value: 'PREVENT', label: 'Prevent', description: 'Stops it happening or makes it less likely.' },
  { value: 'DETECT', label: 'Detect', description: 'Warns early, so it is caught before it does harm.' },
  { value: 'RECOVER', label: 'Recover', description: 'Gets the service back sooner when it happens.' },
] as const
export const COUNTERMEASURE_STATUSES = [
  { value: 'PLANNED', label: 'Planned' },
  { value: 'IN_PLACE', label: 'In place' },
  { value: 'VERIFIED', label: 'Verified' },
] as const

/** The FITS processes, with what each contributes to continuity (seed 000, "Improve countermeasures"). */
export const FITS_PROCESSES = [
  {
    value: 'SERVICE_DESK',
    label: 'Service desk',
    contributes: 'One point of contact that spots threats early.',
  },
  { value: 'INCIDENT', label: 'Incident management', contributes: 'The record of what went wrong.' },
  {
    value: 'PROBLEM',
    label: 'Problem management',
    contributes: 'Removes underlying causes; an early warning.',
  },
  {
    value: 'CHANGE',
    label: 'Change management',
    contributes: 'Better technical changes and an up-to-date plan.',
  },
  {
    value: 'CONFIGURATION',
    label: 'Configuration management',
    contributes: 'Knows every asset and exposes single points of failure.',
  },
  { value: 'RELEASE', label: 'Release management', contributes: 'Designs single points of failure out.' },
  {
    value: 'AVAILABILITY',
    label: 'Availability management',
    contributes: 'Maintenance, tested backups, RAID and monitoring.',
  },
  {
    value: 'CAPACITY',
    label: 'Capacity management',
    contributes: 'Enough processing, storage and bandwidth.',
  },
  {
    value: 'SERVICE_LEVEL',
    label: 'Service level management',
    contributes: 'What each service needs and how much it matters.',
  },
  { value: 'FINANCIAL', label: 'Financial management', contributes: 'Money for continuity where it counts.' },
] as const

export const labelOf = (list: readonly { value: string; label: string }[], v: string) =>
  list.find((x) => x.value === v)?.label ?? v

const valuesOf = <T extends readonly { value: string }[]>(list: T) =>
  list.map((x) => x.value) as unknown as [T[number]['value'], ...T[number]['value'][]]

/** The checkbox names a form posts for one list: `threat_<id>`. */
export const checkName = (prefix: CheckPrefix, id: string) => `${prefix}_${id}`
export type CheckPrefix = 'threat' | 'service' | 'asset' | 'risk'

/** Gathers the ticked boxes of each prefix into `<prefix>Ids`, before the object is parsed. */
function gatherChecks(prefixes: CheckPrefix[]) {
  return (raw: unknown) => {
    if (typeof raw !== 'object' || raw === null) return raw
    const out: Record<string, unknown> = { ...raw }
    for (const p of prefixes) {
      const ids: string[] = []
      for (const [k, v] of Object.entries(raw))
        if (k.startsWith(`${p}_`) && v !== undefined && v !== '' && v !== false)
          ids.push(k.slice(p.length + 1))
      if (!(`${p}Ids` in out)) out[`${p}Ids`] = ids
    }
    return out
  }
}
const idList = z.array(recordId).max(500).default([])

const level = (what: string) =>
  z.coerce
    .number({ message: `Choose the ${what}.` })
    .int(`Choose the ${what}.`)
    .min(1, `Choose the ${what}.`)
    .max(5, `Choose the ${what}.`)
/** A residual level: empty means "not assessed yet". */
const residualLevel = (what: string) =>
  z
    .union([z.literal(''), z.undefined(), level(what)])
    .transform((v) => (v === '' || v === undefined ? null : v))

/** A day typed in a date field (yyyy-mm-dd), stored at midday UTC; empty means none. */
const optionalDay = (opts: { notFuture?: string } = {}) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (!v) return null
      const d = new Date(`${v}T12:00:00Z`)
      if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(d.getTime())) {
        ctx.addIssue({ code: 'custom', message: 'Enter a date like 2026-11-22.' })
        return z.NEVER
      }
      if (opts.notFuture && d.getTime() > Date.now() + 86_400_000) {
        ctx.addIssue({ code: 'custom', message: opts.notFuture })
        return z.NEVER
      }
      return d
    })

const riskFields = z.object({
  title: text({
    max: 160,
    required: 'Give the risk a title.',
    tooLong: 'Keep the title under 160 characters.',
  }),
  description: text({ max: 2000, multiline: true }),
  categoryId: z.string({ message: 'Choose a category.' }).min(1, 'Choose a category.').max(64),
  threatIds: idList,
  serviceIds: idList,
  assetIds: idList,
  likelihood: level('likelihood'),
  impact: level('impact'),
  residualLikelihood: residualLevel('residual likelihood'),
  residualImpact: residualLevel('residual impact'),
  owner: text({ max: 120 }),
  nextReviewOn: optionalDay(),
})

/** A residual is both values or neither, and not worse than the risk before its countermeasures. */
function checkResidual(v: z.infer<typeof riskFields>, ctx: z.RefinementCtx) {
  const l = v.residualLikelihood
  const i = v.residualImpact
  if ((l === null) !== (i === null))
    ctx.addIssue({
      code: 'custom',
      path: [l === null ? 'residualLikelihood' : 'residualImpact'],
      message: 'Choose both residual values, or neither until the countermeasures are assessed.',
    })
  else if (l !== null && i !== null && l * i > v.likelihood * v.impact)
    ctx.addIssue({
      code: 'custom',
      path: ['residualLikelihood'],
      message:
        'Countermeasures cannot make a risk worse: the residual score must not be above the score before them.',
    })
}
export type RiskData = z.infer<typeof riskFields>

const RISK_CHECKS: CheckPrefix[] = ['threat', 'service', 'asset']
export const createRiskSchema = z.preprocess(gatherChecks(RISK_CHECKS), riskFields.superRefine(checkResidual))
export const updateRiskSchema = z.preprocess(
  gatherChecks(RISK_CHECKS),
  riskFields.extend(idVersionSchema.shape).superRefine(checkResidual),
)
export type UpdateRiskInput = z.infer<typeof updateRiskSchema>

export const setRiskStatusSchema = idVersionSchema.extend({
  status: z.enum(['OPEN', 'CLOSED'], { message: 'Choose open or closed.' }),
})

export const appetiteSchema = z.object({
  appetite: z.coerce
    .number({ message: `Enter a score from ${APPETITE_MIN} to ${APPETITE_MAX}.` })
    .int(`Enter a whole number from ${APPETITE_MIN} to ${APPETITE_MAX}.`)
    .min(APPETITE_MIN, `Enter a score from ${APPETITE_MIN} to ${APPETITE_MAX}.`)
    .max(APPETITE_MAX, `Enter a score from ${APPETITE_MIN} to ${APPETITE_MAX}.`),
  version: recordVersion,
})

/** Categories and threats share one shape: a name and a description. */
const namedFields = z.object({
  name: text({ max: 120, required: 'Give it a name.', tooLong: 'Keep the name under 120 characters.' }),
  description: text({ max: 500, multiline: true }),
})
export const createNamedSchema = namedFields
export const updateNamedSchema = namedFields.extend(idVersionSchema.shape)
export const retireNamedSchema = idVersionSchema.extend({ retired: z.enum(['yes', 'no']).default('yes') })

/** Loading the FITS defaults takes nothing but the school. */
export const loadDefaultsSchema = z.object({})

export const acceptProposalSchema = z.object({ key: z.string().min(1).max(100) })
export const dismissProposalSchema = z.object({
  key: z.string().min(1).max(100),
  reason: text({
    max: 500,
    required: 'Say why this is not a risk for the school.',
    multiline: true,
  }),
})

const cost = z
  .string()
  .optional()
  .transform((v, ctx) => {
    const t = (v ?? '').replace(/[£,\s]/g, '')
    if (!t) return null
    if (!/^\d{1,9}(\.\d{1,2})?$/.test(t)) {
      ctx.addIssue({ code: 'custom', message: 'Enter the cost in pounds, like 450 or 1,200.' })
      return z.NEVER
    }
    return Math.round(Number(t))
  })

const countermeasureFields = z.object({
  title: text({
    max: 160,
    required: 'Give the countermeasure a title.',
    tooLong: 'Keep the title under 160 characters.',
  }),
  description: text({ max: 2000, multiline: true }),
  riskIds: idList,
  kind: z.enum(valuesOf(COUNTERMEASURE_KINDS), { message: 'Choose prevent, detect or recover.' }),
  process: z.enum(valuesOf(FITS_PROCESSES), { message: 'Choose the FITS process it belongs to.' }),
  owner: text({ max: 120 }),
  status: z.enum(valuesOf(COUNTERMEASURE_STATUSES), { message: 'Choose a status.' }),
  dueOn: optionalDay(),
  costPounds: cost,
  lastVerifiedOn: optionalDay({ notFuture: 'The day it was last verified cannot be in the future.' }),
  verificationNote: text({ max: 500, multiline: true }),
})
function checkVerified(v: z.infer<typeof countermeasureFields>, ctx: z.RefinementCtx) {
  if (v.status === 'VERIFIED' && !v.lastVerifiedOn)
    ctx.addIssue({
      code: 'custom',
      path: ['lastVerifiedOn'],
      message: 'A verified countermeasure needs the day it was last verified.',
    })
}
export type CountermeasureData = z.infer<typeof countermeasureFields>
export const createCountermeasureSchema = z.preprocess(
  gatherChecks(['risk']),
  countermeasureFields.superRefine(checkVerified),
)
export const updateCountermeasureSchema = z.preprocess(
  gatherChecks(['risk']),
  countermeasureFields.extend(idVersionSchema.shape).superRefine(checkVerified),
)
export type UpdateCountermeasureInput = z.infer<typeof updateCountermeasureSchema>
export const setCountermeasureStatusSchema = idVersionSchema.extend({
  status: z.enum(valuesOf(COUNTERMEASURE_STATUSES), { message: 'Choose a status.' }),
})
export { archiveSchema, restoreSchema } from '@/lib/validation/record'
