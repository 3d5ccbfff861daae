import type { Metadata } from 'next'
import Link from 'next/link'
import { redirect } from 'next/navigation'
import { buttonClass } from '@/components/ui/button'
import { type Column, DataTable } from '@/components/ui/data-table'
import { FilterBar } from '@/components/ui/filter-bar'
import { Notice } from '@/components/ui/notice'
import { PageHeader } from '@/components/ui/page-header'
import { Pagination } from '@/components/ui/pagination'
import { getSchoolContext, requireSchoolContext } from '@/lib/auth/context'
import { can } from '@/lib/auth/permissions'
import { coverageGaps } from '@/lib/team/coverage'
import { teamListParamsSchema } from '@/lib/team/list-params'
import { listRoleCoverage, listTeam, type TeamRow } from '@/lib/team/queries'
import { parseSearchParams, type RawSearchParams } from '@/lib/validation/search-params'
import { TrainingBadge } from './_components/coverage-badge'

export const metadata: Metadata = { title: 'Recovery team' }

function columns(contacts: boolean): Column<TeamRow>[] {
  return [
    {
      key: 'name',
      header: 'Name',
      cell: (r) => (
        <>
          <Link href={`/team/${r.id}`} className="font-semibold text-brand-700 underline">
            {r.name}
          </Link>
          {r.left && <span className="ml-2 rounded bg-slate-200 px-1.5 text-sm">Left</span>}
          {r.jobTitle && <span className="block text-slate-700">{r.jobTitle}</span>}
        </>
      ),
    },
    {
      key: 'roles',
      header: 'Roles',
      cell: (r) => (r.roles.length ? r.roles.join(', ') : <em>No role yet</em>),
    },
    ...(contacts
      ? [
          {
            key: 'mobile',
            header: 'Mobile',
            hideOnPhone: true,
            cell: (r: TeamRow) =>
              r.mobile ? (
                <a href={`tel:${r.mobile.replace(/\s/g, '')}`} className="text-brand-700 underline">
                  {r.mobile}
                </a>
              ) : r.offSite ? (
                'Other contact recorded'
              ) : (
                <strong className="text-red-800">No off-site contact</strong>
              ),
          },
        ]
      : []),
    { key: 'training', header: 'Cyber training', cell: (r) => <TrainingBadge status={r.training.status} /> },
    {
      key: 'login',
      header: 'Portal login',
      hideOnPhone: true,
      cell: (r) => (r.hasLogin ? 'Linked' : 'None'),
    },
  ]
}

export default async function TeamPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  // A team member's way in is their own page; the whole team is for the manager and the head.
  const maybe = await getSchoolContext()
  if (maybe && !can(maybe.role, 'team.read') && can(maybe.role, 'team.profile')) redirect('/team/me')
  const ctx = await requireSchoolContext('team.read')
  const p = parseSearchParams(teamListParamsSchema, await searchParams)
  const contacts = can(ctx.role, 'team.contacts')
  const edit = can(ctx.role, 'team.edit')
  const [list, coverage] = await Promise.all([
    listTeam(ctx.schoolId, p, { contacts }),
    listRoleCoverage(ctx.schoolId),
  ])
  const gaps = coverageGaps(coverage)
  const liveRoles = coverage.filter((c) => !c.archived)
  const params = {
    q: p.q,
    role: p.role,
    status: p.status === 'current' ? undefined : p.status,
    untrained: p.untrained ? '1' : undefined,
  }
  return (
    <>
      <PageHeader
        title="Recovery team"
        description="The people who carry out the plan, the roles they hold, how to reach them when the school is down, and their training."
        actions={
          <>
            {edit && (
              <Link href="/team/new" className={buttonClass('primary')}>
                Add a member
              </Link>
            )}
            <Link href="/team/roles" className={buttonClass('secondary')}>
              Roles and cover
            </Link>
            <Link href="/team/me" className={buttonClass('secondary')}>
              My details
            </Link>
          </>
        }
      />
      {(gaps.uncovered.length > 0 || gaps.single.length > 0) && (
        <Notice tone="warning" title="Gaps in the team">
          <ul className="list-disc pl-5">
            {gaps.uncovered.length > 0 && (
              <li>Nobody holds {gaps.uncovered.map((g) => g.name).join(', ')}.</li>
            )}
            {gaps.single.length > 0 && (
              <li>Only one person holds {gaps.single.map((g) => g.name).join(', ')}.</li>
            )}
          </ul>
          <Link href="/team/roles" className="underline">
            See the roles and who covers them
          </Link>
        </Notice>
      )}
      <FilterBar
        label="Filter the team"
        clearHref="/team"
        active={Boolean(p.q || p.role || p.status !== 'current' || p.untrained)}
        fields={[
          { kind: 'search', name: 'q', label: 'Search', value: p.q },
          {
            kind: 'select',
            name: 'role',
            label: 'Role',
            value: p.role,
            options: [
              { value: '', label: 'Any role' },
              ...liveRoles.map((r) => ({ value: r.roleId, label: r.name })),
            ],
          },
          {
            kind: 'select',
            name: 'status',
            label: 'Show',
            value: params.status,
            options: [
              { value: '', label: 'Current members' },
              { value: 'left', label: 'Members who have left' },
              { value: 'all', label: 'Everyone' },
            ],
          },
          { kind: 'checkbox', name: 'untrained', label: 'No NCSC cyber training', checked: p.untrained },
        ]}
      />
      <p className="mb-2 text-sm text-slate-700" aria-live="polite">
        {list.total} member{list.total === 1 ? '' : 's'}
      </p>
      <DataTable
        label="Recovery team"
        caption="Recovery team members"
        columns={columns(contacts)}
        rows={list.rows}
        rowKey={(r) => r.id}
        empty={<>Nobody matches.{edit && ' Add the people who carry out the plan.'}</>}
      />
      <Pagination page={list.page} pages={list.pages} basePath="/team" params={params} />
    </>
  )
}
