'use client'
import { ActionForm, FormOutcome } from '@/components/forms/action-form'
import { LongText, Radios, Text } from '@/components/forms/fields'
import { useActionForm } from '@/components/forms/use-action-form'
import { Button } from '@/components/ui/button'
import { FormStamp } from '@/components/ui/form-stamp'
import { SubmitButton } from '@/components/ui/submit-button'
import { addTrainingAction, removeTrainingAction } from '@/lib/team/actions'
import { TRAINING_KINDS } from '@/lib/team/schema'

/** Records training or a rehearsal for a member. */
export function TrainingForm({ teamMemberId }: { teamMemberId: string }) {
  const form = useActionForm(addTrainingAction, {
    initial: { kind: 'NCSC_CYBER' },
    success: 'The record was added.',
  })
  return (
    <ActionForm
      form={form}
      failureTitle="The record was not added"
      aria-label="Record training or a rehearsal"
    >
      <input type="hidden" name="teamMemberId" value={teamMemberId} />
      <Radios
        name="kind"
        legend="Kind"
        options={TRAINING_KINDS.map((k) => ({ value: k.value, label: k.label, hint: k.hint }))}
        fallback="NCSC_CYBER"
      />
      <div className="grid gap-x-4 sm:grid-cols-2">
        <Text name="heldOn" label="Date" type="date" />
        <Text name="provider" label="Provider" hint="Who ran it" />
      </div>
      <Text name="title" label="What" hint="Can be left empty for the NCSC training." />
      <LongText name="notes" label="Notes" rows={2} />
      <SubmitButton>Add the record</SubmitButton>
    </ActionForm>
  )
}

/** Removes one record entered by mistake. */
export function RemoveTraining({ id, title }: { id: string; title: string }) {
  const form = useActionForm(removeTrainingAction, {})
  return (
    <form action={form.action}>
      <FormOutcome form={form} failureTitle="Not removed" />
      <input type="hidden" name="id" value={id} />
      <FormStamp />
      <Button type="submit" variant="link" className="text-sm" aria-label={`Remove the record of ${title}`}>
        Remove
      </Button>
    </form>
  )
}
