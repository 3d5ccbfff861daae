import type { Metadata } from 'next'
import { PageHeader } from '@/components/ui/page-header'
import { requireSchoolContext } from '@/lib/auth/context'
import { can, ROLE_LABELS } from '@/lib/auth/permissions'
import { formatDate } from '@/lib/format'
import { getPeoplePage } from '@/lib/people/queries'
import { InvitationList } from './_components/invitation-list'
import { InviteForm } from './_components/invite-form'
import { MemberTable } from './_components/member-table'
import { RoleDescriptions } from './_components/role-descriptions'

export const metadata: Metadata = { title: 'People' }

export default async function PeoplePage() {
  const ctx = await requireSchoolContext('people.read')
  const { members, invitations } = await getPeoplePage(ctx)
  const manage = can(ctx.role, 'people.manage')
  return (
    <>
      <PageHeader
        title="People"
        description="Everyone who can sign in to this school's continuity portal, and what their role lets them do."
      />
      <section aria-labelledby="members-h" className="mb-8">
        <h2 id="members-h" className="sr-only">
          Members
        </h2>
        <MemberTable
          caption={`People in ${ctx.schoolName}`}
          manage={manage}
          rows={members.map((m) => ({
            id: m.id,
            version: m.version,
            name: m.user.name,
            email: m.user.email,
            role: m.role,
            roleLabel: ROLE_LABELS[m.role],
            added: formatDate(m.createdAt, ctx.timeZone),
            isSelf: m.user.id === ctx.userId,
          }))}
        />
      </section>
      <section aria-labelledby="invitations-h" className="mb-8 max-w-3xl">
        <h2 id="invitations-h" className="mb-2 text-lg font-bold">
          Invitations
        </h2>
        <InvitationList
          manage={manage}
          rows={invitations.map((i) => ({
            id: i.id,
            version: i.version,
            name: i.name,
            email: i.email,
            roleLabel: ROLE_LABELS[i.role],
            status: i.status,
            sent: formatDate(i.createdAt, ctx.timeZone),
            invitedBy: i.invitedBy?.name ?? null,
            openUntil: formatDate(i.expiresAt, ctx.timeZone),
          }))}
        />
      </section>
      {manage && (
        <section
          aria-labelledby="add-h"
          className="mb-8 max-w-xl rounded-lg border border-slate-300 bg-white p-4"
        >
          <h2 id="add-h" className="mb-1 text-lg font-bold">
            Invite a person
          </h2>
          <p className="mb-4 text-sm text-slate-700">
            They join this school when they accept the invitation after signing in; it stays open for 14 days.
            Someone who already has a login (for example from another school in your trust) keeps their own
            password. For someone new, the first password you choose becomes theirs: give it to them in
            person.
          </p>
          <InviteForm />
        </section>
      )}
      <section aria-labelledby="roles-h" className="max-w-3xl">
        <h2 id="roles-h" className="mb-2 text-lg font-bold">
          What each role can do
        </h2>
        <RoleDescriptions />
      </section>
    </>
  )
}
