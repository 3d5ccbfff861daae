import type { Metadata } from 'next'
import Link from 'next/link'
import { PageHeader } from '@/components/ui/page-header'
import { requireSchoolContext } from '@/lib/auth/context'
import { describeSource, SECTION_LABELS, SECTIONS, STARTER_CHECKLIST } from '@/lib/reviews/checklist'
import { getReviewSchedule, listChecklist } from '@/lib/reviews/queries'
import { scheduleFormValues } from '@/lib/reviews/schema'
import { AddQuestionForm, QuestionArchive } from '../_components/checklist-editor'
import { ScheduleForm } from '../_components/schedule-form'

export const metadata: Metadata = { title: 'Review schedule and checklist' }

export default async function ReviewSettingsPage() {
  const ctx = await requireSchoolContext('review.edit')
  const [schedule, stored] = await Promise.all([getReviewSchedule(ctx.schoolId), listChecklist(ctx.schoolId)])
  // Before the first review the school has no copy yet: show the starter checklist it will get.
  const items = stored.length
    ? stored
    : STARTER_CHECKLIST.map((s, i) => ({ ...s, id: `starter-${i}`, archivedAt: null, version: 0 }))
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/reviews" className="text-brand-700 underline">
          Reviews
        </Link>
      </p>
      <PageHeader title="Review schedule and checklist" />
      <section aria-labelledby="schedule-h" className="mb-10 max-w-2xl">
        <h2 id="schedule-h" className="mb-3 text-lg font-bold">
          Schedule
        </h2>
        <ScheduleForm initial={scheduleFormValues(schedule)} version={schedule.version} />
      </section>
      <section aria-labelledby="checklist-h" className="mb-8">
        <h2 id="checklist-h" className="mb-1 text-lg font-bold">
          Checklist
        </h2>
        <p className="mb-4 max-w-prose text-sm text-slate-700">
          Each review asks these questions, copied when it starts, so changing them never changes a past
          review. They start from the FITS guidance (seeds 000 and 003); add your own.
        </p>
        {SECTIONS.map((section) => (
          <div key={section} className="mb-6">
            <h3 className="font-bold">{SECTION_LABELS[section].title}</h3>
            <ul className="mt-2 space-y-2">
              {items
                .filter((i) => i.section === section)
                .map((i) => (
                  <li
                    key={i.id}
                    className={`flex flex-wrap items-start justify-between gap-2 rounded-md border border-slate-300 p-3 ${i.archivedAt ? 'bg-slate-100 text-slate-600' : 'bg-white'}`}
                  >
                    <div className="min-w-0 flex-1">
                      <p>
                        {i.question}
                        {i.archivedAt ? ' (retired)' : ''}
                      </p>
                      {i.source && <p className="text-xs text-slate-600">From {describeSource(i.source)}</p>}
                    </div>
                    {i.version > 0 && (
                      <QuestionArchive
                        id={i.id}
                        version={i.version}
                        archived={Boolean(i.archivedAt)}
                        question={i.question}
                      />
                    )}
                  </li>
                ))}
            </ul>
          </div>
        ))}
        <div className="max-w-2xl rounded-lg border border-slate-300 bg-white p-4">
          <h3 className="mb-2 font-bold">Add a question</h3>
          <AddQuestionForm />
        </div>
      </section>
    </>
  )
}
