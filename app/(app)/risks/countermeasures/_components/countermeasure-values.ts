import { checkName } from '@/lib/risks/schema'

export type CountermeasureLike = {
  title: string
  description: string
  riskIds: string[]
  kind: string
  process: string
  owner: string
  status: string
  dueOn: Date | string | null
  costPounds: number | null
  lastVerifiedOn: Date | string | null
  verificationNote: string
}

const day = (d: Date | string | null) => (d ? new Date(d).toISOString().slice(0, 10) : '')

/** A stored countermeasure as the strings its form shows. */
export function countermeasureFormValues(c: CountermeasureLike): Record<string, string> {
  const out: Record<string, string> = {
    title: c.title,
    description: c.description,
    kind: c.kind,
    process: c.process,
    owner: c.owner,
    status: c.status,
    dueOn: day(c.dueOn),
    costPounds: c.costPounds === null ? '' : String(c.costPounds),
    lastVerifiedOn: day(c.lastVerifiedOn),
    verificationNote: c.verificationNote,
  }
  for (const id of c.riskIds) out[checkName('risk', id)] = 'yes'
  return out
}

/** What a STALE refusal carries (readCountermeasure): labels under the field names, codes beside them. */
export function storedCountermeasureValues(
  cur: CountermeasureLike & { name: string; kindCode: string; processCode: string; statusCode: string },
) {
  return countermeasureFormValues({
    ...cur,
    title: cur.name,
    kind: cur.kindCode,
    process: cur.processCode,
    status: cur.statusCode,
  })
}
