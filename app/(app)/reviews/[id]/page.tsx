import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { Notice } from '@/components/ui/notice'
import { PageHeader } from '@/components/ui/page-header'
import { Pagination } from '@/components/ui/pagination'
import { requireSchoolContext } from '@/lib/auth/context'
import { can } from '@/lib/auth/permissions'
import { formatDate, formatDateTime, formatDay } from '@/lib/format'
import { checklistProgress, SECTION_LABELS, SECTIONS } from '@/lib/reviews/checklist'
import { getReview, getReviewHints, listReviewChanges } from '@/lib/reviews/queries'
import { ANSWERS, KIND_LABELS, STATUS_LABELS } from '@/lib/reviews/schema'
import { ActionDone } from '../_components/action-done'
import { ChecklistForm } from '../_components/checklist-form'
import { AddActionForm, ConsiderForm, ReturnForm, SignOffForm, SubmitForm } from '../_components/review-forms'

export const metadata: Metadata = { title: 'Review' }

const EVENT_WORDS: Record<string, string> = {
  SUBMITTED: 'submitted it for sign-off',
  RESUBMITTED: 'answered the comments and resubmitted it',
  RETURNED: 'returned it with comments',
  SIGNED_OFF: 'signed it off',
}
const answerLabel = (v: string | null) => ANSWERS.find((a) => a.value === v)?.label ?? 'Not answered'

export default async function ReviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}) {
  const ctx = await requireSchoolContext('review.read')
  const { id } = await params
  const sp = await searchParams
  const review = await getReview(ctx.schoolId, id)
  if (!review) notFound()
  const page = Number(typeof sp.page === 'string' ? sp.page : 1) || 1
  const changes = await listReviewChanges(ctx.schoolId, review, { timeZone: ctx.timeZone, page })
  const editable = can(ctx.role, 'review.edit') && (review.status === 'OPEN' || review.status === 'RETURNED')
  const deciding = can(ctx.role, 'review.signoff') && review.status === 'SUBMITTED'
  const progress = checklistProgress(review.answers)
  // What the portal knows beside the questions: now while it is answered, as submitted once it is.
  const hints = await getReviewHints(ctx.schoolId, review, {
    timeZone: ctx.timeZone,
    changed: changes.byEntity,
  })
  const lastReturn = [...review.events].reverse().find((e) => e.kind === 'RETURNED')
  const noAnswers = review.answers.filter((a) => a.answer === 'NO')
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/reviews" className="text-brand-700 underline">
          Reviews
        </Link>
      </p>
      <PageHeader
        title={`Review ${review.number}`}
        description={`${KIND_LABELS[review.kind]} review${review.firstReview ? ' (the first)' : ''}, due ${formatDay(review.dueDate)}.${review.reason ? ` Started because: ${review.reason}` : ''} Covers changes ${review.coversFrom ? `since ${formatDateTime(review.coversFrom, ctx.timeZone)}` : 'since the portal began'}.`}
      />
      <p className="mb-4">
        <span className="rounded bg-slate-200 px-2 py-1 text-sm font-semibold" data-testid="review-status">
          {STATUS_LABELS[review.status]}
        </span>
      </p>
      {review.status === 'SIGNED_OFF' && (
        <Notice
          tone="success"
          title={`Signed off by ${review.signedOffName} on ${formatDate(review.signedOffAt!, ctx.timeZone)}`}
        >
          {review.signOffComment ? <p>“{review.signOffComment}”</p> : null}
          <p>A signed-off review cannot change.</p>
          <p className="mt-2">
            {/* A file download, not a page: a plain link so the browser saves it. */}
            <a
              href={`/reviews/${review.id}/report`}
              className="font-semibold text-brand-700 underline"
              download
            >
              Download the report (PDF)
            </a>
          </p>
        </Notice>
      )}
      {review.status === 'RETURNED' && lastReturn && (
        <Notice
          tone="warning"
          title={`Returned by ${lastReturn.byName} on ${formatDate(lastReturn.at, ctx.timeZone)}`}
        >
          <p>“{lastReturn.comment}”</p>
        </Notice>
      )}
      {review.status === 'SUBMITTED' && !deciding && (
        <Notice tone="info" title="With the head teacher for sign-off" />
      )}

      <section aria-labelledby="checklist-h" className="mb-10">
        <h2 id="checklist-h" className="mb-1 text-lg font-bold">
          Checklist
        </h2>
        <p className="mb-4 text-sm text-slate-700">
          {progress.answered} of {progress.total} answered
          {progress.no ? `, ${progress.no} answered “no”` : ''}.
        </p>
        {editable ? (
          <ChecklistForm
            reviewId={review.id}
            version={review.version}
            answers={review.answers}
            hints={hints}
          />
        ) : (
          SECTIONS.map((section) => {
            const mine = review.answers.filter((a) => a.section === section)
            if (!mine.length) return null
            return (
              <div key={section} className="mb-6">
                <h3 className="font-bold">{SECTION_LABELS[section].title}</h3>
                <dl className="mt-2 space-y-2">
                  {mine.map((a) => (
                    <div key={a.id} className="rounded-md border border-slate-300 bg-white p-3">
                      <dt>
                        {a.question}
                        {hints[a.id] ? (
                          <span className="mt-1 block rounded bg-sky-50 px-2 py-1 text-sm text-sky-950">
                            <span className="font-semibold">The portal knew:</span> {hints[a.id]}
                          </span>
                        ) : null}
                      </dt>
                      <dd className="font-semibold">
                        {answerLabel(a.answer)}
                        {a.notes ? <span className="block font-normal text-slate-700">{a.notes}</span> : null}
                      </dd>
                    </div>
                  ))}
                </dl>
              </div>
            )
          })
        )}
      </section>

      <section aria-labelledby="actions-h" className="mb-10">
        <h2 id="actions-h" className="mb-1 text-lg font-bold">
          Actions
        </h2>
        <p className="mb-3 text-sm text-slate-700">
          Each “no” can become an action with an owner and a due date.
        </p>
        {noAnswers.length === 0 && review.actions.length === 0 ? (
          <p>No question is answered “no”.</p>
        ) : (
          <ul className="space-y-3">
            {noAnswers.map((a) => {
              const mine = review.actions.filter((x) => x.answerId === a.id)
              return (
                <li key={a.id} className="rounded-md border border-slate-300 bg-white p-3">
                  <p className="font-semibold">{a.question}</p>
                  {a.notes && <p className="text-sm text-slate-700">{a.notes}</p>}
                  {mine.length > 0 && (
                    <ul className="mt-2 space-y-2">
                      {mine.map((x) => (
                        <li key={x.id} className="border-l-4 border-slate-300 pl-3">
                          <p>
                            {x.title} — {x.owner}, due {formatDay(x.dueDate)}
                            {x.doneAt ? `, done ${formatDate(x.doneAt, ctx.timeZone)}` : ''}
                          </p>
                          {can(ctx.role, 'review.edit') && (
                            <ActionDone
                              id={x.id}
                              version={x.version}
                              done={Boolean(x.doneAt)}
                              title={x.title}
                            />
                          )}
                        </li>
                      ))}
                    </ul>
                  )}
                  {editable && <AddActionForm reviewId={review.id} answerId={a.id} />}
                </li>
              )
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby="changes-h" className="mb-10">
        <h2 id="changes-h" className="mb-1 text-lg font-bold">
          What changed since the last review
        </h2>
        <p className="mb-3 text-sm text-slate-700" data-testid="changes-progress">
          {changes.recordCount === 0
            ? 'Nothing the plan is built from has changed.'
            : `${changes.consideredCount} of ${changes.recordCount} changed ${changes.recordCount === 1 ? 'record' : 'records'} marked as considered.`}
        </p>
        {editable && changes.unconsideredOnPage.length > 1 && (
          <div className="mb-3">
            <ConsiderForm
              reviewId={review.id}
              records={changes.unconsideredOnPage}
              label={`Mark all ${changes.unconsideredOnPage.length} on this page as considered`}
            />
          </div>
        )}
        <ul className="space-y-3">
          {changes.groups.map((g) => (
            <li key={g.key} className="rounded-md border border-slate-300 bg-white p-3">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <h3 className="font-semibold">{g.name}</h3>
                {g.considered ? (
                  <span className="text-sm font-semibold text-green-800">Considered</span>
                ) : editable ? (
                  <ConsiderForm
                    reviewId={review.id}
                    records={[g.key]}
                    label={`Mark ${g.name} as considered`}
                  />
                ) : (
                  <span className="text-sm text-slate-700">Not considered</span>
                )}
              </div>
              <ul className="mt-1 space-y-1 text-sm">
                {g.entries.map((e) => (
                  <li key={e.id}>
                    <span className="text-slate-600">{e.when}:</span> {e.sentence}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
        {changes.pages > 1 && (
          <Pagination
            page={changes.page}
            pages={changes.pages}
            basePath={`/reviews/${review.id}`}
            params={{}}
          />
        )}
      </section>

      {editable && (
        <section aria-labelledby="submit-h" className="mb-10 max-w-2xl">
          <h2 id="submit-h" className="mb-2 text-lg font-bold">
            {review.status === 'RETURNED' ? 'Answer and resubmit' : 'Submit for sign-off'}
          </h2>
          <p className="mb-3 text-sm text-slate-700">
            Every question must be answered and every changed record marked as considered.
          </p>
          <SubmitForm reviewId={review.id} version={review.version} resubmit={review.status === 'RETURNED'} />
        </section>
      )}

      {deciding && (
        <section aria-labelledby="decide-h" className="mb-10 grid max-w-4xl gap-6 md:grid-cols-2">
          <h2 id="decide-h" className="text-lg font-bold md:col-span-2">
            Your decision
          </h2>
          <div className="rounded-lg border border-slate-300 bg-white p-4">
            <SignOffForm reviewId={review.id} version={review.version} name={ctx.userName} />
          </div>
          <div className="rounded-lg border border-slate-300 bg-white p-4">
            <ReturnForm reviewId={review.id} version={review.version} />
          </div>
        </section>
      )}

      <section aria-labelledby="history-h" className="mb-8">
        <h2 id="history-h" className="mb-2 text-lg font-bold">
          History
        </h2>
        <ol className="space-y-2 text-sm">
          <li>Started {formatDateTime(review.startedAt, ctx.timeZone)}.</li>
          {review.events.map((e) => (
            <li key={e.id}>
              {formatDateTime(e.at, ctx.timeZone)}: {e.byName} {EVENT_WORDS[e.kind] ?? e.kind.toLowerCase()}
              {e.comment ? <span className="block pl-4 text-slate-700">“{e.comment}”</span> : null}
            </li>
          ))}
        </ol>
      </section>
    </>
  )
}
