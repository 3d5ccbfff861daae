/**
 * A signed-off review as a PDF for governors (issue 12, item 6): the school, the review's number and
 * dates, the checklist answers by section with notes, the actions with owner, due date and status, the
 * changes it considered, the head teacher's sign-off and the return/resubmit history. Only signed-off
 * reviews have a report (`getReviewReport` answers null otherwise), so the paper never shows a draft.
 */
import { Document, Page, renderToBuffer, Text, View } from '@react-pdf/renderer'
import { SECTION_LABELS, SECTIONS } from '@/lib/reviews/checklist'
import { ANSWERS, KIND_LABELS } from '@/lib/reviews/schema'
import { colours, Field, Header, PlainFooter, s } from './kit'
import type { ReviewReport } from './queries'
import { pdfDay } from './stamp'

const EVENT_WORDS: Record<string, string> = {
  SUBMITTED: 'submitted it for sign-off',
  RESUBMITTED: 'answered the comments and resubmitted it',
  RETURNED: 'returned it with comments',
  SIGNED_OFF: 'signed it off',
}

const answerLabel = (v: string | null) => ANSWERS.find((a) => a.value === v)?.label ?? 'Not answered'

/** The review's report as a PDF. */
export async function renderReviewReport(report: ReviewReport, now = new Date()): Promise<Buffer> {
  const { review, timeZone } = report
  const day = (d: Date) => pdfDay(d, timeZone)
  // Date-only values (due dates) are stored at midday UTC and name that day.
  const dueDay = (d: Date) => pdfDay(d, 'UTC')
  const title = `Service continuity review ${review.number}`
  const signedOff = `Signed off by ${review.signedOffName ?? ''} on ${review.signedOffAt ? day(review.signedOffAt) : ''}`
  const answersByQuestion = new Map(review.answers.map((a) => [a.id, a]))
  return renderToBuffer(
    <Document
      title={`${report.schoolName}: ${title}`}
      subject={`Review ${review.number}, ${signedOff}`}
      author={report.schoolName}
      creator="School ICT service continuity portal"
      producer="School ICT service continuity portal"
    >
      <Page size="A4" style={s.page}>
        <Header left={title} right={report.schoolName} />
        <PlainFooter
          text={`${report.schoolName} · Review ${review.number} · ${signedOff} · printed ${day(now)}`}
        />
        <Text style={{ ...s.muted, fontSize: 11 }}>{report.schoolName}</Text>
        <Text style={s.h1}>{title}</Text>
        <Text style={{ ...s.para, fontSize: 12, ...s.bold, color: colours.ok }}>{signedOff}</Text>
        {review.signOffComment ? <Text style={s.para}>“{review.signOffComment}”</Text> : null}
        <View style={{ marginTop: 6, marginBottom: 10 }}>
          <Field label="Kind">{`${KIND_LABELS[review.kind]} review${review.firstReview ? ' (the first)' : ''}`}</Field>
          <Field label="Due">{dueDay(review.dueDate)}</Field>
          <Field label="Started">{day(review.startedAt)}</Field>
          <Field label="Submitted">{review.submittedAt ? day(review.submittedAt) : ''}</Field>
          <Field label="Covers changes">
            {`${review.coversFrom ? `from ${day(review.coversFrom)}` : 'since the portal began'}${review.submittedAt ? ` to ${day(review.submittedAt)}` : ''}`}
          </Field>
        </View>

        <Text style={s.h2}>History</Text>
        {review.events.length === 0 ? <Text style={s.muted}>No events recorded.</Text> : null}
        {review.events.map((e) => (
          <Text key={e.id} style={s.para}>
            <Text style={s.bold}>{day(e.at)}: </Text>
            {e.byName} {EVENT_WORDS[e.kind] ?? e.kind.toLowerCase()}
            {e.comment ? `: “${e.comment}”` : '.'}
          </Text>
        ))}

        <Text style={{ ...s.h2, marginTop: 10 }}>Checklist</Text>
        {SECTIONS.map((section) => {
          const mine = review.answers.filter((a) => a.section === section)
          if (mine.length === 0) return null
          return (
            <View key={section}>
              <Text style={s.h3} minPresenceAhead={40}>
                {SECTION_LABELS[section].title}
              </Text>
              {mine.map((a, i) => (
                <View key={a.id} style={i % 2 ? s.band : s.row}>
                  <View style={{ flexGrow: 1, flexBasis: 0, paddingRight: 8 }}>
                    <Text>{a.question}</Text>
                    {a.notes ? <Text style={{ ...s.small, ...s.muted }}>Notes: {a.notes}</Text> : null}
                  </View>
                  <Text
                    style={
                      a.answer === 'NO'
                        ? { width: 80, ...s.bold, color: colours.warn }
                        : { width: 80, ...s.bold }
                    }
                  >
                    {answerLabel(a.answer)}
                  </Text>
                </View>
              ))}
            </View>
          )
        })}

        <Text style={{ ...s.h2, marginTop: 12 }} minPresenceAhead={40}>
          Actions
        </Text>
        {review.actions.length === 0 ? <Text style={s.muted}>No actions were raised.</Text> : null}
        {review.actions.map((x, i) => (
          <View key={x.id} style={i % 2 ? s.band : s.row}>
            <View style={{ flexGrow: 1, flexBasis: 0, paddingRight: 8 }}>
              <Text style={s.bold}>{x.title}</Text>
              {x.answerId && answersByQuestion.get(x.answerId) ? (
                <Text style={{ ...s.small, ...s.muted }}>
                  From: {answersByQuestion.get(x.answerId)!.question}
                </Text>
              ) : null}
            </View>
            <Text style={{ width: 110 }}>{x.owner}</Text>
            <Text style={{ width: 80 }}>Due {dueDay(x.dueDate)}</Text>
            <Text style={{ width: 80 }}>{x.doneAt ? `Done ${day(x.doneAt)}` : 'Open'}</Text>
          </View>
        ))}

        <Text style={{ ...s.h2, marginTop: 12 }} minPresenceAhead={40}>
          Changes considered
        </Text>
        <Text style={s.para}>
          {report.changes.length === 0
            ? 'Nothing the plan is built from changed in the period this review covers.'
            : `${report.changes.filter((c) => c.considered).length} of ${report.changes.length} changed records marked as considered.`}
          {report.changesShown < report.changesTotal
            ? ` The ${report.changesShown} most recent of ${report.changesTotal} changes are listed; the portal's activity log holds the rest.`
            : ''}
        </Text>
        {report.changes.map((g) => (
          <View key={g.key} style={{ marginBottom: 5 }}>
            <Text style={s.bold}>
              {g.name}
              <Text style={g.considered ? { color: colours.ok } : { color: colours.warn }}>
                {g.considered ? '  (considered)' : '  (NOT considered)'}
              </Text>
            </Text>
            {g.entries.map((e) => (
              <Text key={e.id} style={{ ...s.small, paddingLeft: 10 }}>
                {e.when}: {e.sentence}
              </Text>
            ))}
          </View>
        ))}
      </Page>
    </Document>,
  )
}
