'use client'
import { ActionForm } from '@/components/forms/action-form'
import { LongText, Radios, Text } from '@/components/forms/fields'
import { useActionForm } from '@/components/forms/use-action-form'
import { SubmitButton } from '@/components/ui/submit-button'
import { recordRestoreTestAction, removeRestoreTestAction } from '@/lib/backups/actions'
import { RESULTS } from '@/lib/backups/schema'

/** Records a restore test of this backup: when, what, how long, and how it went. */
export function RestoreTestForm({ backupId, today }: { backupId: string; today: string }) {
  const form = useActionForm(recordRestoreTestAction, {
    initial: { testedOn: today, result: 'SUCCESS' },
    success: 'The restore test was recorded.',
  })
  return (
    <ActionForm
      form={form}
      failureTitle="The restore test was not recorded"
      aria-label="Record a restore test"
      idPrefix="restore-test"
    >
      <input type="hidden" name="backupId" value={backupId} />
      <div className="grid gap-x-4 sm:grid-cols-2">
        <Text name="testedOn" label="Date of the test" type="date" />
        <Text name="minutesTaken" label="Minutes it took" inputMode="numeric" />
      </div>
      <Text
        name="whatRestored"
        label="What was restored"
        hint='For example "the whole MIS database, to a test server".'
      />
      <Radios name="result" legend="Result" options={[...RESULTS]} fallback="SUCCESS" />
      <LongText name="notes" label="Notes" hint="What went wrong or what to improve." />
      <SubmitButton variant="secondary">Record restore test</SubmitButton>
    </ActionForm>
  )
}

/** Removes a restore test entered by mistake. */
export function RemoveRestoreTest({ id, label }: { id: string; label: string }) {
  const form = useActionForm(removeRestoreTestAction)
  return (
    <ActionForm form={form} failureTitle="Not removed" showSaved={false} className="inline">
      <input type="hidden" name="id" value={id} />
      {/* Named by aria-label: a visually hidden span is positioned against the page, not the table's
          scrolling box, and would push a phone's page sideways. */}
      <SubmitButton
        variant="secondary"
        className="min-h-8 px-3 py-1"
        pendingText="Removing…"
        aria-label={`Remove the restore test of ${label}`}
      >
        Remove
      </SubmitButton>
    </ActionForm>
  )
}
