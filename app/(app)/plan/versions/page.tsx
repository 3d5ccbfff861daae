import type { Metadata } from 'next'
import Link from 'next/link'
import { Fingerprint } from '@/components/plan-versions/fingerprint'
import { type Column, DataTable } from '@/components/ui/data-table'
import { Notice } from '@/components/ui/notice'
import { PageHeader } from '@/components/ui/page-header'
import { requireSchoolContext } from '@/lib/auth/context'
import { can } from '@/lib/auth/permissions'
import { formatDateTime } from '@/lib/format'
import { listPlanVersions, type PlanVersionRow } from '@/lib/plan-versions/queries'
import { describeStanding } from '@/lib/plan-versions/standing'
import { PublishForm } from './_components/version-forms'

export const metadata: Metadata = { title: 'Plan versions' }

export default async function PlanVersionsPage() {
  const ctx = await requireSchoolContext('plan.read')
  const drafts = can(ctx.role, 'plan.draft')
  const { versions, current } = await listPlanVersions(ctx.schoolId, { approvedOnly: !drafts })
  const awaiting = versions.filter((v) => v.status === 'SUBMITTED')
  const when = (d: Date | null) => (d ? formatDateTime(d, ctx.timeZone) : '')
  const columns: Column<PlanVersionRow>[] = [
    {
      key: 'number',
      header: 'Version',
      cell: (v) => (
        <Link href={`/plan/versions/${v.number}`} className="font-semibold text-brand-700 underline">
          Version {v.number}
        </Link>
      ),
    },
    {
      key: 'status',
      header: 'Status',
      cell: (v) => (
        <>
          <span className={v.standing.kind === 'CURRENT' ? 'font-semibold' : ''}>
            {describeStanding(v.standing)}
          </span>
          {v.status === 'RETURNED' && v.decisionComment && (
            <span className="block whitespace-pre-line break-words text-slate-700">
              “{v.decisionComment}”
            </span>
          )}
        </>
      ),
    },
    {
      key: 'published',
      header: 'Published',
      cell: (v) => (
        <>
          {v.publishedByName}
          <span className="block text-slate-700">{when(v.publishedAt)}</span>
        </>
      ),
    },
    {
      key: 'decided',
      header: 'Approved or returned',
      hideOnPhone: true,
      cell: (v) =>
        v.decidedByName ? (
          <>
            {v.decidedByName}
            <span className="block text-slate-700">{when(v.decidedAt)}</span>
          </>
        ) : (
          'Not yet'
        ),
    },
    { key: 'gaps', header: 'Gaps', hideOnPhone: true, cell: (v) => v.gapCount },
    {
      key: 'fingerprint',
      header: 'Fingerprint',
      hideOnPhone: true,
      cell: (v) => <Fingerprint hex={v.fingerprint} short />,
    },
  ]
  return (
    <>
      <PageHeader
        title="Plan versions"
        description="Each published version of the recovery plan, frozen as it was published. The head teacher approves a version; the newest approved version is the current plan."
      />
      {can(ctx.role, 'plan.approve') && awaiting.length > 0 && (
        <Notice tone="warning" title="Awaiting your approval">
          {awaiting.map((v) => (
            <p key={v.id}>
              <Link href={`/plan/versions/${v.number}`} className="font-semibold underline">
                Version {v.number}
              </Link>{' '}
              was published by {v.publishedByName} on {when(v.publishedAt)}: approve it or return it with
              comments.
            </p>
          ))}
        </Notice>
      )}
      {can(ctx.role, 'plan.publish') && (
        <section aria-labelledby="publish-h" className="mb-6 rounded-lg border border-slate-300 bg-white p-4">
          <h2 id="publish-h" className="text-lg font-bold">
            Publish the plan
          </h2>
          <p className="mb-3 max-w-prose text-slate-700">
            Freezes the{' '}
            <Link href="/plan" className="text-brand-700 underline">
              plan as it stands now
            </Link>{' '}
            as the next version and sends it to the head teacher for approval. Published versions never
            change.
          </p>
          <PublishForm />
        </section>
      )}
      <p className="mb-3 text-slate-700" data-testid="current-version">
        {current === null
          ? 'No version of the plan has been approved yet.'
          : `The current plan is version ${current}.`}{' '}
        {versions.length > 1 && (
          <Link
            href={`/plan/compare?from=${versions[1]!.number}&to=${versions[0]!.number}`}
            className="text-brand-700 underline"
          >
            Compare versions
          </Link>
        )}
        {can(ctx.role, 'plan.draft') && (
          <>
            {versions.length > 1 ? ' · ' : ' '}
            <Link href="/plan/copies" className="text-brand-700 underline">
              Copies of the plan
            </Link>
          </>
        )}
      </p>
      <DataTable
        label="Plan versions"
        caption="Published versions of the recovery plan, newest first"
        columns={columns}
        rows={versions}
        rowKey={(v) => v.id}
        rowTestId={(v) => `version-${v.number}`}
        empty={
          drafts ? 'No version has been published yet.' : 'No version of the plan has been approved yet.'
        }
      />
    </>
  )
}
