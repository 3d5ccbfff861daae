import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { StepsSection } from '@/components/contingency/steps-section'
import { Notice } from '@/components/ui/notice'
import { PageHeader } from '@/components/ui/page-header'
import { requireSchoolContext } from '@/lib/auth/context'
import { can } from '@/lib/auth/permissions'
import { getRestoreProcedure } from '@/lib/contingency/queries'

export const metadata: Metadata = { title: 'Restore procedure' }

export default async function RestoreProcedurePage({ params }: { params: Promise<{ assetId: string }> }) {
  const ctx = await requireSchoolContext('contingency.read')
  const { assetId } = await params
  const edit = can(ctx.role, 'contingency.edit')
  const view = await getRestoreProcedure(ctx.schoolId, assetId, { edit })
  if (!view) notFound()
  const archived = Boolean(view.asset.archivedAt)
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/backups" className="text-brand-700 underline">
          Backups
        </Link>{' '}
        ·{' '}
        <Link href={`/assets/${view.asset.id}`} className="text-brand-700 underline">
          {view.asset.name}
        </Link>
      </p>
      <PageHeader
        title={`Restoring ${view.asset.name}`}
        description="The steps to bring this asset back, in order, each with the recovery role that carries it out."
      />
      {archived && (
        <Notice tone="warning" title="Archived">
          This asset is archived and left out of the recovery plan.
        </Notice>
      )}
      <StepsSection
        title="Restore procedure"
        procedure={view.procedure}
        owner={{ assetId: view.asset.id }}
        roles={view.roles}
        edit={edit && !archived}
      />
    </>
  )
}
