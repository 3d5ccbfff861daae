import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { ServicePlansSection } from '@/components/contingency/service-plans-section'
import { ThreateningRisks } from '@/components/risks/threatening-risks'
import { PageHeader } from '@/components/ui/page-header'
import { requireSchoolContext } from '@/lib/auth/context'
import { can } from '@/lib/auth/permissions'
import { getServicePage } from '@/lib/services/queries'
import { ChangeSection } from './_components/change-section'
import { DependenciesSection } from './_components/dependencies-section'
import { ImpactSection } from './_components/impact-section'
import { StatusSection } from './_components/status-section'

export const metadata: Metadata = { title: 'Service' }

export default async function ServicePage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireSchoolContext('catalogue.read')
  const { id } = await params
  const edit = can(ctx.role, 'catalogue.edit')
  const page = await getServicePage(ctx, id)
  if (!page) notFound()
  const { view, risks, plans } = page
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/services" className="text-brand-700 underline">
          Services
        </Link>
      </p>
      <PageHeader title={view.service.name} description={view.service.description || undefined} />
      <StatusSection view={view} />
      <ImpactSection service={view.service} impacts={view.impacts} />
      <DependenciesSection
        serviceId={view.service.id}
        deps={view.deps}
        linkOptions={view.linkOptions}
        archived={view.archived}
        edit={edit}
      />
      {plans && (
        <ServicePlansSection
          serviceId={id}
          plans={plans}
          edit={can(ctx.role, 'contingency.edit') && !view.archived}
        />
      )}
      {risks && <ThreateningRisks risks={risks} what="service" />}
      {edit && <ChangeSection view={view} />}
    </>
  )
}
