import type { Metadata } from 'next'
import Link from 'next/link'
import { PageHeader } from '@/components/ui/page-header'
import { requireSchoolContext } from '@/lib/auth/context'
import { ImportAssets } from './_components/import-assets'

export const metadata: Metadata = { title: 'Import assets' }

export default async function ImportAssetsPage() {
  await requireSchoolContext('catalogue.edit')
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/assets" className="text-brand-700 underline">
          Assets
        </Link>
      </p>
      <PageHeader
        title="Import an asset register"
        description="Bring in an existing asset spreadsheet. Save it as CSV with the columns of the template."
      />
      <p className="mb-4">
        <a href="/assets/import/template" className="font-semibold text-brand-700 underline" download>
          Download the template (CSV)
        </a>
        . Columns: name, type (hardware, software, network link, external service or supplier, data, staff,
        procedure, facility), location, specification, supplier, contract_ref, standby_arrangement,
        standby_verified_at (yyyy-mm-dd).
      </p>
      <ImportAssets />
    </>
  )
}
