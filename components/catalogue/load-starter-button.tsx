'use client'
import { ActionForm } from '@/components/forms/action-form'
import { useActionForm } from '@/components/forms/use-action-form'
import { SubmitButton } from '@/components/ui/submit-button'
import { loadStarterCatalogueAction } from '@/lib/catalogue/actions'

/** Loads a typical school's services and assets; safe to press twice (nothing is added twice). */
export function LoadStarterButton() {
  const form = useActionForm(loadStarterCatalogueAction, {
    success: (d) =>
      d.services || d.assets
        ? `Added ${d.services} services and ${d.assets} assets with their links. Review each one: the criticality and times are only a starting point.`
        : 'Everything in the starter catalogue is already here: nothing was added.',
  })
  return (
    <ActionForm form={form} failureTitle="The starter catalogue was not loaded">
      <SubmitButton variant="secondary" pendingText="Loading…">
        Load the starter catalogue
      </SubmitButton>
    </ActionForm>
  )
}
