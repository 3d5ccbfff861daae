'use client'
import { useActionState } from 'react'
import { Notice } from '@/components/ui/notice'
import { SubmitButton } from '@/components/ui/submit-button'
import type { ActionResult } from '@/lib/result'
import { loadStarterCatalogueAction } from '@/lib/catalogue/actions'

/** Loads a typical school's services and assets; safe to press twice (nothing is added twice). */
export function LoadStarterButton() {
  const [state, action] = useActionState<ActionResult<{ services: number; assets: number }> | null, FormData>(
    loadStarterCatalogueAction,
    null,
  )
  return (
    <form action={action}>
      {state && !state.ok && <Notice tone="error">{state.message}</Notice>}
      {state?.ok && (
        <Notice tone="success" title="Starter catalogue loaded">
          {state.data.services || state.data.assets
            ? `Added ${state.data.services} services and ${state.data.assets} assets with their links. Review each one: the criticality and times are only a starting point.`
            : 'Everything in the starter catalogue is already here: nothing was added.'}
        </Notice>
      )}
      <SubmitButton variant="secondary" pendingText="Loading…">
        Load the starter catalogue
      </SubmitButton>
    </form>
  )
}
