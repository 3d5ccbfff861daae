import type { Metadata } from 'next'
import { PageHeader } from '@/components/ui/page-header'
import { requireSchoolContext } from '@/lib/auth/context'
import { ServiceForm } from '../_components/service-form'

export const metadata: Metadata = { title: 'Add a service' }

export default async function NewServicePage() {
  await requireSchoolContext('catalogue.edit')
  return (
    <>
      <PageHeader
        title="Add a service"
        description="An ICT service the school depends on, and what losing it would mean."
      />
      <div className="max-w-2xl rounded-lg border border-slate-300 bg-white p-4">
        <ServiceForm
          initial={{
            criticality: '2',
            rtoValue: '1',
            rtoUnit: 'days',
            rpoValue: '1',
            rpoUnit: 'days',
            maxOutageValue: '3',
            maxOutageUnit: 'days',
          }}
        />
      </div>
    </>
  )
}
