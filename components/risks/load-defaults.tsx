'use client'
import { ActionForm } from '@/components/forms/action-form'
import { useActionForm } from '@/components/forms/use-action-form'
import { SubmitButton } from '@/components/ui/submit-button'
import { loadRiskDefaultsAction } from '@/lib/risks/actions'

/** Loads the FITS categories and threats the school does not hold (never bringing back retired ones). */
export function LoadDefaults() {
  const form = useActionForm(loadRiskDefaultsAction, {
    success: (d: { added: number }) =>
      d.added
        ? `Added ${d.added} FITS categor${d.added === 1 ? 'y or threat' : 'ies and threats'}.`
        : 'The school already holds every FITS default.',
  })
  return (
    <ActionForm form={form} failureTitle="The defaults were not loaded">
      <SubmitButton variant="secondary" pendingText="Loading…">
        Load the FITS categories and threats
      </SubmitButton>
    </ActionForm>
  )
}
