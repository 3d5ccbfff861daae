import { formatDuration } from '@/lib/catalogue/durations'
import { formatDateTime, formatDay } from '@/lib/format'
import { criticalityWord, listWords } from '@/lib/plan/build'
import {
  BLOCKING_GAPS,
  type GapKind,
  hasEstimate,
  type PlanSnapshot,
  type SnapshotGap,
  type SnapshotMember,
  type SnapshotService,
  type SnapshotStep,
} from '@/lib/plan/snapshot'
import { PlanTimeline } from './plan-timeline'

/**
 * The whole recovery plan from a {@link PlanSnapshot} (issue 11, item 3): the live plan page and a
 * published version render it alike. Server-rendered, no client script. `showContacts` is for the roles
 * allowed personal contact details (plan.contacts); without it, people are named but not reachable.
 *
 * Printing: the `plan-print` class carries the print rules in app/globals.css (navigation hidden, each
 * service on a new page, black on white).
 */

const GAP_HEADINGS: Record<GapKind, string> = {
  NO_MANAGER: 'No service continuity manager',
  NO_DEPUTY: 'No deputy',
  VITAL_WITHOUT_PLAN: 'Vital services without a contingency plan',
  AT_RISK: 'Services that would miss their RTO',
  SERVICE_WITHOUT_PLAN: 'Other services without a contingency plan',
  UNCOVERED_STEP: 'Steps nobody on the team can carry out',
  LOOP: 'Loops',
}

/** A step names at most this many of the people who hold its role; the rest are counted. */
const HOLDERS_SHOWN = 4

const sectionId = (s: { position: number }) => `service-${s.position}`

export function PlanView({ snapshot, showContacts }: { snapshot: PlanSnapshot; showContacts: boolean }) {
  const members = new Map(snapshot.members.map((m) => [m.id, m]))
  const assetName = new Map(snapshot.assets.map((a) => [a.id, a.name]))
  const serviceName = new Map(snapshot.services.map((s) => [s.id, s.name]))
  const atRisk = snapshot.services.filter((s) => s.estimate.atRisk).length
  const zone = snapshot.school.timeZone
  return (
    <article className="plan-print space-y-8" data-testid="plan-view">
      <p className="text-sm text-slate-700">
        {snapshot.school.name} · {snapshot.version === 0 ? 'Live plan' : `Version ${snapshot.version}`} ·
        taken {formatDateTime(new Date(snapshot.takenAt), zone)} · {snapshot.services.length} service
        {snapshot.services.length === 1 ? '' : 's'}, {snapshot.assets.length} asset
        {snapshot.assets.length === 1 ? '' : 's'} to restore
        {atRisk > 0 ? `, ${atRisk} at risk of missing their RTO` : ''}.
      </p>

      <nav aria-labelledby="plan-contents-h" className="rounded-lg border border-slate-300 bg-white p-4">
        <h2 id="plan-contents-h" className="text-lg font-bold">
          Contents
        </h2>
        <ol className="mt-2 list-decimal space-y-1 pl-6">
          {snapshot.gaps.length > 0 && (
            <li>
              <a href="#plan-gaps" className="text-brand-700 underline">
                Gaps in this plan ({snapshot.gaps.length})
              </a>
            </li>
          )}
          <li>
            <a href="#plan-order" className="text-brand-700 underline">
              Recovery order
            </a>
          </li>
          <li>
            <a href="#plan-timeline" className="text-brand-700 underline">
              Timeline against each RTO
            </a>
          </li>
          <li>
            <a href="#plan-services" className="text-brand-700 underline">
              Services, one by one
            </a>
          </li>
          <li>
            <a href="#plan-restores" className="text-brand-700 underline">
              Restoring the assets
            </a>
          </li>
          <li>
            <a href="#plan-contacts" className="text-brand-700 underline">
              Contact sheet
            </a>
          </li>
        </ol>
      </nav>

      {snapshot.gaps.length > 0 && <Gaps gaps={snapshot.gaps} />}

      <section aria-labelledby="plan-order" className="space-y-3">
        <h2 id="plan-order" className="text-xl font-bold">
          Recovery order
        </h2>
        {snapshot.services.length === 0 ? (
          <p>There are no live services in the catalogue yet, so there is nothing to recover.</p>
        ) : (
          <ol className="space-y-2" data-testid="plan-order">
            {snapshot.services.map((s) => (
              <li key={s.id} className="rounded-md border border-slate-300 bg-white p-3">
                <p className="font-semibold">
                  <a href={`#${sectionId(s)}`} className="text-brand-700 underline break-words">
                    {s.position}. {s.name}
                  </a>{' '}
                  <span className="font-normal text-slate-700">
                    · RTO {formatDuration(s.rtoMinutes)} · {criticalityWord(s.criticality)}
                  </span>
                  {s.estimate.atRisk && <strong className="ml-2 text-red-800">At risk</strong>}
                </p>
                <p className="text-sm text-slate-800">{s.why}</p>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="plan-timeline" className="space-y-3">
        <h2 id="plan-timeline" className="text-xl font-bold">
          Timeline against each RTO
        </h2>
        <PlanTimeline services={snapshot.services} />
      </section>

      <section aria-labelledby="plan-services" className="space-y-6">
        <h2 id="plan-services" className="text-xl font-bold">
          Services, one by one
        </h2>
        {snapshot.services.map((s) => (
          <ServiceSection key={s.id} service={s} members={members} showContacts={showContacts} />
        ))}
      </section>

      <section aria-labelledby="plan-restores" className="plan-break space-y-4">
        <h2 id="plan-restores" className="text-xl font-bold">
          Restoring the assets
        </h2>
        {snapshot.assets.length === 0 ? (
          <p>No asset needs restoring: no live service needs one.</p>
        ) : (
          <ol className="space-y-4">
            {snapshot.assets.map((a) => (
              <li key={a.id} className="break-inside-avoid rounded-md border border-slate-300 bg-white p-3">
                <h3 className="font-semibold break-words">
                  {a.position}. {a.name}
                  {a.inLoop && <span className="ml-2 text-amber-900">(in a loop)</span>}
                </h3>
                <p className="text-sm text-slate-800">
                  Needed within {formatDuration(a.deadlineMinutes)} by{' '}
                  {a.neededByIds.map((id) => serviceName.get(id) ?? id).join(', ')}.
                  {a.dependsOnIds.length > 0 &&
                    ` Needs first: ${a.dependsOnIds.map((id) => assetName.get(id) ?? id).join(', ')}.`}
                  {a.supplier &&
                    ` Supplier: ${a.supplier}${a.contractRef ? ` (contract ${a.contractRef})` : ''}.`}
                  {a.location && ` Location: ${a.location}.`}
                </p>
                <Steps
                  steps={a.steps}
                  members={members}
                  empty="No restore procedure has been written for this asset."
                />
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="plan-contacts" className="plan-break space-y-3">
        <h2 id="plan-contacts" className="text-xl font-bold">
          Contact sheet
        </h2>
        {showContacts ? (
          <ContactSheet members={snapshot.members} />
        ) : (
          <p>
            Contact details are shown to the recovery team and the head teacher only.{' '}
            {snapshot.members.length} current team member{snapshot.members.length === 1 ? '' : 's'}.
          </p>
        )}
      </section>
    </article>
  )
}

function Gaps({ gaps }: { gaps: SnapshotGap[] }) {
  const kinds = [...new Set(gaps.map((g) => g.kind))]
  return (
    <section
      aria-labelledby="plan-gaps"
      className="rounded-lg border-l-4 border-red-700 bg-red-50 p-4 text-red-950"
      data-testid="plan-gaps"
    >
      <h2 id="plan-gaps" className="text-xl font-bold">
        Gaps in this plan
      </h2>
      <p className="mt-1 text-sm">
        The plan prints these rather than hiding them. Those marked “must be fixed or printed” are printed on
        any published version until they are fixed.
      </p>
      {kinds.map((kind) => {
        const list = gaps.filter((g) => g.kind === kind)
        return (
          <div key={kind} className="mt-3">
            <h3 className="font-semibold">
              {GAP_HEADINGS[kind]}
              {BLOCKING_GAPS.includes(kind) && (
                <span className="font-normal"> (must be fixed or printed)</span>
              )}
            </h3>
            <ul className="list-disc space-y-1 pl-6 break-words">
              {list.map((g) => (
                <li key={`${g.kind}:${g.ids.join(',')}:${g.text}`} data-testid="plan-gap">
                  {g.text}
                </li>
              ))}
            </ul>
          </div>
        )
      })}
    </section>
  )
}

function ServiceSection({
  service: s,
  members,
  showContacts,
}: {
  service: SnapshotService
  members: Map<string, SnapshotMember>
  showContacts: boolean
}) {
  const e = s.estimate
  const indirect = s.assets.filter((a) => !a.direct).length
  // The people who hold the roles of this service's own steps, once each, in contact-sheet order.
  const holding = new Set(s.plans.flatMap((p) => p.steps.flatMap((step) => step.holderIds)))
  const people = [...members.values()].filter((m) => holding.has(m.id))
  return (
    <section
      aria-labelledby={sectionId(s)}
      className="plan-service space-y-4 rounded-lg border border-slate-300 bg-white p-4"
      data-testid="plan-service"
    >
      <h3 id={sectionId(s)} className="text-lg font-bold break-words">
        {s.position}. {s.name}
      </h3>
      <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
        <div>
          <dt className="inline font-semibold">RTO: </dt>
          <dd className="inline">{formatDuration(s.rtoMinutes)}</dd>
        </div>
        <div>
          <dt className="inline font-semibold">RPO: </dt>
          <dd className="inline">{formatDuration(s.rpoMinutes)}</dd>
        </div>
        <div>
          <dt className="inline font-semibold">Criticality: </dt>
          <dd className="inline">{criticalityWord(s.criticality)}</dd>
        </div>
        {s.minServiceLevel && (
          <div>
            <dt className="inline font-semibold">Minimum service: </dt>
            <dd className="inline break-words">{s.minServiceLevel}</dd>
          </div>
        )}
      </dl>
      <p>
        <span className="font-semibold">Why here: </span>
        {s.why}
      </p>
      <div className="text-sm">
        {hasEstimate(e) ? (
          <p>
            <span className="font-semibold">Estimated recovery: </span>
            {formatDuration(e.criticalMinutes)} with everyone available; {formatDuration(e.sequentialMinutes)}{' '}
            if one person did everything;{' '}
            {e.teamMinutes === null
              ? 'with the team as it is: not known, as some steps have nobody to carry them out.'
              : `${formatDuration(e.teamMinutes)} with the team as it is.`}
          </p>
        ) : (
          <p>
            <span className="font-semibold">Estimated recovery: </span>
            no estimate yet: no steps with times are written for its contingency plans or for restoring the
            assets it needs.
          </p>
        )}
        {e.atRisk && (
          <div className="mt-2 rounded-md border-l-4 border-red-700 bg-red-50 p-2 text-red-950">
            <p className="font-semibold">
              At risk: {formatDuration(e.criticalMinutes)} against an RTO of {formatDuration(s.rtoMinutes)}.
              What makes it late:
            </p>
            <ol className="list-decimal pl-6 break-words">
              {e.lateChain.map((link) => (
                <li key={link}>{link}</li>
              ))}
            </ol>
          </div>
        )}
      </div>

      <div>
        <h4 className="font-semibold">Contingency plans</h4>
        {s.plans.length === 0 ? (
          <p className="text-red-800">No contingency plan yet.</p>
        ) : (
          s.plans.map((p) => (
            <div key={p.id} className="mt-2 space-y-2 border-l-4 border-brand-600 pl-3">
              <p className="font-semibold break-words">
                {p.name} <span className="font-normal">· {p.strategy}</span>
              </p>
              {p.description && <p className="whitespace-pre-line break-words">{p.description}</p>}
              <Detail label="Manual workaround" value={p.manualWorkaround} />
              <Detail label="When to invoke it" value={p.invocationCriteria} />
              {p.standby && (
                <Detail
                  label="Standby arrangement"
                  value={[
                    p.standby.supplier,
                    p.standby.contract && `contract ${p.standby.contract}`,
                    p.standby.contact,
                    p.standby.howToInvoke,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                />
              )}
              <Steps steps={p.steps} members={members} empty="No steps written yet." />
            </div>
          ))
        )}
      </div>

      {s.assets.length > 0 && (
        <div>
          <h4 className="font-semibold">What it needs, in restore order</h4>
          <p className="text-sm break-words">
            {s.assets
              .filter((a) => a.direct)
              .map((a) => `${a.name}${a.required ? '' : ' (optional)'}`)
              .join(', ')}
            {indirect > 0 &&
              `; and, through them, ${indirect} more asset${indirect === 1 ? '' : 's'} (see Restoring the assets)`}
          </p>
        </div>
      )}

      {showContacts && people.length > 0 && (
        <div>
          <h4 className="font-semibold">Who to call for these steps</h4>
          <ul className="list-disc pl-6 text-sm break-words">
            {people.map((m) => (
              <li key={m.id}>
                {`${m.name} (${m.roles.map((r) => r.name).join(', ')})`}
                {m.mobile ? (
                  <>
                    {' · '}
                    <a href={`tel:${m.mobile.replace(/[^\d+]/g, '')}`} className="text-brand-700 underline">
                      {m.mobile}
                    </a>
                  </>
                ) : (
                  m.otherPhone && ` · ${m.otherPhone}`
                )}
              </li>
            ))}
          </ul>
        </div>
      )}

      <div>
        <h4 className="font-semibold">Suppliers to call</h4>
        {s.suppliers.length === 0 ? (
          <p className="text-sm">None recorded.</p>
        ) : (
          <ul className="list-disc pl-6 text-sm break-words">
            {s.suppliers.map((x) => (
              <li key={x.name}>
                <span className="font-semibold">{x.name}</span>
                {x.contact && ` · ${x.contact}`} · for {x.reason}
              </li>
            ))}
          </ul>
        )}
      </div>

      <div>
        <h4 className="font-semibold">Backups</h4>
        {s.backups.length === 0 ? (
          <p className="text-sm">None recorded.</p>
        ) : (
          <ul className="list-disc pl-6 text-sm break-words">
            {s.backups.map((b) => (
              <li key={b.id}>
                <span className="font-semibold">{b.name}</span> of {b.of} · {b.location}, {b.medium}
                {b.offline ? ', kept offline' : ''} · every {formatDuration(b.frequencyMinutes)} · last
                successful restore test:{' '}
                {b.lastRestoreTestAt ? formatDay(new Date(`${b.lastRestoreTestAt}T12:00:00Z`)) : 'never'}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  )
}

function Detail({ label, value }: { label: string; value: string }) {
  if (!value.trim()) return null
  return (
    <p className="whitespace-pre-line break-words text-sm">
      <span className="font-semibold">{label}: </span>
      {value}
    </p>
  )
}

function Steps({
  steps,
  members,
  empty,
}: {
  steps: SnapshotStep[]
  members: Map<string, SnapshotMember>
  empty: string
}) {
  if (steps.length === 0) return <p className="text-sm">{empty}</p>
  const numberOf = new Map(steps.map((s) => [s.id, s.position]))
  return (
    <ol className="mt-2 space-y-2 text-sm">
      {steps.map((step) => {
        const holders = step.holderIds.map((id) => members.get(id)).filter((m) => m !== undefined)
        const after = step.afterStepId ? numberOf.get(step.afterStepId) : undefined
        return (
          <li
            key={step.id}
            className="break-inside-avoid rounded border border-slate-200 p-2"
            data-testid="plan-step"
          >
            <p className="whitespace-pre-line break-words">
              <span className="font-semibold">Step {step.position}.</span> {step.instruction}
            </p>
            <p className="text-slate-700">
              About {formatDuration(step.minutes)}
              {after !== undefined && ` · after step ${after}`} ·{' '}
              {step.role ? (
                <>
                  {step.role.name}:{' '}
                  {holders.length ? (
                    listWords(
                      holders.map((m) => m.name),
                      HOLDERS_SHOWN,
                    )
                  ) : (
                    <strong className="text-red-800">nobody on the team holds this role</strong>
                  )}
                </>
              ) : (
                <strong className="text-red-800">no role given</strong>
              )}
            </p>
          </li>
        )
      })}
    </ol>
  )
}

function ContactSheet({ members }: { members: SnapshotMember[] }) {
  if (members.length === 0) return <p>There is nobody on the recovery team yet.</p>
  return (
    <ul className="grid gap-3 sm:grid-cols-2" data-testid="plan-contacts">
      {members.map((m) => (
        <li key={m.id} className="break-inside-avoid rounded-md border border-slate-300 bg-white p-3 text-sm">
          <p className="font-semibold break-words">
            {m.name}
            {m.jobTitle && <span className="font-normal"> · {m.jobTitle}</span>}
          </p>
          <p className="break-words">{m.roles.length ? m.roles.map((r) => r.name).join(', ') : 'No role'}</p>
          <dl className="mt-1 break-words">
            {(
              [
                ['Mobile', m.mobile],
                ['Other phone', m.otherPhone],
                ['Personal email', m.personalEmail],
                ['Out of hours', m.outOfHoursNotes],
                ['If no answer', m.fallbackContact],
              ] as const
            )
              .filter(([, v]) => v.trim())
              .map(([label, v]) => (
                <div key={label}>
                  <dt className="inline font-semibold">{label}: </dt>
                  <dd className="inline whitespace-pre-line">
                    {label === 'Mobile' || label === 'Other phone' ? (
                      <a href={`tel:${v.replace(/[^\d+]/g, '')}`} className="text-brand-700 underline">
                        {v}
                      </a>
                    ) : (
                      v
                    )}
                  </dd>
                </div>
              ))}
          </dl>
        </li>
      ))}
    </ul>
  )
}
