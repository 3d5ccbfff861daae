'use client'
import { ActionForm } from '@/components/forms/action-form'
import { useActionForm } from '@/components/forms/use-action-form'
import { SubmitButton } from '@/components/ui/submit-button'
import { updateOwnContactsAction } from '@/lib/team/actions'
import { ContactFields } from './contact-fields'
import { CONTACT_GROUPS } from './contact-groups'
import { toContactValues } from './member-values'

/** A person's own contact details, merging with the manager's save if both edited at once. */
export function OwnContactsForm({ initial, version }: { initial: Record<string, string>; version: number }) {
  const form = useActionForm(updateOwnContactsAction, {
    initial,
    version,
    groups: CONTACT_GROUPS,
    toValues: toContactValues,
    success: 'Your contact details were saved.',
  })
  return (
    <ActionForm form={form} failureTitle="Your contact details were not saved">
      <ContactFields />
      <SubmitButton>Save my contact details</SubmitButton>
    </ActionForm>
  )
}
