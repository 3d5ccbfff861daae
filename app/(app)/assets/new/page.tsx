import type { Metadata } from 'next'
import Link from 'next/link'
import { PageHeader } from '@/components/ui/page-header'
import { listAssetOptions } from '@/lib/assets/queries'
import { requireSchoolContext } from '@/lib/auth/context'
import { AssetForm } from '../_components/asset-form'

export const metadata: Metadata = { title: 'Add an asset' }

export default async function NewAssetPage() {
  const ctx = await requireSchoolContext('catalogue.edit')
  const assets = await listAssetOptions(ctx.schoolId)
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/assets" className="text-brand-700 underline">
          Back to assets
        </Link>
      </p>
      <PageHeader
        title="Add an asset"
        description="Record something a service relies on. You can link it to other assets and services once it is saved."
      />
      <div className="max-w-xl rounded-lg border border-slate-300 bg-white p-4">
        <AssetForm initial={{}} standbyOptions={assets.map((a) => ({ value: a.id, label: a.name }))} />
      </div>
    </>
  )
}
