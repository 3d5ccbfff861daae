import { splitMinutes } from '@/lib/catalogue/durations'
import type { FormValues } from '@/lib/result'

export type BackupField =
  | 'subject'
  | 'name'
  | 'location'
  | 'offline'
  | 'medium'
  | 'frequencyValue'
  | 'frequencyUnit'
  | 'retention'
  | 'notes'

type Stored = {
  name: string
  location: string
  offline: boolean
  medium: string
  frequencyMinutes: number
  retention: string
  notes: string
}
/** A stored backup as the strings its form shows. */
export function toBackupValues(b: Stored): FormValues<BackupField> {
  const f = splitMinutes(b.frequencyMinutes)
  return {
    name: b.name,
    location: b.location,
    offline: b.offline ? 'yes' : '',
    medium: b.medium,
    frequencyValue: String(f.value),
    frequencyUnit: f.unit,
    retention: b.retention,
    notes: b.notes,
  }
}
