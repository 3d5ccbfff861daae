'use server'
import { revalidatePath } from 'next/cache'
import { schoolAction } from '@/lib/auth/action'
import { db } from '@/lib/db'
import {
  addTraining,
  createMember,
  createRole,
  removeTraining,
  setMemberLeft,
  setRoleArchived,
  updateMember,
  updateOwnContacts,
  updateRole,
} from './mutations'
import {
  addTrainingSchema,
  archiveSchema,
  createMemberSchema,
  createRoleSchema,
  markLeftSchema,
  rejoinSchema,
  removeTrainingSchema,
  restoreSchema,
  updateMemberSchema,
  updateOwnContactsSchema,
  updateRoleSchema,
} from './schema'

function refresh(memberId?: string, roleId?: string) {
  revalidatePath('/team')
  revalidatePath('/team/roles')
  revalidatePath('/team/me')
  if (memberId) revalidatePath(`/team/${memberId}`)
  if (roleId) revalidatePath(`/team/roles/${roleId}`)
}
const refreshMember = { refresh: (input: { id: string }) => refresh(input.id) }
const refreshRole = { refresh: (input: { id: string }) => refresh(undefined, input.id) }

export const createRoleAction = schoolAction(
  'team.edit',
  createRoleSchema,
  (input, ctx) => createRole(db, ctx, input),
  { refresh: () => refresh(), redirect: (out) => `/team/roles/${out.id}?saved=created` },
)

export const updateRoleAction = schoolAction(
  'team.edit',
  updateRoleSchema,
  (input, ctx) => updateRole(db, ctx, input),
  refreshRole,
)

export const archiveRoleAction = schoolAction(
  'team.edit',
  archiveSchema,
  (input, ctx) => setRoleArchived(db, ctx, input, true),
  refreshRole,
)

export const restoreRoleAction = schoolAction(
  'team.edit',
  restoreSchema,
  (input, ctx) => setRoleArchived(db, ctx, input, false),
  refreshRole,
)

export const createMemberAction = schoolAction(
  'team.edit',
  createMemberSchema,
  (input, ctx) => createMember(db, ctx, input),
  { refresh: () => refresh(), redirect: (out) => `/team/${out.id}?saved=created` },
)

export const updateMemberAction = schoolAction(
  'team.edit',
  updateMemberSchema,
  (input, ctx) => updateMember(db, ctx, input),
  refreshMember,
)

/** A person's own contact details: the member is found from their login, never from the form. */
export const updateOwnContactsAction = schoolAction(
  'team.profile',
  updateOwnContactsSchema,
  (input, ctx) => updateOwnContacts(db, ctx, input),
  { refresh: () => refresh() },
)

export const markMemberLeftAction = schoolAction(
  'team.edit',
  markLeftSchema,
  (input, ctx) => setMemberLeft(db, ctx, input, true),
  refreshMember,
)

export const markMemberBackAction = schoolAction(
  'team.edit',
  rejoinSchema,
  (input, ctx) => setMemberLeft(db, ctx, input, false),
  refreshMember,
)

export const addTrainingAction = schoolAction(
  'team.edit',
  addTrainingSchema,
  (input, ctx) => addTraining(db, ctx, input),
  { refresh: (input) => refresh(input.teamMemberId) },
)

export const removeTrainingAction = schoolAction(
  'team.edit',
  removeTrainingSchema,
  (input, ctx) => removeTraining(db, ctx, input),
  { refresh: () => refresh() },
)
