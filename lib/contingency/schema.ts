import { idVersionSchema, recordId, recordVersion } from '@/lib/validation/record'
import { text } from '@/lib/validation/text'
import { z } from '@/lib/validation/zod'
import { parsePounds } from './money'

export { archiveSchema, restoreSchema } from '@/lib/validation/record'

/**
 * The recovery strategies, cheapest and slowest first (seed 002, step 3: contingency plans are like
 * insurance: simple and cheap for minor risks, complicated and costly for major ones). The explanation
 * is shown beside each choice.
 */
export const STRATEGIES = [
  {
    value: 'DO_NOTHING',
    label: 'Do nothing',
    explanation:
      'Accept the outage and wait for the service to come back. Costs nothing; fits services the school can do without for a while.',
  },
  {
    value: 'MANUAL_WORKAROUND',
    label: 'Manual workaround',
    explanation: 'Carry on by hand (paper registers, a phone cascade) until the service is back.',
  },
  {
    value: 'RECIPROCAL',
    label: 'Reciprocal arrangement',
    explanation:
      'Another school or partner lends its equipment or space, and you would do the same for them.',
  },
  {
    value: 'GRADUAL',
    label: 'Gradual recovery (cold standby)',
    explanation:
      'Rebuild from scratch: order or find replacement equipment, then restore from backups. Takes days or longer.',
  },
  {
    value: 'INTERMEDIATE',
    label: 'Intermediate recovery (warm standby)',
    explanation:
      'Spare equipment or a supplier standby is ready to be set up and restored onto, typically within a day.',
  },
  {
    value: 'FAST',
    label: 'Fast recovery (hot standby)',
    explanation: 'A standby is kept running and nearly up to date, ready to take over within hours.',
  },
  {
    value: 'IMMEDIATE',
    label: 'Immediate recovery (mirrored)',
    explanation: 'A mirrored system takes over at once with no noticeable outage. The most expensive option.',
  },
] as const
export type Strategy = (typeof STRATEGIES)[number]['value']
export const STRATEGY_VALUES = STRATEGIES.map((s) => s.value) as [Strategy, ...Strategy[]]
export const strategyLabel = (v: string) => STRATEGIES.find((s) => s.value === v)?.label ?? v

/** An amount in pounds as typed; stored in pence, empty meaning not costed. */
const pounds = z
  .string()
  .max(40, 'Enter an amount in pounds, like 1,200 or 350.50.')
  .default('')
  .transform((v, ctx) => {
    const r = parsePounds(v)
    if ('error' in r) {
      ctx.addIssue({ code: 'custom', message: r.error })
      return z.NEVER
    }
    return r.pence
  })

const planFields = z.object({
  name: text({
    max: 120,
    required: 'Say what the plan covers, for example "Server failure or ransomware".',
    tooLong: 'Keep this under 120 characters.',
  }),
  strategy: z.enum(STRATEGY_VALUES, { message: 'Choose a recovery strategy.' }),
  description: text({ max: 4000, multiline: true }),
  oneOffCost: pounds,
  yearlyCost: pounds,
  manualWorkaround: text({ max: 4000, multiline: true }),
  invocationCriteria: text({ max: 2000, multiline: true }),
  standbySupplier: text({ max: 200 }),
  standbyContract: text({ max: 200 }),
  standbyContact: text({ max: 500, multiline: true }),
  standbyHowToInvoke: text({ max: 2000, multiline: true }),
  standbyInvokeCost: pounds,
})

function toPlan(v: z.infer<typeof planFields>) {
  return {
    name: v.name,
    strategy: v.strategy,
    description: v.description,
    oneOffCostPence: v.oneOffCost,
    yearlyCostPence: v.yearlyCost,
    manualWorkaround: v.manualWorkaround,
    invocationCriteria: v.invocationCriteria,
    standbySupplier: v.standbySupplier,
    standbyContract: v.standbyContract,
    standbyContact: v.standbyContact,
    standbyHowToInvoke: v.standbyHowToInvoke,
    standbyInvokeCostPence: v.standbyInvokeCost,
  }
}
export type PlanData = ReturnType<typeof toPlan>

export const createPlanSchema = planFields
  .extend({
    serviceId: z
      .string({ message: 'Choose a service.' })
      .min(1, 'Choose a service.')
      .max(64, 'Choose a service.'),
  })
  .transform((v) => ({ serviceId: v.serviceId, data: toPlan(v) }))
export type CreatePlanInput = z.infer<typeof createPlanSchema>

export const updatePlanSchema = planFields
  .extend(idVersionSchema.shape)
  .transform((v) => ({ id: v.id, version: v.version, data: toPlan(v) }))
export type UpdatePlanInput = z.infer<typeof updatePlanSchema>

// Steps -------------------------------------------------------------------------------------------

const optionalId = z
  .string()
  .max(64)
  .optional()
  .transform((v) => (v ? v : null))

const stepFields = z.object({
  instruction: text({
    max: 2000,
    multiline: true,
    required: 'Write what to do in this step.',
    tooLong: 'Keep the step under 2,000 characters: split it into two steps.',
  }),
  estimatedMinutes: z.coerce
    .number({ message: 'Enter the minutes as a whole number.' })
    .int('Enter the minutes as a whole number.')
    .min(1, 'A step takes at least one minute.')
    .max(10080, 'A step cannot take more than a week: split it into smaller steps.'),
  recoveryRoleId: optionalId,
  afterStepId: optionalId,
})
export type StepData = z.infer<typeof stepFields>

/** A new step goes at the end of a plan's procedure, or of an asset's restore procedure. */
export const addStepSchema = stepFields
  .extend({ planId: optionalId, assetId: optionalId })
  .superRefine((v, ctx) => {
    if (Boolean(v.planId) === Boolean(v.assetId))
      ctx.addIssue({ code: 'custom', path: ['_form'], message: 'Add the step to one plan or one asset.' })
  })
export type AddStepInput = z.infer<typeof addStepSchema>

export const updateStepSchema = stepFields.extend(idVersionSchema.shape)
export type UpdateStepInput = z.infer<typeof updateStepSchema>

/** Moving and removing name the order the person saw (the procedure's orderVersion). */
export const moveStepSchema = z.object({
  id: recordId,
  direction: z.enum(['up', 'down']),
  orderVersion: recordVersion,
})
export const removeStepSchema = z.object({ id: recordId, orderVersion: recordVersion })
