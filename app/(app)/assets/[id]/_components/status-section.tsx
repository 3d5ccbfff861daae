import { Notice } from '@/components/ui/notice'
import type { AssetView } from '@/lib/assets/queries'
import { formatDate } from '@/lib/format'

/** Above everything: that it is archived, or that it is a single point of failure and for which services. */
export function StatusSection({ view, timeZone }: { view: AssetView; timeZone: string }) {
  const { asset, spofServices } = view
  return (
    <>
      {asset.archivedAt && (
        <Notice tone="warning" title="This asset is archived">
          It was archived on {formatDate(asset.archivedAt, timeZone)}. It is left out of the dependency
          picture, single points of failure and plans until it is restored.
        </Notice>
      )}
      {spofServices && (
        <Notice tone="error" title="Single point of failure">
          It has no standby, and{' '}
          {spofServices.length === 1 ? 'this critical service needs' : 'these critical services need'} it:{' '}
          <span data-testid="spof-services">{spofServices.map((s) => s.name).join(', ')}</span>.
        </Notice>
      )}
    </>
  )
}

/** The badge beside the heading. */
export function SpofBadge() {
  return (
    <span
      data-testid="spof-badge"
      className="inline-flex items-center rounded-full border-2 border-red-700 bg-red-50 px-3 py-1 text-sm font-bold text-red-900"
    >
      Single point of failure
    </span>
  )
}
