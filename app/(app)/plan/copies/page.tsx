import type { Metadata } from 'next'
import Link from 'next/link'
import { type Column, DataTable } from '@/components/ui/data-table'
import { PageHeader } from '@/components/ui/page-header'
import { requireSchoolContext } from '@/lib/auth/context'
import { can } from '@/lib/auth/permissions'
import { listCopyHolders, listPlanCopies, type PlanCopyRow } from '@/lib/plan-versions/queries'
import { LOCATION_LABELS } from '@/lib/plan-versions/schema'
import { CopyForm } from './_components/copy-form'

export const metadata: Metadata = { title: 'Copies of the plan' }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function PlanCopiesPage({ searchParams }: Props) {
  const ctx = await requireSchoolContext('plan.draft')
  const archived = (await searchParams).show === 'archived'
  const edits = can(ctx.role, 'plan.publish')
  const [{ copies, current }, members] = await Promise.all([
    listPlanCopies(ctx.schoolId, { archived }),
    edits && !archived ? listCopyHolders(ctx.schoolId) : [],
  ])
  const outOfDate = copies.filter((c) => c.outOfDate).length
  const columns: Column<PlanCopyRow>[] = [
    {
      key: 'where',
      header: 'Where',
      cell: (c) =>
        edits ? (
          <Link href={`/plan/copies/${c.id}`} className="font-semibold text-brand-700 underline">
            {LOCATION_LABELS[c.location]}
          </Link>
        ) : (
          <span className="font-semibold">{LOCATION_LABELS[c.location]}</span>
        ),
    },
    {
      key: 'holder',
      header: 'Held by',
      cell: (c) => (
        <>
          {c.holder}
          {c.memberName && <span className="block text-slate-700">Team member: {c.memberName}</span>}
        </>
      ),
    },
    {
      key: 'version',
      header: 'Version held',
      cell: (c) => (
        <>
          {c.versionNumber === null ? 'Not known' : `Version ${c.versionNumber}`}
          {c.outOfDate && (
            <span className="block font-semibold text-red-800" data-testid="out-of-date">
              Out of date: replace it with version {current}
            </span>
          )}
        </>
      ),
    },
    {
      key: 'notes',
      header: 'Notes',
      hideOnPhone: true,
      cell: (c) => <span className="whitespace-pre-line break-words">{c.notes}</span>,
    },
  ]
  return (
    <>
      <PageHeader
        title="Copies of the plan"
        description="Who holds a copy of the plan and where: the grab bag, off site, the head teacher’s home, members’ phones. A copy older than the current version should be replaced."
      />
      <p className="mb-3 text-slate-700" data-testid="copies-summary">
        {current === null ? 'No version is approved yet.' : `The current plan is version ${current}.`}{' '}
        {!archived && outOfDate > 0 && (
          <strong className="text-red-800">
            {outOfDate} {outOfDate === 1 ? 'copy is' : 'copies are'} out of date.
          </strong>
        )}{' '}
        <Link
          href={archived ? '/plan/copies' : '/plan/copies?show=archived'}
          className="text-brand-700 underline"
        >
          {archived ? 'Copies held now' : 'Copies no longer held'}
        </Link>
      </p>
      <DataTable
        label="Copies of the plan"
        caption={archived ? 'Copies no longer held' : 'Copies of the plan held now'}
        columns={columns}
        rows={copies}
        rowKey={(c) => c.id}
        rowTestId={(c) => `copy-${c.id}`}
        empty={archived ? 'No copies are recorded as no longer held.' : 'No copies are recorded yet.'}
      />
      {edits && !archived && (
        <section
          aria-labelledby="new-copy-h"
          className="mt-6 rounded-lg border border-slate-300 bg-white p-4"
        >
          <h2 id="new-copy-h" className="mb-2 text-lg font-bold">
            Record a copy
          </h2>
          <CopyForm
            initial={{
              location: '',
              holder: '',
              teamMemberId: '',
              versionNumber: current ? String(current) : '',
              notes: '',
            }}
            members={members}
          />
        </section>
      )}
    </>
  )
}
