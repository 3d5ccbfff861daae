'use client'
import { ActionForm } from '@/components/forms/action-form'
import { Text } from '@/components/forms/fields'
import { useActionForm } from '@/components/forms/use-action-form'
import { SubmitButton } from '@/components/ui/submit-button'
import { setRiskAppetiteAction } from '@/lib/risks/actions'
import { APPETITE_MAX, APPETITE_MIN } from '@/lib/risks/scoring'

const GROUPS = [{ key: 'appetite', label: 'Risk appetite', keys: ['appetite'] as const }]

export function AppetiteForm({ appetite, version }: { appetite: number; version: number }) {
  const form = useActionForm(setRiskAppetiteAction, {
    initial: { appetite: String(appetite) },
    version,
    groups: GROUPS,
    toValues: (current: { riskAppetite: number }) => ({ appetite: String(current.riskAppetite) }),
    success: 'The risk appetite was saved.',
  })
  return (
    <ActionForm form={form} failureTitle="The risk appetite was not saved">
      <div className="max-w-xs">
        <Text
          name="appetite"
          label="Risk appetite (score)"
          inputMode="numeric"
          hint={`From ${APPETITE_MIN} to ${APPETITE_MAX}. Open risks scoring more than this stand out as needing action.`}
        />
      </div>
      <SubmitButton>Save appetite</SubmitButton>
    </ActionForm>
  )
}
