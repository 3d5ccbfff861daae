import Link from 'next/link'
import type { AssetView } from '@/lib/assets/queries'
import { CRITICALITY } from '@/lib/services/schema'

const criticalityLabel = (c: number) => CRITICALITY.find((x) => x.value === c)?.label ?? String(c)

/** The live services that go down if it fails, directly or through other assets. */
export function AffectedSection({ affected }: { affected: AssetView['affected'] }) {
  return (
    <section aria-labelledby="hit-h" className="mt-6">
      <h2 id="hit-h" className="mb-2 text-lg font-bold">
        Services hit if it fails
      </h2>
      {affected.length ? (
        <ul className="list-disc pl-6" data-testid="affected-services">
          {affected.map((s) => (
            <li key={s.id} className="mb-1">
              <Link href={`/services/${s.id}`} className="text-brand-700 underline">
                {s.name}
              </Link>{' '}
              <span className="text-slate-700">
                ({s.criticality !== undefined ? `${criticalityLabel(s.criticality)} · ` : ''}
                {s.direct ? 'needs it directly' : 'through other assets'} ·{' '}
                {s.required ? 'required' : 'optional'})
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-slate-700">No live service needs this asset, directly or through others.</p>
      )}
    </section>
  )
}
