import { formatDuration } from '@/lib/catalogue/durations'
import type { ProcedureView } from '@/lib/contingency/queries'
import { AddStepForm, EditStepForm, MoveStepButtons, RemoveStepButton } from './step-controls'

/**
 * A procedure's ordered steps: what to do, how long, who, and after what; for someone who can edit,
 * move up/down, edit, remove and add. Shared by a plan's page and an asset's restore procedure.
 */
export function StepsSection({
  title,
  procedure,
  owner,
  roles,
  edit,
}: {
  title: string
  procedure: ProcedureView
  owner: { planId: string } | { assetId: string }
  roles: { id: string; name: string }[]
  edit: boolean
}) {
  const { steps, orderVersion } = procedure
  const numbers = steps.map((s) => ({ id: s.id, number: s.number }))
  return (
    <section aria-labelledby="steps-h" className="mb-6 rounded-lg border border-slate-300 bg-white p-4">
      <h2 id="steps-h" className="mb-1 text-lg font-bold">
        {title}
      </h2>
      {steps.length === 0 ? (
        <p className="mb-3 text-slate-700">No steps yet.</p>
      ) : (
        <p className="mb-3 text-sm text-slate-700">
          {steps.length} step{steps.length === 1 ? '' : 's'}, {formatDuration(procedure.totalMinutes)} if one
          person does them all in turn.
          {procedure.unassigned > 0 &&
            ` ${procedure.unassigned} ${procedure.unassigned === 1 ? 'step has' : 'steps have'} no recovery role.`}
        </p>
      )}
      <ol className="divide-y divide-slate-200" data-testid="steps">
        {steps.map((s) => (
          <li key={s.id} className="py-3" data-testid="step">
            <div className="flex flex-wrap items-start gap-x-3">
              <span className="font-bold" aria-hidden="true">
                {s.number}.
              </span>
              <div className="min-w-0 flex-1">
                <p className="whitespace-pre-line break-words" data-testid="step-instruction">
                  {s.instruction}
                </p>
                <p className="text-sm text-slate-700">
                  About {formatDuration(s.estimatedMinutes)} ·{' '}
                  {s.role ? (
                    <>carried out by {s.role}</>
                  ) : (
                    <strong className="text-amber-900">no recovery role yet</strong>
                  )}
                  {s.afterNumber !== null && <> · after step {s.afterNumber}</>}
                </p>
                {s.listedTooEarly && (
                  <p className="text-sm font-semibold text-amber-900">
                    Listed before step {s.afterNumber}, which must be done first: move it down.
                  </p>
                )}
              </div>
            </div>
            {edit && (
              <div className="mt-2 flex flex-wrap items-start gap-2">
                <MoveStepButtons
                  key={s.id}
                  id={s.id}
                  number={s.number}
                  count={steps.length}
                  orderVersion={orderVersion}
                />
                <RemoveStepButton
                  key={`rm-${s.id}`}
                  id={s.id}
                  number={s.number}
                  orderVersion={orderVersion}
                />
                <details className="w-full">
                  <summary className="cursor-pointer text-sm font-semibold text-brand-700 underline">
                    Edit step {s.number}
                  </summary>
                  <div className="mt-2 rounded-md border border-slate-300 p-3">
                    <EditStepForm
                      key={s.id}
                      step={s}
                      roles={roles}
                      others={numbers.filter((n) => n.id !== s.id)}
                    />
                  </div>
                </details>
              </div>
            )}
          </li>
        ))}
      </ol>
      {edit && (
        <div className="mt-4 border-t border-slate-200 pt-4">
          <h3 className="mb-2 font-bold">Add a step</h3>
          <AddStepForm owner={owner} roles={roles} steps={numbers} />
        </div>
      )}
    </section>
  )
}
