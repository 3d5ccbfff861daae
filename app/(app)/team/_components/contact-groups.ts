import type { CompareGroup } from '@/components/forms/use-action-form'
import type { ContactData } from '@/lib/team/schema'

/** The contact fields as the person sees them, for comparing after someone else saved. */
export const CONTACT_GROUPS: CompareGroup<keyof ContactData>[] = [
  { key: 'mobile', label: 'Mobile', keys: ['mobile'] },
  { key: 'otherPhone', label: 'Other phone', keys: ['otherPhone'] },
  { key: 'personalEmail', label: 'Personal e-mail', keys: ['personalEmail'] },
  { key: 'outOfHoursNotes', label: 'Out-of-hours notes', keys: ['outOfHoursNotes'] },
  { key: 'fallbackContact', label: 'If they do not answer, call', keys: ['fallbackContact'] },
]
