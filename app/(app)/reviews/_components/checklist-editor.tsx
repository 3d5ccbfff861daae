'use client'
import { ActionForm, FormOutcome } from '@/components/forms/action-form'
import { Checkbox, LongText, Select, Text } from '@/components/forms/fields'
import { useActionForm } from '@/components/forms/use-action-form'
import { SubmitButton } from '@/components/ui/submit-button'
import {
  addChecklistItemAction,
  archiveChecklistItemAction,
  restoreChecklistItemAction,
} from '@/lib/reviews/actions'
import { SECTION_LABELS, SECTIONS } from '@/lib/reviews/checklist'

/** Adds the school's own question to the checklist; reviews started from now on ask it. */
export function AddQuestionForm() {
  const form = useActionForm(addChecklistItemAction, { success: 'Question added.' })
  return (
    <ActionForm form={form} failureTitle="The question was not added" aria-label="Add a question">
      <Select
        name="section"
        label="Section"
        options={SECTIONS.map((s) => ({ value: s, label: SECTION_LABELS[s].title }))}
        fallback="KEEP_UP_TO_DATE"
      />
      <Text name="question" label="Question" />
      <LongText name="guidance" label="Guidance (optional)" rows={2} />
      <Checkbox name="firstReviewOnly" label="Ask on the first review only" />
      <SubmitButton variant="secondary">Add the question</SubmitButton>
    </ActionForm>
  )
}

/** Retires a question (later reviews stop asking it) or brings it back. */
export function QuestionArchive({
  id,
  version,
  archived,
  question,
}: {
  id: string
  version: number
  archived: boolean
  question: string
}) {
  const form = useActionForm(archived ? restoreChecklistItemAction : archiveChecklistItemAction, {
    success: archived ? 'Brought back.' : 'Retired.',
  })
  return (
    <form action={form.action} key={form.key}>
      <FormOutcome form={form} failureTitle="Not changed" />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <SubmitButton variant="secondary" aria-label={`${archived ? 'Bring back' : 'Retire'}: ${question}`}>
        {archived ? 'Bring back' : 'Retire'}
      </SubmitButton>
    </form>
  )
}
