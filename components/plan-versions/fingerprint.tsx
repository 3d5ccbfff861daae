import { groupFingerprint } from '@/lib/plan/snapshot'

/** A fingerprint as people read it off paper: groups of four, the first 16 characters (what the check page needs) in bold. */
export function Fingerprint({ hex, short = false }: { hex: string; short?: boolean }) {
  if (short)
    return (
      <code className="font-mono text-sm" title={hex}>
        {groupFingerprint(hex.slice(0, 16))}
      </code>
    )
  return (
    <code className="break-all font-mono text-sm" data-testid="fingerprint">
      <strong>{groupFingerprint(hex.slice(0, 16))}</strong> {groupFingerprint(hex.slice(16))}
    </code>
  )
}
