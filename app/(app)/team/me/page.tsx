import type { Metadata } from 'next'
import Link from 'next/link'
import { Notice } from '@/components/ui/notice'
import { PageHeader } from '@/components/ui/page-header'
import { requireSchoolContext } from '@/lib/auth/context'
import { can } from '@/lib/auth/permissions'
import { formatDay } from '@/lib/format'
import { getOwnProfile } from '@/lib/team/queries'
import { trainingKindLabel } from '@/lib/team/schema'
import { TrainingBadge } from '../_components/coverage-badge'
import { toContactValues } from '../_components/member-values'
import { OwnContactsForm } from '../_components/own-contacts-form'

export const metadata: Metadata = { title: 'My team details' }

export default async function MyTeamDetailsPage() {
  const ctx = await requireSchoolContext('team.profile')
  const me = await getOwnProfile(ctx.schoolId, ctx.userId)
  return (
    <>
      {can(ctx.role, 'team.read') && (
        <p className="mb-2 text-sm">
          <Link href="/team" className="text-brand-700 underline">
            Recovery team
          </Link>
        </p>
      )}
      <PageHeader
        title="My team details"
        description="Your roles in the recovery team, and how the team can reach you when the school's own phones and e-mail are down."
      />
      {!me ? (
        <Notice tone="info" title="You are not on the recovery team yet">
          Your login is not linked to a member of the recovery team. If you should be, ask your service
          continuity manager to add you and link your login.
        </Notice>
      ) : (
        <>
          {me.leftAt && <Notice tone="warning" title="You are recorded as having left the recovery team" />}
          <section aria-labelledby="roles-h" className="mb-6 rounded-lg border border-slate-300 bg-white p-4">
            <h2 id="roles-h" className="mb-2 text-lg font-bold">
              My roles
            </h2>
            {me.roles.length ? (
              <ul className="space-y-2">
                {me.roles.map((r) => (
                  <li key={r.id}>
                    <p className="font-semibold">{r.name}</p>
                    {r.responsibilities && <p className="text-sm text-slate-700">{r.responsibilities}</p>}
                  </li>
                ))}
              </ul>
            ) : (
              <p>You hold no role yet.</p>
            )}
            <p className="mt-3">
              <span className="font-semibold">NCSC cyber training: </span>
              <TrainingBadge status={me.ncsc.status} />
              {me.ncsc.last && ` (last ${formatDay(me.ncsc.last)})`}
            </p>
            {me.training.length > 0 && (
              <ul className="mt-2 text-sm text-slate-700">
                {me.training.map((t) => (
                  <li key={t.id}>
                    {formatDay(t.heldOn)}: {t.title}
                    {t.title === trainingKindLabel(t.kind) ? '' : ` (${trainingKindLabel(t.kind)})`}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section
            aria-labelledby="contacts-h"
            className="mb-6 max-w-2xl rounded-lg border border-slate-300 bg-white p-4"
          >
            <h2 id="contacts-h" className="mb-3 text-lg font-bold">
              My contact details
            </h2>
            <OwnContactsForm version={me.version} initial={toContactValues(me)} />
          </section>
        </>
      )}
    </>
  )
}
