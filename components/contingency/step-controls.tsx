'use client'
import { useEffect, useRef } from 'react'
import { ActionForm, FormOutcome } from '@/components/forms/action-form'
import { LongText, Select, Text } from '@/components/forms/fields'
import { type CompareGroup, useActionForm } from '@/components/forms/use-action-form'
import { SubmitButton } from '@/components/ui/submit-button'
import { addStepAction, moveStepAction, removeStepAction, updateStepAction } from '@/lib/contingency/actions'
import type { FormValues } from '@/lib/result'

type Option = { id: string; name: string }
type StepField = 'instruction' | 'estimatedMinutes' | 'recoveryRoleId' | 'afterStepId'

const roleOptions = (roles: Option[]) => [
  { value: '', label: '— nobody yet —' },
  ...roles.map((r) => ({ value: r.id, label: r.name })),
]
const afterOptions = (steps: { id: string; number: number }[]) => [
  { value: '', label: '— nothing —' },
  ...steps.map((s) => ({ value: s.id, label: `Step ${s.number}` })),
]

function StepFields({
  roles,
  others,
  prefix,
}: {
  roles: Option[]
  others: { id: string; number: number }[]
  prefix: string
}) {
  return (
    <>
      <LongText name="instruction" label="What to do" id={`${prefix}-instruction`} rows={3} />
      <div className="grid gap-x-4 sm:grid-cols-3">
        <Text
          name="estimatedMinutes"
          label="Estimated minutes"
          inputMode="numeric"
          id={`${prefix}-minutes`}
        />
        <Select
          name="recoveryRoleId"
          label="Carried out by"
          options={roleOptions(roles)}
          fallback=""
          id={`${prefix}-role`}
        />
        <Select
          name="afterStepId"
          label="Must be done after"
          options={afterOptions(others)}
          fallback=""
          id={`${prefix}-after`}
        />
      </div>
    </>
  )
}

/** Adds a step at the end of a plan's procedure or an asset's restore procedure. */
export function AddStepForm({
  owner,
  roles,
  steps,
}: {
  owner: { planId: string } | { assetId: string }
  roles: Option[]
  steps: { id: string; number: number }[]
}) {
  const form = useActionForm(addStepAction, { initial: { estimatedMinutes: '15' }, success: 'Step added.' })
  return (
    <ActionForm form={form} failureTitle="The step was not added" aria-label="Add a step">
      {'planId' in owner ? (
        <input type="hidden" name="planId" value={owner.planId} />
      ) : (
        <input type="hidden" name="assetId" value={owner.assetId} />
      )}
      <StepFields roles={roles} others={steps} prefix="new-step" />
      {roles.length === 0 && (
        <p className="mb-3 text-sm text-slate-700">
          No recovery roles yet: add them for the recovery team, then give each step to one.
        </p>
      )}
      <SubmitButton variant="secondary">Add step</SubmitButton>
    </ActionForm>
  )
}

const STEP_GROUPS: CompareGroup<StepField>[] = [
  { key: 'instruction', label: 'What to do', keys: ['instruction'] },
  { key: 'estimatedMinutes', label: 'Estimated minutes', keys: ['estimatedMinutes'] },
  { key: 'recoveryRoleId', label: 'Carried out by', keys: ['recoveryRoleId'] },
  { key: 'afterStepId', label: 'Must be done after', keys: ['afterStepId'] },
]

type StoredStep = {
  instruction: string
  estimatedMinutes: number
  recoveryRoleId: string | null
  afterStepId: string | null
}
const toStepValues = (s: StoredStep): FormValues<StepField> => ({
  instruction: s.instruction,
  estimatedMinutes: String(s.estimatedMinutes),
  recoveryRoleId: s.recoveryRoleId ?? '',
  afterStepId: s.afterStepId ?? '',
})

/** Edits one step's words, time, role and predecessor (by its own version; moves do not touch it). */
export function EditStepForm({
  step,
  roles,
  others,
}: {
  step: StoredStep & { id: string; version: number; number: number }
  roles: Option[]
  others: { id: string; number: number }[]
}) {
  const form = useActionForm(updateStepAction, {
    initial: toStepValues(step),
    version: step.version,
    groups: STEP_GROUPS,
    toValues: toStepValues,
    success: 'Step saved.',
  })
  return (
    <ActionForm form={form} failureTitle="The step was not saved" aria-label={`Edit step ${step.number}`}>
      <input type="hidden" name="id" value={step.id} />
      <StepFields roles={roles} others={others} prefix={`step-${step.id}`} />
      <SubmitButton variant="secondary">Save step</SubmitButton>
    </ActionForm>
  )
}

type Holder = { current: HTMLDivElement | null }
function focusIn(first: Holder, second: Holder) {
  const pick = (r: Holder) => r.current?.querySelector<HTMLButtonElement>('button:not([disabled])')
  ;(pick(first) ?? pick(second))?.focus()
}

/**
 * Move up and Move down: plain forms (they work before JavaScript loads), naming the order the person
 * saw. After a move the focus stays on the button pressed, so a keyboard user can press it again.
 */
export function MoveStepButtons({
  id,
  number,
  count,
  orderVersion,
}: {
  id: string
  number: number
  count: number
  orderVersion: number
}) {
  const up = useActionForm(moveStepAction)
  const down = useActionForm(moveStepAction)
  const upRef = useRef<HTMLDivElement>(null)
  const downRef = useRef<HTMLDivElement>(null)
  // After a move the list re-renders in its new order: put the focus back on the button pressed (or
  // its neighbour, when the step reached the end), not on the top of the page.
  useEffect(() => {
    if (up.result?.ok) focusIn(upRef, downRef)
  }, [up.result])
  useEffect(() => {
    if (down.result?.ok) focusIn(downRef, upRef)
  }, [down.result])
  const button = (form: typeof up, direction: 'up' | 'down', ref: typeof upRef, disabled: boolean) => (
    <div ref={ref}>
      <ActionForm form={form} failureTitle="The step was not moved" showSaved={false}>
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="direction" value={direction} />
        <input type="hidden" name="orderVersion" value={orderVersion} />
        <SubmitButton
          variant="secondary"
          className="min-h-10 px-3 py-1"
          pendingText="Moving…"
          disabled={disabled}
          aria-label={`${direction === 'up' ? 'Move up' : 'Move down'}: step ${number}`}
        >
          {direction === 'up' ? 'Move up' : 'Move down'}
        </SubmitButton>
      </ActionForm>
    </div>
  )
  return (
    <div className="flex flex-wrap gap-2">
      {button(up, 'up', upRef, number === 1)}
      {button(down, 'down', downRef, number === count)}
    </div>
  )
}

/** Removes a step (its words stay in the activity log). */
export function RemoveStepButton({
  id,
  number,
  orderVersion,
}: {
  id: string
  number: number
  orderVersion: number
}) {
  const form = useActionForm(removeStepAction)
  return (
    <div>
      <FormOutcome form={form} failureTitle="The step was not removed" />
      <form action={form.action}>
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="orderVersion" value={orderVersion} />
        <SubmitButton variant="danger" className="min-h-10 px-3 py-1" pendingText="Removing…">
          Remove<span className="sr-only"> step {number}</span>
        </SubmitButton>
      </form>
    </div>
  )
}
