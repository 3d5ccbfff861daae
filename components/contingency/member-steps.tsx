import { formatDuration } from '@/lib/catalogue/durations'
import { firstPhone } from '@/lib/contingency/phone'
import type { MemberSteps } from '@/lib/contingency/queries'
import { CRITICALITY } from '@/lib/services/schema'

/**
 * A team member's own recovery steps (issue 10, item 6), phone-first: server-rendered, no client script,
 * large text and tap targets, plain high-contrast boxes readable in bright light.
 */

const criticalityLabel = (v: number) => CRITICALITY.find((c) => c.value === v)?.label ?? String(v)

function Detail({ label, value }: { label: string; value: string }) {
  if (!value.trim()) return null
  const phone = firstPhone(value)
  return (
    <div className="py-2">
      <dt className="font-bold">{label}</dt>
      <dd className="whitespace-pre-line break-words">{value}</dd>
      {phone && (
        <dd className="mt-2">
          <a
            href={phone.href}
            className="inline-flex min-h-12 items-center rounded-md border-2 border-brand-700 px-4 font-bold text-brand-700 underline"
          >
            Call {phone.shown}
          </a>
        </dd>
      )}
    </div>
  )
}

function StepList({ steps, total }: { steps: MemberSteps['assets'][number]['steps']; total: number }) {
  return (
    <ol className="space-y-3">
      {steps.map((s) => (
        <li key={s.id} className="rounded-md border-2 border-slate-400 bg-white p-3" data-testid="my-step">
          <p className="text-sm font-bold text-slate-800">
            Step {s.number} of {total} · about {formatDuration(s.estimatedMinutes)} · {s.role}
            {s.afterNumber !== null && ` · after step ${s.afterNumber}`}
          </p>
          <p className="mt-1 whitespace-pre-line break-words text-lg text-slate-950">{s.instruction}</p>
        </li>
      ))}
    </ol>
  )
}

export function MemberStepsView({ view, own }: { view: MemberSteps; own: boolean }) {
  const you = own ? 'You' : view.member.name
  if (view.member.leftAt)
    return (
      <p className="rounded-md border-2 border-amber-600 bg-amber-50 p-4 text-lg">
        {own ? 'You are' : `${view.member.name} is`} recorded as having left the recovery team: no steps.
      </p>
    )
  if (!view.roles.length)
    return (
      <p className="rounded-md border-2 border-slate-400 bg-white p-4 text-lg">
        {you} hold{own ? '' : 's'} no recovery role yet, so there are no steps to carry out.
      </p>
    )
  return (
    <div className="space-y-6 text-base">
      <p className="text-lg">
        <span className="font-bold">Roles: </span>
        {view.roles.map((r) => r.name).join(', ')}.{' '}
        {view.stepCount
          ? `${view.stepCount} step${view.stepCount === 1 ? '' : 's'}, about ${formatDuration(view.totalMinutes)} in all.`
          : 'No step is assigned to these roles yet.'}
      </p>
      {view.services.length > 0 && (
        <section aria-labelledby="services-h">
          <h2 id="services-h" className="mb-3 text-xl font-bold">
            Services, in recovery order
          </h2>
          <ol className="space-y-6">
            {view.services.map((s, k) => (
              <li key={s.id} className="rounded-lg border-2 border-slate-500 bg-slate-50 p-3 sm:p-4">
                <h3 className="text-xl font-bold">
                  {k + 1}. {s.name}
                </h3>
                <p className="mb-3 text-slate-800">
                  {criticalityLabel(s.criticality)} · back within {formatDuration(s.rtoMinutes)}
                </p>
                {s.plans.map((p) => (
                  <div key={p.id} className="mb-4 last:mb-0">
                    <h4 className="mb-2 text-lg font-bold">Plan: {p.name}</h4>
                    <StepList steps={p.steps} total={p.totalSteps} />
                    <dl className="mt-3 divide-y divide-slate-300 rounded-md border border-slate-400 bg-white px-3">
                      <Detail label="Manual workaround meanwhile" value={p.manualWorkaround} />
                      <Detail label="When to invoke" value={p.invocationCriteria} />
                      <Detail label="Standby supplier" value={p.standbySupplier} />
                      <Detail label="Contract" value={p.standbyContract} />
                      <Detail label="Supplier contact" value={p.standbyContact} />
                      <Detail label="How to invoke the standby" value={p.standbyHowToInvoke} />
                    </dl>
                  </div>
                ))}
              </li>
            ))}
          </ol>
        </section>
      )}
      {view.assets.length > 0 && (
        <section aria-labelledby="assets-h">
          <h2 id="assets-h" className="mb-3 text-xl font-bold">
            Restoring assets
          </h2>
          <ul className="space-y-6">
            {view.assets.map((a) => (
              <li key={a.id} className="rounded-lg border-2 border-slate-500 bg-slate-50 p-3 sm:p-4">
                <h3 className="mb-2 text-xl font-bold">{a.name}</h3>
                <StepList steps={a.steps} total={a.totalSteps} />
                {(a.supplier || a.contractRef || a.standbyArrangement) && (
                  <dl className="mt-3 divide-y divide-slate-300 rounded-md border border-slate-400 bg-white px-3">
                    <Detail label="Supplier" value={a.supplier} />
                    <Detail label="Contract" value={a.contractRef} />
                    <Detail label="Standby" value={a.standbyArrangement} />
                  </dl>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  )
}
