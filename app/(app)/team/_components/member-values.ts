import { CONTACT_KEYS, ROLE_FIELD_PREFIX } from '@/lib/team/schema'

type Stored = {
  name: string
  jobTitle: string
  membershipId: string | null
  systemAccess: boolean
  roleIds: string[]
  mobile?: string
  otherPhone?: string
  personalEmail?: string
  outOfHoursNotes?: string
  fallbackContact?: string
}

/** A stored member as the strings the member form shows: one `role_<id>` checkbox per role held. */
export function toMemberValues(m: Stored): Record<string, string> {
  const out: Record<string, string> = {
    name: m.name,
    jobTitle: m.jobTitle,
    membershipId: m.membershipId ?? '',
    systemAccess: m.systemAccess ? 'yes' : 'no',
  }
  for (const k of CONTACT_KEYS) out[k] = m[k] ?? ''
  for (const id of m.roleIds) out[`${ROLE_FIELD_PREFIX}${id}`] = 'yes'
  return out
}

/** A member's contact details as the strings the contacts form shows. */
export function toContactValues(
  m: Partial<Record<(typeof CONTACT_KEYS)[number], string>>,
): Record<string, string> {
  return Object.fromEntries(CONTACT_KEYS.map((k) => [k, m[k] ?? '']))
}
