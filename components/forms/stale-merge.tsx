'use client'
import { Notice } from '@/components/ui/notice'
import type { MergeRow } from '@/lib/forms/merge'
import type { FormValues } from '@/lib/result'
import type { ActionForm, CompareGroup } from './use-action-form'

const CHOICE_PREFIX = '_keep_'

/** The first conflict the person has not yet chosen for, as the radio to focus; null when all are chosen. */
export function unresolvedConflict<T, K extends string>(
  el: HTMLFormElement,
  form: ActionForm<T, K>,
): HTMLInputElement | null {
  if (!form.stale?.showing) return null
  for (const c of form.stale.merge.conflicts) {
    const name = `${CHOICE_PREFIX}${c.group.key}`
    if (!el.querySelector(`input[name="${name}"]:checked`))
      return el.querySelector<HTMLInputElement>(`input[name="${name}"]`)
  }
  return null
}

function say<K extends string>(group: CompareGroup<K>, values: FormValues<K>): string {
  const text = group.show ? group.show(values) : group.keys.map((k) => values[k] ?? '').join(' ')
  return text.trim() || '(blank)'
}

const OUTCOME_WORDS = {
  SAME: 'Unchanged',
  YOURS: 'Your change is kept',
  THEIRS: 'Their change is kept',
  BOTH_SAME: 'You both made this change',
  CONFLICT: 'You both changed this: choose',
} as const

/**
 * After a stale save: what they saved, what you entered, and what saving again will keep, field by
 * field. Their changes to fields you did not touch are already in the form; where you both changed a
 * field, you choose whose value to keep (the form's field takes the chosen value).
 */
export function StaleMerge<T, K extends string>({
  form,
  unchosen,
  onChoose,
}: {
  form: ActionForm<T, K>
  /** A save was tried before every conflict was chosen. */
  unchosen: boolean
  onChoose: () => void
}) {
  const stale = form.stale!
  const changed = stale.merge.rows.filter((r) => r.outcome !== 'SAME')
  const conflicts = stale.merge.conflicts.length

  function choose(row: MergeRow<K>, side: 'theirs' | 'yours', el: HTMLElement) {
    const formEl = el.closest('form')
    if (!formEl) return
    for (const k of row.group.keys) {
      const control = formEl.elements.namedItem(k)
      if (control && 'value' in control) (control as { value: string }).value = row[side][k] ?? ''
    }
    onChoose()
  }

  return (
    <div data-testid="stale-compare">
      <Notice tone="error" title="Changed by someone else">
        {form.failure?.message}{' '}
        {conflicts
          ? `Their other changes are now in the form. You both changed ${conflicts === 1 ? 'one field' : `${conflicts} fields`}: choose whose to keep, then save again.`
          : 'Their changes are now in the form beside yours: check it, then save again.'}
      </Notice>
      {unchosen && (
        <p role="alert" data-notice="error" className="mb-2 font-semibold text-red-800">
          Choose whose value to keep for each field you both changed, then save again.
        </p>
      )}
      <div className="mb-4 rounded-lg border border-slate-300 bg-white">
        <h2 className="px-3 pt-2 font-semibold">Their version and yours</h2>
        <ul className="divide-y divide-slate-200">
          {changed.map((row) => {
            const group = row.group as CompareGroup<K>
            return (
              <li key={group.key} className="px-3 py-2" data-testid={`merge-${group.key}`}>
                <p className="font-semibold">
                  {group.label}:{' '}
                  <span className="font-normal text-slate-700">{OUTCOME_WORDS[row.outcome]}</span>
                </p>
                <dl className="grid gap-x-3 text-sm sm:grid-cols-[8rem_1fr]">
                  <dt className="text-slate-600">Saved by them</dt>
                  <dd className="[overflow-wrap:anywhere] whitespace-pre-wrap">{say(group, row.theirs)}</dd>
                  <dt className="text-slate-600">You entered</dt>
                  <dd className="[overflow-wrap:anywhere] whitespace-pre-wrap">{say(group, row.yours)}</dd>
                </dl>
                {row.outcome === 'CONFLICT' && (
                  <fieldset className="mt-1">
                    <legend className="text-sm font-semibold">Keep which {group.label.toLowerCase()}?</legend>
                    <div className="flex flex-wrap gap-x-4">
                      {(['theirs', 'yours'] as const).map((side) => (
                        <label key={side} className="flex items-center gap-2 py-1 text-sm">
                          <input
                            type="radio"
                            name={`${CHOICE_PREFIX}${group.key}`}
                            value={side}
                            className="h-6 w-6 shrink-0"
                            onChange={(e) => choose(row, side, e.currentTarget)}
                          />
                          {side === 'theirs' ? 'Theirs' : 'Yours'}: {say(group, row[side])}
                        </label>
                      ))}
                    </div>
                  </fieldset>
                )}
              </li>
            )
          })}
        </ul>
      </div>
    </div>
  )
}
