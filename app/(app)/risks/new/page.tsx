import type { Metadata } from 'next'
import { LoadDefaults } from '@/components/risks/load-defaults'
import { Notice } from '@/components/ui/notice'
import { PageHeader } from '@/components/ui/page-header'
import { requireSchoolContext } from '@/lib/auth/context'
import { getRiskFormOptions } from '@/lib/risks/queries'
import { RiskForm } from '../_components/risk-form'

export const metadata: Metadata = { title: 'Add a risk' }

export default async function NewRiskPage() {
  const ctx = await requireSchoolContext('risks.edit')
  const options = await getRiskFormOptions(ctx.schoolId)
  return (
    <>
      <PageHeader
        title="Add a risk"
        description="What could happen to the school's services or assets, what could cause it, and how likely and how bad it would be."
      />
      {options.categories.length === 0 && (
        <Notice tone="warning" title="The school has no risk categories yet">
          <p className="mb-2">Start from the five FITS risk categories and their threats.</p>
          <LoadDefaults />
        </Notice>
      )}
      <div className="max-w-3xl rounded-lg border border-slate-300 bg-white p-4">
        <RiskForm initial={{ likelihood: '3', impact: '3' }} options={options} />
      </div>
    </>
  )
}
