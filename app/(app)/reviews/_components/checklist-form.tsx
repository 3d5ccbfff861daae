'use client'
import { ActionForm } from '@/components/forms/action-form'
import { LongText, Radios } from '@/components/forms/fields'
import { useActionForm } from '@/components/forms/use-action-form'
import { SubmitButton } from '@/components/ui/submit-button'
import { saveReviewAnswersAction } from '@/lib/reviews/actions'
import { SECTION_LABELS, SECTIONS, type Section } from '@/lib/reviews/checklist'
import { ANSWERS } from '@/lib/reviews/schema'

type Answer = {
  id: string
  section: Section
  question: string
  guidance: string
  answer: string | null
  notes: string
}

/** The whole checklist as one form: each question yes, no or not applicable, with notes. */
export function ChecklistForm({
  reviewId,
  version,
  answers,
  hints,
}: {
  reviewId: string
  version: number
  answers: Answer[]
  /** What the portal already knows, by answer id. */
  hints: Record<string, string>
}) {
  const initial: Record<string, string> = {}
  for (const a of answers) {
    if (a.answer) initial[`a_${a.id}`] = a.answer
    initial[`n_${a.id}`] = a.notes
  }
  const form = useActionForm(saveReviewAnswersAction, { initial, version, success: 'Answers saved.' })
  return (
    <ActionForm form={form} failureTitle="The answers were not saved" aria-label="Checklist">
      <input type="hidden" name="reviewId" value={reviewId} />
      {SECTIONS.map((section) => {
        const mine = answers.filter((a) => a.section === section)
        if (!mine.length) return null
        return (
          <div key={section} className="mb-6">
            <h3 className="text-base font-bold">{SECTION_LABELS[section].title}</h3>
            <p className="mb-3 text-sm text-slate-700">{SECTION_LABELS[section].intro}</p>
            <ol className="space-y-3">
              {mine.map((a) => (
                <li
                  key={a.id}
                  className="rounded-md border border-slate-300 bg-white p-3 [&_fieldset>label]:mr-6 [&_fieldset>label]:inline-flex"
                >
                  {hints[a.id] && (
                    <p className="mb-2 rounded bg-sky-50 px-2 py-1 text-sm text-sky-950">
                      <span className="font-semibold">The portal knows:</span> {hints[a.id]}
                    </p>
                  )}
                  <Radios
                    name={`a_${a.id}`}
                    legend={a.question}
                    hint={a.guidance || undefined}
                    options={ANSWERS.map((o) => ({ value: o.value, label: o.label }))}
                  />
                  <LongText name={`n_${a.id}`} label="Notes" rows={2} />
                </li>
              ))}
            </ol>
          </div>
        )
      })}
      <SubmitButton>Save answers</SubmitButton>
    </ActionForm>
  )
}
