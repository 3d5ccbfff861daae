import type { Role } from '@/lib/generated/prisma/enums'

/**
 * What each role may do, as data: the one place the portal's access rules live (domain.md, "Who may do
 * what"). MANAGER: everything in their school. HEAD: read everything, sign off reviews, approve plan
 * versions. TEAM: the published plan, their own assignments and profile, tick steps, acknowledge
 * versions; reads the catalogue. VIEWER: the published plan and reviews, and the catalogue.
 */
export const PERMISSIONS = {
  'school.read': ['MANAGER', 'HEAD', 'TEAM', 'VIEWER'],
  'school.manage': ['MANAGER'],
  'people.read': ['MANAGER', 'HEAD'],
  'people.manage': ['MANAGER'],
  'audit.read': ['MANAGER', 'HEAD'],
  'catalogue.read': ['MANAGER', 'HEAD', 'TEAM', 'VIEWER'],
  'catalogue.edit': ['MANAGER'],
  /** Contingency plans, their procedures, backups and restore tests, as drafted (not the published plan). */
  'contingency.read': ['MANAGER', 'HEAD'],
  'contingency.edit': ['MANAGER'],
  // The risk register is evidence a school is asked for (the DfE cyber standards): everyone who reads
  // the catalogue reads it (issue 9); only the service continuity manager changes it.
  'risks.read': ['MANAGER', 'HEAD', 'TEAM', 'VIEWER'],
  'risks.edit': ['MANAGER'],
  /** The published plan: the current approved version and earlier versions. */
  'plan.read': ['MANAGER', 'HEAD', 'TEAM', 'VIEWER'],
  /** The plan as it would be generated now, before it is published (the manager drafts, the head reads everything). */
  'plan.draft': ['MANAGER', 'HEAD'],
  /**
   * The contact sheet of a published plan (phones, personal e-mail): the team needs it to reach each other in
   * a disaster; a governor or auditor (VIEWER) reads the plan without it, as on the team pages.
   */
  'plan.contacts': ['MANAGER', 'HEAD', 'TEAM'],
  'plan.publish': ['MANAGER'],
  'plan.approve': ['HEAD'],
  'plan.acknowledge': ['MANAGER', 'TEAM'],
  'review.read': ['MANAGER', 'HEAD', 'VIEWER'],
  'review.edit': ['MANAGER'],
  'review.signoff': ['HEAD'],
  'assignments.read-own': ['MANAGER', 'TEAM'],
  'steps.tick': ['MANAGER', 'TEAM'],
  // The recovery team (lib/team). Who is in the team and which roles are uncovered: the manager and the
  // head ("read everything"). Contact details are personal data, a separate permission so that a page
  // opened to more roles later still leaves them out; a governor or auditor (VIEWER) never needs them.
  // Everyone who may be in the team keeps their own contact details up to date ("their own profile").
  'team.read': ['MANAGER', 'HEAD'],
  'team.contacts': ['MANAGER', 'HEAD'],
  'team.edit': ['MANAGER'],
  'team.profile': ['MANAGER', 'HEAD', 'TEAM'],
} as const satisfies Record<string, readonly Role[]>

export type Permission = keyof typeof PERMISSIONS

export const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as Permission[]

/** True when the role holds the permission. Unknown roles or permissions hold nothing. */
export function can(role: Role | null | undefined, permission: Permission): boolean {
  if (!role) return false
  const roles: readonly Role[] | undefined = PERMISSIONS[permission]
  return roles?.includes(role) ?? false
}

export const ROLE_LABELS: Record<Role, string> = {
  MANAGER: 'Service continuity manager',
  TEAM: 'Recovery team member',
  HEAD: 'Head teacher',
  VIEWER: 'Read-only viewer',
}

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  MANAGER: 'Owns the plan: edits everything, publishes versions, manages people.',
  TEAM: 'Sees the published plan and their own recovery steps; acknowledges each version.',
  HEAD: 'Reads everything; signs off reviews and approves plan versions.',
  VIEWER: 'Governor, auditor or adviser: reads the published plan and reviews.',
}
