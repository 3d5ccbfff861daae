import { Notice } from '@/components/ui/notice'
import type { ServiceView } from '@/lib/services/queries'

/** Above everything: that it is archived, or which of the assets it needs have no standby. */
export function StatusSection({ view }: { view: ServiceView }) {
  const { archived, spofs } = view
  return (
    <>
      {archived && (
        <Notice tone="warning" title="Archived">
          This service is archived and left out of the plan.
        </Notice>
      )}
      {spofs.length > 0 && (
        <Notice
          tone="warning"
          title={`${spofs.length} single point${spofs.length === 1 ? '' : 's'} of failure`}
        >
          This service needs {spofs.map((a) => a.name).join(', ')}, with no standby.
        </Notice>
      )}
    </>
  )
}
