import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { ArchiveRecord } from '@/components/catalogue/archive-record'
import { PageHeader } from '@/components/ui/page-header'
import { requireSchoolContext } from '@/lib/auth/context'
import { archivePlanCopyAction, restorePlanCopyAction } from '@/lib/plan-versions/actions'
import { getPlanCopy, listCopyHolders } from '@/lib/plan-versions/queries'
import { LOCATION_LABELS } from '@/lib/plan-versions/schema'
import { CopyForm } from '../_components/copy-form'

export const metadata: Metadata = { title: 'Copy of the plan' }

export default async function PlanCopyPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireSchoolContext('plan.publish')
  const { id } = await params
  const [copy, members] = await Promise.all([getPlanCopy(ctx.schoolId, id), listCopyHolders(ctx.schoolId)])
  if (!copy) notFound()
  const name = `${LOCATION_LABELS[copy.location]}: ${copy.holder}`
  return (
    <>
      <PageHeader
        title={name}
        description={
          <Link href="/plan/copies" className="text-brand-700 underline">
            All copies
          </Link>
        }
      />
      {copy.archivedAt && <p className="mb-3 font-semibold">Recorded as no longer held.</p>}
      <section className="mb-6 rounded-lg border border-slate-300 bg-white p-4">
        <CopyForm
          id={copy.id}
          version={copy.version}
          members={members}
          initial={{
            location: copy.location,
            holder: copy.holder,
            teamMemberId: copy.teamMemberId ?? '',
            versionNumber: copy.versionNumber === null ? '' : String(copy.versionNumber),
            notes: copy.notes,
          }}
        />
      </section>
      <ArchiveRecord
        id={copy.id}
        version={copy.version}
        name="this copy"
        what="copy"
        archived={Boolean(copy.archivedAt)}
        archive={archivePlanCopyAction}
        restore={restorePlanCopyAction}
      />
    </>
  )
}
