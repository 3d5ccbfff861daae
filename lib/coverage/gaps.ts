/*
 * The gaps in a school's preparedness, as one list a manager can work through (issue 10, item 7): what
 * would leave the school stuck on the day, each with what to do about it in plain words. Pure: the view
 * query (`queries.ts`) passes plain rows read from the contingency, team and backups domains, and the
 * rules those domains own (role coverage, off-site contacts, NCSC training, 3-2-1, restore tests) decide
 * each item; this file only gathers them and says what to do.
 */
import type { RestoreStatus } from '@/lib/backups/restore-status'
import type { ThreeTwoOne } from '@/lib/backups/three-two-one'
import { hasOffSiteContact } from '@/lib/team/contacts'
import type { CoverageStatus } from '@/lib/team/coverage'
import { ncscTrainingStatus } from '@/lib/team/training'

export type GapKind =
  | 'SERVICE_NO_PLAN'
  | 'PLAN_NO_STEPS'
  | 'STEP_NOBODY'
  | 'NO_MANAGER'
  | 'NO_DEPUTY'
  | 'SINGLE_HOLDER'
  | 'NO_OFFSITE_CONTACT'
  | 'BACKUP_321'
  | 'RESTORE_UNTESTED'
  | 'NO_CYBER_TRAINING'

/** The order the report lists them in: people first (nobody to act), then plans, then backups, then training. */
export const GAP_KINDS: readonly GapKind[] = [
  'NO_MANAGER',
  'NO_DEPUTY',
  'SERVICE_NO_PLAN',
  'PLAN_NO_STEPS',
  'STEP_NOBODY',
  'SINGLE_HOLDER',
  'NO_OFFSITE_CONTACT',
  'BACKUP_321',
  'RESTORE_UNTESTED',
  'NO_CYBER_TRAINING',
]

export const GAP_TITLES: Record<GapKind, string> = {
  NO_MANAGER: 'No service continuity manager',
  NO_DEPUTY: 'No deputy appointed',
  SERVICE_NO_PLAN: 'Services with no contingency plan',
  PLAN_NO_STEPS: 'Plans with no steps',
  STEP_NOBODY: 'Steps nobody can carry out',
  SINGLE_HOLDER: 'Roles held by only one person',
  NO_OFFSITE_CONTACT: 'Members with no off-site contact',
  BACKUP_321: 'Backups that break 3-2-1',
  RESTORE_UNTESTED: 'Backups not restore-tested',
  NO_CYBER_TRAINING: 'Staff with system access and no cyber training',
}

/** Why each kind matters, one sentence, shown under its heading. */
export const GAP_WHY: Record<GapKind, string> = {
  NO_MANAGER: 'Someone must lead the response and keep the plan up to date.',
  NO_DEPUTY: 'If the service continuity manager is away on the day, nobody is named to take over.',
  SERVICE_NO_PLAN: 'Nobody has written down how the school keeps going when these services fail.',
  PLAN_NO_STEPS: 'A plan with no steps does not say what anyone should do.',
  STEP_NOBODY: 'On the day these steps would wait for someone who does not exist.',
  SINGLE_HOLDER: 'If that one person is ill or away, nobody else knows the job.',
  NO_OFFSITE_CONTACT:
    "The school's own phones and e-mail may be what failed: these members could not be reached.",
  BACKUP_321:
    'Keep three copies on two kinds of media, one off site and one offline (DfE cyber security standards).',
  RESTORE_UNTESTED: 'A backup is only known to work once the data has been restored from it.',
  NO_CYBER_TRAINING:
    "The risk protection arrangement expects everyone using the school's systems to take the NCSC's training.",
}

export type Gap = {
  kind: GapKind
  /** What it is about: the service, plan, step, role, member or data. */
  subject: string
  /** Where it is (the plan a step belongs to), when that helps. */
  context?: string
  /** What to do, in plain words. */
  action: string
  /** Where to fix it, and the link's words ("Open the plan"). */
  href: string
  fix: string
}

export type CoverageInput = {
  today: Date
  services: { id: string; name: string; plans: { id: string; name: string; steps: number }[] }[]
  /** Steps of live plans and of live assets' restore procedures. */
  steps: {
    id: string
    number: number
    instruction: string
    roleId: string | null
    where: { kind: 'plan' | 'restore'; id: string; name: string }
  }[]
  roles: {
    roleId: string
    name: string
    builtIn: string | null
    archived: boolean
    status: CoverageStatus
    holders: { id: string; name: string }[]
  }[]
  /** Current members (not left). */
  members: {
    id: string
    name: string
    mobile: string
    otherPhone: string
    personalEmail: string
    systemAccess: boolean
    training: { kind: string; heldOn: Date }[]
  }[]
  data: {
    kind: 'asset' | 'service'
    id: string
    name: string
    backups: { id: string }[]
    rule: ThreeTwoOne
    restore: RestoreStatus
  }[]
  restoreTestMonths: number
  formatDate: (d: Date) => string
}

const short = (s: string, n = 80) => (s.length > n ? `${s.slice(0, n - 1)}…` : s)
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

/** Every gap, grouped by kind in the report's order; each kind's items by name. */
export function findGaps(input: CoverageInput): Gap[] {
  const gaps: Omit<Gap, 'fix'>[] = []
  const live = input.roles.filter((r) => !r.archived)
  const manager = live.find((r) => r.builtIn === 'CONTINUITY_MANAGER')
  const deputy = live.find((r) => r.builtIn === 'DEPUTY_CONTINUITY_MANAGER')

  for (const [role, kind, who] of [
    [manager, 'NO_MANAGER', 'the service continuity manager'],
    [deputy, 'NO_DEPUTY', 'deputy service continuity manager'],
  ] as const) {
    if (role && role.holders.length > 0) continue
    gaps.push({
      kind,
      subject: role?.name ?? (kind === 'NO_MANAGER' ? 'Service continuity manager' : 'Deputy'),
      action:
        kind === 'NO_MANAGER'
          ? `Give the role of ${who} to a member of the team (open their page and tick the role).`
          : `Appoint a ${who}: open a team member's page and tick the role, or add a new member with it.`,
      href: role ? `/team/roles/${role.roleId}` : '/team/roles',
    })
  }

  for (const s of input.services)
    if (s.plans.length === 0)
      gaps.push({
        kind: 'SERVICE_NO_PLAN',
        subject: s.name,
        action: 'Write a contingency plan: how the school copes while it is down and how it comes back.',
        href: `/contingency/new?serviceId=${encodeURIComponent(s.id)}`,
      })

  for (const s of input.services)
    for (const p of s.plans)
      if (p.steps === 0)
        gaps.push({
          kind: 'PLAN_NO_STEPS',
          subject: p.name,
          context: s.name,
          action: 'Add the steps: what to do, in order, and which role does each.',
          href: `/contingency/${p.id}`,
        })

  const roleById = new Map(input.roles.map((r) => [r.roleId, r]))
  for (const st of input.steps) {
    const role = st.roleId ? roleById.get(st.roleId) : undefined
    if (role && !role.archived && role.holders.length > 0) continue
    const href = st.where.kind === 'plan' ? `/contingency/${st.where.id}` : `/backups/restore/${st.where.id}`
    const context = `${st.where.kind === 'plan' ? 'Plan' : 'Restore procedure'}: ${st.where.name}, step ${st.number}`
    gaps.push(
      !role || role.archived
        ? {
            kind: 'STEP_NOBODY',
            subject: short(st.instruction),
            context,
            action: role
              ? `Its role "${role.name}" is retired: give the step to a live role.`
              : 'Give the step a role, so someone knows it is theirs.',
            href,
          }
        : {
            kind: 'STEP_NOBODY',
            subject: short(st.instruction),
            context,
            action: `Nobody holds the role "${role.name}": give it to a member of the team.`,
            href: `/team/roles/${role.roleId}`,
          },
    )
  }

  for (const r of live)
    if (r.holders.length === 1)
      gaps.push({
        kind: 'SINGLE_HOLDER',
        subject: r.name,
        context: `Held by ${r.holders[0]!.name}`,
        action: 'Train a second person for this role and give it to them as well.',
        href: `/team/roles/${r.roleId}`,
      })

  for (const m of input.members)
    if (!hasOffSiteContact(m))
      gaps.push({
        kind: 'NO_OFFSITE_CONTACT',
        subject: m.name,
        action: 'Add a mobile, another phone or a personal e-mail that works when the school is down.',
        href: `/team/${m.id}`,
      })

  for (const d of input.data) {
    const href = `/backups?check=restore&q=${encodeURIComponent(d.name)}`
    if (!d.rule.ok)
      gaps.push({
        kind: 'BACKUP_321',
        subject: d.name,
        context: plural(d.backups.length, 'backup copy', 'backup copies'),
        action: d.rule.problems.join(' '),
        href:
          d.backups.length === 0
            ? `/backups/new?subject=${encodeURIComponent(`${d.kind}:${d.id}`)}`
            : `/backups?check=three-two-one&q=${encodeURIComponent(d.name)}`,
      })
    if (d.backups.length > 0 && d.restore.kind !== 'CURRENT')
      gaps.push({
        kind: 'RESTORE_UNTESTED',
        subject: d.name,
        context:
          d.restore.kind === 'NEVER'
            ? 'Never restore-tested'
            : `Last restored ${input.formatDate(d.restore.lastSuccess)}`,
        action:
          d.restore.kind === 'NEVER'
            ? 'Restore from a backup to check it works, then record the test.'
            : `Restore from a backup again (the school tests every ${plural(input.restoreTestMonths, 'month')}) and record it.`,
        href,
      })
  }

  for (const m of input.members) {
    const t = ncscTrainingStatus(m, m.training, input.today)
    if (t.status === 'MISSING')
      gaps.push({
        kind: 'NO_CYBER_TRAINING',
        subject: m.name,
        action: "Ask them to take the NCSC's cyber security training for school staff, then record it.",
        href: `/team/${m.id}`,
      })
  }

  const rank = new Map(GAP_KINDS.map((k, i) => [k, i]))
  return gaps
    .map((g, i) => ({ g: { ...g, fix: fixLabel(g.href) }, i }))
    .sort((a, b) => rank.get(a.g.kind)! - rank.get(b.g.kind)! || a.i - b.i)
    .map(({ g }) => g)
}

/** The words of a gap's link, from where it goes. */
function fixLabel(href: string): string {
  if (href.startsWith('/contingency/new')) return 'Write a plan'
  if (href.startsWith('/contingency/')) return 'Open the plan'
  if (href.startsWith('/team/roles')) return 'Open the role'
  if (href.startsWith('/team/')) return 'Open their page'
  if (href.startsWith('/backups/new')) return 'Record a backup'
  if (href.startsWith('/backups/restore/')) return 'Open the restore procedure'
  return 'Open the backups'
}

/** How many gaps of each kind (every kind present, zero when none). */
export function countGaps(gaps: readonly Gap[]): Record<GapKind, number> {
  const counts = Object.fromEntries(GAP_KINDS.map((k) => [k, 0])) as Record<GapKind, number>
  for (const g of gaps) counts[g.kind]++
  return counts
}
