import type { Permission } from '@/lib/auth/permissions'

/** The portal's sections, each shown only to roles holding its permission. */
export const NAV_ITEMS: { href: string; label: string; permission: Permission }[] = [
  { href: '/', label: 'Dashboard', permission: 'school.read' },
  { href: '/my-steps', label: 'My steps', permission: 'assignments.read-own' },
  { href: '/services', label: 'Services', permission: 'catalogue.read' },
  { href: '/assets', label: 'Assets', permission: 'catalogue.read' },
  { href: '/dependencies', label: 'Dependencies', permission: 'catalogue.read' },
  { href: '/contingency', label: 'Contingency plans', permission: 'contingency.read' },
  // The live draft for the manager and head teacher; the approved version for everyone else (issue 11).
  { href: '/plan', label: 'Recovery plan', permission: 'plan.read' },
  { href: '/backups', label: 'Backups', permission: 'contingency.read' },
  { href: '/coverage', label: 'Coverage', permission: 'contingency.read' },
  { href: '/risks', label: 'Risks', permission: 'risks.read' },
  { href: '/reviews', label: 'Reviews', permission: 'review.read' },
  { href: '/people', label: 'People', permission: 'people.read' },
  // A team member's link opens their own details (app/(app)/team/page.tsx sends them there).
  { href: '/team', label: 'Recovery team', permission: 'team.profile' },
  { href: '/activity', label: 'Activity', permission: 'audit.read' },
]
