import type { Metadata } from 'next'
import { PageHeader } from '@/components/ui/page-header'
import { requireSchoolContext } from '@/lib/auth/context'
import { listSubjectOptions } from '@/lib/backups/queries'
import type { RawSearchParams } from '@/lib/validation/search-params'
import { BackupForm } from '../_components/backup-form'

export const metadata: Metadata = { title: 'Record a backup' }

export default async function NewBackupPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const ctx = await requireSchoolContext('contingency.edit')
  const subjects = await listSubjectOptions(ctx.schoolId)
  const wanted = (await searchParams).subject
  const all = [...subjects.data, ...subjects.services, ...subjects.otherAssets]
  const subject = all.find((o) => o.value === wanted)?.value ?? ''
  return (
    <>
      <PageHeader
        title="Record a backup"
        description="One backup copy: what it holds, where it is kept, on what, and how often. Record each copy separately, so the portal can check them against 3-2-1."
      />
      <div className="max-w-2xl rounded-lg border border-slate-300 bg-white p-4">
        <BackupForm
          subjects={subjects}
          initial={{
            subject,
            location: 'ON_SITE',
            medium: 'DISK',
            frequencyValue: '1',
            frequencyUnit: 'days',
          }}
        />
      </div>
    </>
  )
}
