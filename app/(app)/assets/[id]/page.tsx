import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { AssetBackupsSection } from '@/components/backups/asset-backups-section'
import { ThreateningRisks } from '@/components/risks/threatening-risks'
import { PageHeader } from '@/components/ui/page-header'
import { getAssetView } from '@/lib/assets/queries'
import { assetTypeLabel } from '@/lib/assets/schema'
import { requireSchoolContext } from '@/lib/auth/context'
import { can } from '@/lib/auth/permissions'
import { getSubjectBackups } from '@/lib/backups/queries'
import { countRestoreSteps } from '@/lib/contingency/queries'
import { listRisksThreatening } from '@/lib/risks/queries'
import { AffectedSection } from './_components/affected-section'
import { ChangeSection } from './_components/change-section'
import { DependenciesSection, NeededBySection } from './_components/dependencies-section'
import { DetailsSection } from './_components/details-section'
import { StandbySection } from './_components/standby-section'
import { SpofBadge, StatusSection } from './_components/status-section'

export const metadata: Metadata = { title: 'Asset' }

export default async function AssetPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireSchoolContext('catalogue.read')
  const { id } = await params
  const edit = can(ctx.role, 'catalogue.edit')
  const [view, risks] = await Promise.all([
    getAssetView(ctx.schoolId, id, ctx.timeZone, { edit }),
    can(ctx.role, 'risks.read') ? listRisksThreatening(ctx.schoolId, { assetId: id }) : null,
  ])
  if (!view) notFound()
  const { asset, archived } = view
  // Backups and the restore procedure: drafts of the plan, for those who may read them.
  const backups = can(ctx.role, 'contingency.read')
    ? await Promise.all([
        getSubjectBackups(ctx.schoolId, { assetId: asset.id }, asset.name),
        countRestoreSteps(ctx.schoolId, asset.id),
      ])
    : null
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/assets" className="text-brand-700 underline">
          Back to assets
        </Link>
      </p>
      <PageHeader
        title={asset.name}
        description={assetTypeLabel(asset.type)}
        actions={view.spofServices && <SpofBadge />}
      />
      <StatusSection view={view} timeZone={ctx.timeZone} />
      <div className="grid gap-6 lg:grid-cols-2">
        <DetailsSection asset={asset} timeZone={ctx.timeZone} />
        <StandbySection view={view} timeZone={ctx.timeZone} />
      </div>
      {!archived && (
        <>
          <AffectedSection affected={view.affected} />
          <div className="mt-6 grid gap-6 lg:grid-cols-2">
            <DependenciesSection view={view} edit={edit} />
            <NeededBySection view={view} />
          </div>
        </>
      )}
      {backups && (
        <AssetBackupsSection
          assetId={asset.id}
          backups={backups[0]}
          restoreSteps={backups[1]}
          isData={asset.type === 'DATA'}
          edit={can(ctx.role, 'contingency.edit') && !archived}
        />
      )}
      {risks && <ThreateningRisks risks={risks} what="asset" />}
      {edit && <ChangeSection view={view} />}
    </>
  )
}
