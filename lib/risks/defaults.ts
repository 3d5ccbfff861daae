/*
 * The FITS risk categories and threats every school starts with (seed 002, "Step 2: Identify Risks and
 * Threats"), plus the threats schools in England now meet most (ransomware, phishing, theft, flood), and
 * the typical countermeasures offered as suggestions. Keys are stable: loading the defaults twice adds
 * nothing twice, and proposals name their category and threats by key.
 */

export type DefaultCategoryKey = 'internal' | 'external' | 'data' | 'staff' | 'providers'
export type DefaultThreatKey =
  | 'fire'
  | 'power-failure'
  | 'power-surge'
  | 'virus'
  | 'accidental-damage'
  | 'link-overload'
  | 'bankruptcy'
  | 'technical-failure'
  | 'human-error'
  | 'sickness'
  | 'transport'
  | 'resignation'
  | 'provider-data-loss'
  | 'ransomware'
  | 'phishing'
  | 'theft'
  | 'flood'

export const DEFAULT_CATEGORIES: { key: DefaultCategoryKey; name: string; description: string }[] = [
  {
    key: 'internal',
    name: 'Loss of internal ICT services or assets',
    description: 'Servers, network, devices or software in school stop working.',
  },
  {
    key: 'external',
    name: 'Loss of external ICT services',
    description: 'The internet connection or services hosted outside school become unreachable.',
  },
  {
    key: 'data',
    name: 'Loss of data',
    description: 'Records, files or mail are lost, corrupted or encrypted.',
  },
  {
    key: 'staff',
    name: 'Unavailability of key technical and support staff',
    description: 'The people who know how things work cannot be reached.',
  },
  {
    key: 'providers',
    name: 'Failure of service providers',
    description: 'A supplier stops trading, fails to deliver, or loses its own data.',
  },
]

export const DEFAULT_THREATS: { key: DefaultThreatKey; name: string }[] = [
  { key: 'fire', name: 'Fire' },
  { key: 'power-failure', name: 'Power failure' },
  { key: 'power-surge', name: 'Power surge' },
  { key: 'virus', name: 'Virus' },
  { key: 'accidental-damage', name: 'Accidental damage' },
  { key: 'link-overload', name: 'Overload of external communication links' },
  { key: 'bankruptcy', name: 'Bankruptcy' },
  { key: 'technical-failure', name: 'Technical failure' },
  { key: 'human-error', name: 'Human error' },
  { key: 'sickness', name: 'Sickness' },
  { key: 'transport', name: 'Transport problems' },
  { key: 'resignation', name: 'Resignation' },
  { key: 'provider-data-loss', name: "Loss of a service provider's own data" },
  { key: 'ransomware', name: 'Ransomware' },
  { key: 'phishing', name: 'Phishing' },
  { key: 'theft', name: 'Theft' },
  { key: 'flood', name: 'Flood' },
]

/** Typical measures, offered to pick from when adding a countermeasure (they fill the form). */
export const SUGGESTED_COUNTERMEASURES = [
  { title: 'Tested offline backups', kind: 'RECOVER', process: 'AVAILABILITY' },
  { title: 'Uninterruptible power supply (UPS)', kind: 'PREVENT', process: 'AVAILABILITY' },
  { title: 'RAID disk mirroring', kind: 'PREVENT', process: 'AVAILABILITY' },
  { title: 'Antivirus and prompt patching', kind: 'PREVENT', process: 'PROBLEM' },
  { title: 'Spare equipment held on site', kind: 'RECOVER', process: 'CONFIGURATION' },
  { title: 'Supplier standby contract', kind: 'RECOVER', process: 'SERVICE_LEVEL' },
  { title: 'Cross-training a second person', kind: 'RECOVER', process: 'SERVICE_DESK' },
  { title: 'Documented recovery procedures', kind: 'RECOVER', process: 'CHANGE' },
  { title: 'Second internet line', kind: 'PREVENT', process: 'CAPACITY' },
] as const

/** What loading the defaults adds: the keys a school does not hold yet (retired ones count as held). */
export function missingDefaults<D extends { key: string }>(
  defaults: D[],
  heldKeys: Iterable<string | null>,
): D[] {
  const held = new Set(heldKeys)
  return defaults.filter((d) => !held.has(d.key))
}
