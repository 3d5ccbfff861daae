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
        description="Bring in an existing asset spreadsheet, saved as CSV."
      />
      <p className="mb-4">
        <a href="/assets/import/template" className="font-semibold text-brand-700 underline" download>
          Download the template (CSV)
        </a>
        . Columns: name, type (hardware, software, network link, external service or supplier, data, staff,
        procedure, facility), location, specification, supplier, contract reference, standby arrangement and
        the date the standby was last verified (23/11/2026 or 2026-11-23). Your own headings will do
        (&ldquo;Asset name&rdquo;, &ldquo;Room&rdquo;, &ldquo;Vendor&rdquo;, &ldquo;Last verified&rdquo; …):
        the check shows which column was read as what. From Excel or Google Sheets, save the sheet as CSV
        UTF-8 first.
      </p>
      <ImportAssets />
    </>
  )
}
