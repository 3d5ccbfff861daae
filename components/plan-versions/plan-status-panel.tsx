'use client'

import Link from 'next/link'
import { RecentChanges } from '@/components/audit/change-entry'
import type { EntryView } from '@/lib/audit/describe'
import type { OwnAcknowledgement, PlanDashboard } from '@/lib/plan-versions/queries'

/** The plan's state as the panel shows it: its latest changes as the change list takes them. */
export type PlanPanelView = Omit<PlanDashboard, 'changes'> & { changes: EntryView[] }

/**
 * The plan on the dashboard (manager and head teacher): the current version; when anything the plan is
 * built from has changed since, says so in words with the latest changes; and a version awaiting approval.
 * A client component fed plain data, its dates in words already (ARCHITECTURE.md, "What a page costs").
 */
export function PlanStatusPanel({
  plan,
  approvedOn,
  approver,
}: {
  plan: PlanPanelView
  /** When the current version was approved, in the school's zone, in words. */
  approvedOn: string | null
  /** The head teacher: a version awaiting approval is theirs to decide. */
  approver: boolean
}) {
  const { current, stale } = plan
  return (
    <section
      aria-labelledby="plan-status-h"
      className={`mb-8 rounded-lg border p-4 ${stale ? 'border-amber-600 bg-amber-50' : 'border-slate-300 bg-white'}`}
      data-testid="plan-status"
    >
      <h2 id="plan-status-h" className="text-lg font-bold">
        Recovery plan
      </h2>
      <p className="mt-1">
        {current ? (
          <>
            The current plan is{' '}
            <Link
              href={`/plan/versions/${current.number}`}
              className="font-semibold text-brand-700 underline"
            >
              version {current.number}
            </Link>
            {approvedOn ? `, approved ${approvedOn}` : ''}.{' '}
            <span data-testid="plan-not-acknowledged">
              {plan.notAcknowledged > 0
                ? `${plan.notAcknowledged} team member${plan.notAcknowledged === 1 ? ' has' : 's have'} not acknowledged it yet.`
                : plan.withoutLogin > 0
                  ? 'Everyone on the team who signs in has acknowledged it.'
                  : 'Every team member has acknowledged it.'}
            </span>
            {plan.withoutLogin > 0 && (
              <span data-testid="plan-without-login">
                {' '}
                {plan.withoutLogin} more {plan.withoutLogin === 1 ? 'has' : 'have'} no login to acknowledge
                with:{' '}
                <Link href="/plan/copies" className="font-semibold text-brand-700 underline">
                  record the copies they hold
                </Link>
                .
              </span>
            )}
          </>
        ) : (
          'No version of the plan has been approved yet.'
        )}
      </p>
      {stale && current && (
        <>
          <p className="mt-2 text-lg font-bold text-amber-950" data-testid="plan-stale">
            The plan has changed since version {current.number} was approved.
          </p>
          <p className="mb-2 text-sm text-slate-800">
            Publish a new version so the team and the printed copies hold the plan as it is.{' '}
            {plan.changeCount > plan.changes.length
              ? `The latest ${plan.changes.length} of ${plan.changeCount} changes:`
              : `${plan.changeCount === 1 ? 'The change' : 'The changes'}:`}
          </p>
          {plan.changes.length > 0 && <RecentChanges entries={plan.changes} />}
          <Link href="/plan/changes" className="mt-2 inline-block font-semibold text-brand-700 underline">
            All changes since version {current.number}
          </Link>
        </>
      )}
      {plan.awaiting && (
        <p className="mt-2" data-testid="plan-awaiting">
          <Link
            href={`/plan/versions/${plan.awaiting.number}`}
            className="font-semibold text-brand-700 underline"
          >
            Version {plan.awaiting.number}
          </Link>{' '}
          {approver
            ? `is awaiting your approval (published by ${plan.awaiting.publishedByName}).`
            : 'is awaiting the head teacher’s approval.'}
        </p>
      )}
      <p className="mt-2 text-sm">
        <Link href="/plan/versions" className="text-brand-700 underline">
          All versions
        </Link>
      </p>
    </section>
  )
}

/** For a team member who has not acknowledged the current version yet. */
export function AcknowledgePanel({ own }: { own: OwnAcknowledgement }) {
  if (!own.current || !own.member || own.acknowledgedAt) return null
  return (
    <section
      aria-labelledby="ack-panel-h"
      className="mb-6 rounded-lg border-2 border-amber-600 bg-amber-50 p-4"
      data-testid="ack-panel"
    >
      <h2 id="ack-panel-h" className="text-lg font-bold">
        Version {own.current.number} of the recovery plan is approved
      </h2>
      <p className="mb-2 text-slate-800">
        Keep a copy you can reach when the school’s systems are down, read it, and say so.
      </p>
      <Link
        href={`/plan/versions/${own.current.number}#ack-h`}
        className="inline-flex min-h-12 items-center text-lg font-bold text-brand-700 underline"
      >
        Read and acknowledge version {own.current.number}
      </Link>
    </section>
  )
}
