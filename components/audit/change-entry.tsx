'use client'

// Client components fed described entries (plain data, dates already in words): the activity log and
// the dashboard repeat this markup per change, and markup rendered here costs only its HTML (ARCHITECTURE.md,
// "What a page costs").
import type { EntryView, FieldChange } from '@/lib/audit/describe'
import { ENTITIES, isAuditEntity } from '@/lib/audit/vocabulary'

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

/**
 * One field's old and new values, stacked so that long text wraps at 360 px instead of pushing the page
 * sideways. The words "Before" and "After" are written out, so the change reads without colour.
 */
function FieldChangeItem({ change }: { change: FieldChange }) {
  // Styled by the `change-details` utility on the list (globals.css): the log renders hundreds of these
  // on every request, so each carries no classes of its own.
  return (
    <div>
      <dt>{capitalise(change.label)}</dt>
      <dd>
        {change.before !== undefined && (
          <p>
            <span>Before: </span>
            {change.before}
          </p>
        )}
        {change.after !== undefined && (
          <p>
            <span>{change.before === undefined ? 'Set to: ' : 'After: '}</span>
            {change.after}
          </p>
        )}
      </dd>
    </div>
  )
}

export function FieldChanges({ entry }: { entry: EntryView }) {
  // Only new values come as one line (entryView): "Kind: Recover · Owner: Business manager".
  if (entry.initial)
    return (
      <p className="mt-1 whitespace-pre-line break-words text-sm text-slate-700" data-testid="initial-values">
        {entry.initial}
      </p>
    )
  if (entry.changes.length === 0) return null
  return (
    <dl className="change-details">
      {entry.changes.map((c) => (
        <FieldChangeItem key={c.field} change={c} />
      ))}
    </dl>
  )
}

/** Rows of a bulk change grouped by kind of record, each kind with its count on this page. */
export function BatchRowList({ rows }: { rows: EntryView[] }) {
  const byKind = new Map<string, EntryView[]>()
  for (const r of rows) byKind.set(r.entity, [...(byKind.get(r.entity) ?? []), r])
  return (
    <>
      {[...byKind].map(([entity, list]) => (
        <section key={entity} className="mt-2">
          <p className="font-semibold">
            {capitalise(isAuditEntity(entity) ? ENTITIES[entity].plural : 'other records')} ({list.length})
          </p>
          <ul className="list-disc space-y-1 pl-5">
            {list.map((r) => (
              <li key={r.id} className="break-words">
                {r.says}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  )
}

/**
 * A bulk change's rows: behind a <details> that opens without JavaScript when they came with the entry
 * (a record's history), otherwise a link to the bulk change's own page, so that the log stays small
 * however large an import was.
 */
function BatchRows({ entry }: { entry: EntryView }) {
  if (!entry.batch) return null
  const { rows, total } = entry.batch
  const count = Math.max(total, rows.length)
  if (rows.length === 0)
    return count > 0 ? (
      <p className="mt-2 text-sm">
        <a href={`/activity/batch/${entry.id}`} className="font-semibold text-brand-700 underline">
          Show the {count} record{count === 1 ? '' : 's'} it added
        </a>
      </p>
    ) : null
  return (
    <details className="mt-2 text-sm">
      <summary className="cursor-pointer font-semibold text-brand-700 underline">
        Show the {count} record{count === 1 ? '' : 's'} it added
      </summary>
      <BatchRowList rows={rows} />
      {rows.length < count && (
        <p className="mt-1 text-slate-700">
          And {count - rows.length} more:{' '}
          <a href={`/activity/batch/${entry.id}`} className="font-semibold text-brand-700 underline">
            see every one
          </a>
          .
        </p>
      )}
    </details>
  )
}

/** One entry of the change history: the sentence, who and when, the field changes and any bulk rows. */
export function ChangeEntryView({ entry }: { entry: EntryView }) {
  return (
    <article className="min-w-0">
      <p className="break-words">
        <span className="font-semibold">{entry.who}</span> {entry.says}
      </p>
      <p className="text-sm text-slate-700">
        <time dateTime={entry.at}>{entry.when}</time>
      </p>
      <FieldChanges entry={entry} />
      <BatchRows entry={entry} />
    </article>
  )
}

/** A list of entries, newest first. */
export function ChangeList({ entries, label }: { entries: EntryView[]; label: string }) {
  return (
    <ol aria-label={label} className="divide-y divide-slate-200 rounded-lg border border-slate-300 bg-white">
      {entries.map((e) => (
        <li key={e.id} className="px-4 py-3" data-testid="change-entry">
          <ChangeEntryView entry={e} />
        </li>
      ))}
    </ol>
  )
}

/** The dashboard's short list: one line per change, its field details left to the activity log. */
export function RecentChanges({ entries }: { entries: EntryView[] }) {
  return (
    <ul className="divide-y divide-slate-200 rounded-lg border border-slate-300 bg-white">
      {entries.map((e) => (
        <li key={e.id} className="break-words px-4 py-2 text-sm" data-testid="recent-change">
          <span className="font-semibold">{e.who}</span> {e.says}
          {e.changes.length > 0 && e.details === 'changes' && (
            <> ({e.changes.map((c) => c.label).join(', ')})</>
          )}{' '}
          · <time dateTime={e.at}>{e.when}</time>
        </li>
      ))}
    </ul>
  )
}
