'use client'
import { type Column, DataTable } from '@/components/ui/data-table'
import { MemberActions } from './member-actions'

/** One member as the people list shows them: display-ready, with what the manager's controls need. */
export type MemberRowView = {
  id: string
  version: number
  name: string
  email: string
  role: string
  roleLabel: string
  added: string
  isSelf: boolean
}

const COLUMNS: Column<MemberRowView>[] = [
  {
    key: 'name',
    header: 'Name',
    cell: (m) => (
      <>
        <span className="font-semibold">{m.name}</span>
        <span className="block text-slate-700 [overflow-wrap:anywhere]">{m.email}</span>
        <span className="mt-1 block sm:hidden">{m.roleLabel}</span>
      </>
    ),
  },
  { key: 'role', header: 'Role', hideOnPhone: true, cell: (m) => m.roleLabel },
  { key: 'added', header: 'Added', hideOnPhone: true, cell: (m) => m.added },
]

const CHANGE: Column<MemberRowView> = {
  key: 'change',
  header: 'Change',
  cell: (m) => (
    <MemberActions
      key={`${m.id}-${m.version}`}
      membershipId={m.id}
      version={m.version}
      role={m.role}
      name={m.name}
      isSelf={m.isSelf}
    />
  ),
}

/**
 * The school's members, with each one's role and remove controls for a manager. A client component fed
 * plain rows, so the page's React payload carries each member's fields once instead of every cell's
 * markup (ARCHITECTURE.md, "What a page costs").
 */
export function MemberTable({
  rows,
  caption,
  manage,
}: {
  rows: MemberRowView[]
  caption: string
  manage: boolean
}) {
  return (
    <DataTable
      label="People in this school"
      caption={caption}
      rows={rows}
      rowKey={(m) => m.id}
      rowTestId={(m) => `member-${m.email}`}
      empty="Nobody is a member of this school yet."
      columns={manage ? [...COLUMNS, CHANGE] : COLUMNS}
    />
  )
}
