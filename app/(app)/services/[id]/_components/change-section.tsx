import type { ServiceView } from '@/lib/services/queries'
import { ArchiveService } from '../../_components/archive-service'
import { ServiceForm } from '../../_components/service-form'
import { toFormValues } from '../../_components/service-values'

/** For someone who can edit: the service form, then archive or restore. */
export function ChangeSection({ view }: { view: ServiceView }) {
  const { service, archived } = view
  return (
    <section
      aria-labelledby="edit-h"
      className="mb-6 max-w-2xl rounded-lg border border-slate-300 bg-white p-4"
    >
      <h2 id="edit-h" className="mb-3 text-lg font-bold">
        Edit this service
      </h2>
      <ServiceForm id={service.id} version={service.version} initial={toFormValues(service)} />
      <div className="mt-6 border-t border-slate-200 pt-4">
        <ArchiveService
          key={`${service.id}-${service.version}`}
          name={service.name}
          id={service.id}
          version={service.version}
          archived={archived}
        />
      </div>
    </section>
  )
}
