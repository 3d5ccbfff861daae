import { splitMinutes } from '@/lib/catalogue/durations'
import { IMPACT_POINTS, type Impact } from '@/lib/services/schema'

type Stored = {
  name: string
  description: string
  owner: string
  usersAffected: string
  criticality: number
  rtoMinutes: number
  rpoMinutes: number
  maxOutageMinutes: number
  minServiceLevel: string
  impacts: unknown
}

/** A stored service as the strings its form shows, durations in the largest whole unit. */
export function toFormValues(s: Stored): Record<string, string> {
  const out: Record<string, string> = {
    name: s.name,
    description: s.description,
    owner: s.owner,
    usersAffected: s.usersAffected,
    criticality: String(s.criticality),
    minServiceLevel: s.minServiceLevel,
  }
  for (const [key, minutes] of [
    ['rto', s.rtoMinutes],
    ['rpo', s.rpoMinutes],
    ['maxOutage', s.maxOutageMinutes],
  ] as const) {
    const d = splitMinutes(minutes)
    out[`${key}Value`] = String(d.value)
    out[`${key}Unit`] = d.unit
  }
  // Every point of the impact scale has a value, even for a service stored without them.
  for (const p of IMPACT_POINTS) {
    out[`impact${p.minutes}Level`] = 'NONE'
    out[`impact${p.minutes}Note`] = ''
  }
  for (const i of (Array.isArray(s.impacts) ? s.impacts : []) as Impact[]) {
    out[`impact${i.afterMinutes}Level`] = i.level
    out[`impact${i.afterMinutes}Note`] = i.note
  }
  return out
}
