/*
 * Whether a member's NCSC cyber security training is in place. The DfE risk protection arrangement
 * expects every member of staff and governor with access to the school's systems to have taken the
 * NCSC's "Cyber security training for school staff"; the portal flags members with system access and no
 * record of it, and records older than a year (it is meant to be refreshed each year).
 */

export type TrainingStatus = 'NOT_NEEDED' | 'MISSING' | 'DUE' | 'CURRENT'

/** How long an NCSC training record counts before the portal asks for it to be refreshed. */
export const NCSC_VALID_DAYS = 365

const DAY = 86_400_000

export function ncscTrainingStatus(
  member: { systemAccess: boolean },
  records: readonly { kind: string; heldOn: Date }[],
  now: Date,
): { status: TrainingStatus; last: Date | null } {
  const last =
    records
      .filter((r) => r.kind === 'NCSC_CYBER')
      .map((r) => r.heldOn)
      .sort((a, b) => b.getTime() - a.getTime())[0] ?? null
  if (!member.systemAccess) return { status: 'NOT_NEEDED', last }
  if (!last) return { status: 'MISSING', last }
  return { status: now.getTime() - last.getTime() > NCSC_VALID_DAYS * DAY ? 'DUE' : 'CURRENT', last }
}

export const TRAINING_STATUS_LABELS: Record<TrainingStatus, string> = {
  NOT_NEEDED: 'Not needed (no system access)',
  MISSING: 'No NCSC training recorded',
  DUE: 'NCSC training over a year old',
  CURRENT: 'NCSC training in date',
}
