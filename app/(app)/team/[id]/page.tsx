import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { Notice } from '@/components/ui/notice'
import { PageHeader } from '@/components/ui/page-header'
import { requireSchoolContext } from '@/lib/auth/context'
import { can, ROLE_LABELS } from '@/lib/auth/permissions'
import { formatDateTime, formatDay } from '@/lib/format'
import { getMemberView } from '@/lib/team/queries'
import { trainingKindLabel } from '@/lib/team/schema'
import { TrainingBadge } from '../_components/coverage-badge'
import { LeaveMember } from '../_components/leave-member'
import { MemberForm } from '../_components/member-form'
import { toMemberValues } from '../_components/member-values'
import { RemoveTraining, TrainingForm } from '../_components/training-form'

export const metadata: Metadata = { title: 'Team member' }

const SECTION = 'mb-6 rounded-lg border border-slate-300 bg-white p-4'

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-1 border-b border-slate-200 py-2 sm:grid-cols-[14rem_1fr]">
      <dt className="font-semibold">{label}</dt>
      <dd className="whitespace-pre-line break-words">
        {children || <span className="text-slate-600">Not recorded</span>}
      </dd>
    </div>
  )
}

export default async function MemberPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireSchoolContext('team.read')
  const { id } = await params
  const edit = can(ctx.role, 'team.edit')
  const contacts = can(ctx.role, 'team.contacts')
  const view = await getMemberView(ctx.schoolId, id, { contacts, edit })
  if (!view) notFound()
  const { member } = view
  const liveRoles = view.roles.filter((r) => !r.archivedAt)
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/team" className="text-brand-700 underline">
          Recovery team
        </Link>
      </p>
      <PageHeader title={member.name} description={member.jobTitle || undefined} />
      {edit && (
        <p className="mb-4">
          <Link href={`/team/${member.id}/steps`} className="font-semibold text-brand-700 underline">
            Their recovery steps, as they see them
          </Link>
        </p>
      )}
      {member.leftAt && (
        <Notice tone="warning" title={`Left the team on ${formatDateTime(member.leftAt, ctx.timeZone)}`}>
          Their roles no longer count as covered by them.
        </Notice>
      )}
      <section aria-labelledby="about-h" className={SECTION}>
        <h2 id="about-h" className="mb-2 text-lg font-bold">
          Roles and training
        </h2>
        <dl>
          <Row label={member.leftAt ? 'Recovery roles held before leaving' : 'Recovery roles'}>
            {liveRoles.length ? (
              <ul>
                {liveRoles.map((r) => (
                  <li key={r.id}>
                    <Link href={`/team/roles/${r.id}`} className="text-brand-700 underline">
                      {r.name}
                    </Link>
                  </li>
                ))}
              </ul>
            ) : (
              'No role yet'
            )}
          </Row>
          <Row label="Portal login">
            {member.login
              ? `${member.login.name} (${member.login.email}), ${ROLE_LABELS[member.login.role]}`
              : 'None'}
          </Row>
          <Row label="Uses the school systems">{member.systemAccess ? 'Yes' : 'No'}</Row>
          <Row label="NCSC cyber training">
            <TrainingBadge status={view.ncsc.status} />
            {view.ncsc.last && ` (last ${formatDay(view.ncsc.last)})`}
          </Row>
        </dl>
      </section>
      {view.contacts && (
        <section aria-labelledby="contact-h" className={SECTION}>
          <h2 id="contact-h" className="mb-2 text-lg font-bold">
            Contact when the school is down
          </h2>
          <dl>
            <Row label="Mobile">
              {view.contacts.mobile && (
                <a
                  href={`tel:${view.contacts.mobile.replace(/\s/g, '')}`}
                  className="text-brand-700 underline"
                >
                  {view.contacts.mobile}
                </a>
              )}
            </Row>
            <Row label="Other phone">{view.contacts.otherPhone}</Row>
            <Row label="Personal e-mail">{view.contacts.personalEmail}</Row>
            <Row label="Out-of-hours notes">{view.contacts.outOfHoursNotes}</Row>
            <Row label="If they do not answer, call">{view.contacts.fallbackContact}</Row>
          </dl>
        </section>
      )}
      <section aria-labelledby="training-h" className={SECTION}>
        <h2 id="training-h" className="mb-2 text-lg font-bold">
          Training and rehearsals
        </h2>
        {view.training.length ? (
          <ul className="mb-4 divide-y divide-slate-200">
            {view.training.map((t) => (
              <li key={t.id} className="flex flex-wrap items-start justify-between gap-2 py-2">
                <div>
                  <p className="font-semibold">{t.title}</p>
                  <p className="text-sm text-slate-700">
                    {formatDay(t.heldOn)} · {trainingKindLabel(t.kind)}
                    {t.provider && ` · ${t.provider}`}
                  </p>
                  {t.notes && <p className="text-sm whitespace-pre-line">{t.notes}</p>}
                </div>
                {edit && <RemoveTraining id={t.id} title={t.title} />}
              </li>
            ))}
          </ul>
        ) : (
          <p className="mb-4 text-slate-700">No training or rehearsal recorded yet.</p>
        )}
        {edit && (
          <details className="rounded border border-slate-300 p-3">
            <summary className="cursor-pointer font-semibold">Record training or a rehearsal</summary>
            <div className="mt-3">
              <TrainingForm teamMemberId={member.id} />
            </div>
          </details>
        )}
      </section>
      {edit && view.contacts && (
        <section aria-labelledby="edit-h" className={`${SECTION} max-w-2xl`}>
          <h2 id="edit-h" className="mb-3 text-lg font-bold">
            Edit this member
          </h2>
          <MemberForm
            id={member.id}
            version={member.version}
            initial={toMemberValues({ ...member, ...view.contacts, roleIds: liveRoles.map((r) => r.id) })}
            roles={view.roleOptions}
            logins={view.loginOptions}
          />
          <div className="mt-6 border-t border-slate-200 pt-4">
            <p className="mb-2 text-sm text-slate-700">
              People who leave are kept, not deleted: their history stays and their roles show as uncovered.
            </p>
            <LeaveMember
              key={`leave-${member.version}`}
              id={member.id}
              version={member.version}
              name={member.name}
              left={Boolean(member.leftAt)}
            />
          </div>
        </section>
      )}
    </>
  )
}
