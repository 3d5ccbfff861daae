/*
 * Merging after a concurrent edit, field by field, as a three-way merge: `base` is what the form was
 * built from, `yours` what this person submitted, `theirs` what someone else has saved since. A field
 * only one side changed takes that side's value; a field both changed to different values is a conflict
 * the person chooses. A field is a group of form keys compared together (an RTO is a value and a unit).
 */

export type FormGroup<K extends string = string> = { key: string; label: string; keys: readonly K[] }

export type GroupOutcome = 'SAME' | 'YOURS' | 'THEIRS' | 'BOTH_SAME' | 'CONFLICT'

export type MergeRow<K extends string = string> = {
  group: FormGroup<K>
  outcome: GroupOutcome
  base: Partial<Record<K, string>>
  yours: Partial<Record<K, string>>
  theirs: Partial<Record<K, string>>
}

export type Merge<K extends string = string> = {
  /** What the form shows after the merge: theirs where only they changed, yours where you did. */
  values: Partial<Record<K, string>>
  rows: MergeRow<K>[]
  conflicts: MergeRow<K>[]
}

const norm = (v: string | undefined) => (v ?? '').trim()

function pick<K extends string>(values: Partial<Record<K, string>>, keys: readonly K[]) {
  const out: Partial<Record<K, string>> = {}
  for (const k of keys) out[k] = values[k] ?? ''
  return out
}

function same<K extends string>(
  a: Partial<Record<K, string>>,
  b: Partial<Record<K, string>>,
  keys: readonly K[],
) {
  return keys.every((k) => norm(a[k]) === norm(b[k]))
}

/** Three-way merge of a form's values. Keys in no group (hidden fields) keep what was submitted. */
export function mergeFormValues<K extends string>(
  groups: readonly FormGroup<K>[],
  base: Partial<Record<K, string>>,
  yours: Partial<Record<K, string>>,
  theirs: Partial<Record<K, string>>,
): Merge<K> {
  const values: Partial<Record<K, string>> = { ...yours }
  const rows: MergeRow<K>[] = groups.map((group) => {
    const k = group.keys
    const youChanged = !same(yours, base, k)
    const theyChanged = !same(theirs, base, k)
    const outcome: GroupOutcome = !youChanged
      ? theyChanged
        ? 'THEIRS'
        : 'SAME'
      : !theyChanged
        ? 'YOURS'
        : same(yours, theirs, k)
          ? 'BOTH_SAME'
          : 'CONFLICT'
    if (outcome === 'THEIRS') Object.assign(values, pick(theirs, k))
    return { group, outcome, base: pick(base, k), yours: pick(yours, k), theirs: pick(theirs, k) }
  })
  return { values, rows, conflicts: rows.filter((r) => r.outcome === 'CONFLICT') }
}
