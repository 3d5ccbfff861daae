'use server'
import { revalidatePath } from 'next/cache'
import { schoolAction } from '@/lib/auth/action'
import { rememberSchool } from '@/lib/auth/school-context'
import { db } from '@/lib/db'
import { Refusal } from '@/lib/result'
import { addMember, changeRole, removeMember } from './mutations'
import { addMemberSchema, changeRoleSchema, removeMemberSchema, switchSchoolSchema } from './schema'

export const addMemberAction = schoolAction('people.manage', addMemberSchema, async (input, ctx) => {
  const out = await addMember(db, ctx, input)
  revalidatePath('/people')
  return out
})

export const changeRoleAction = schoolAction('people.manage', changeRoleSchema, async (input, ctx) => {
  const out = await changeRole(db, ctx, input)
  revalidatePath('/people')
  return out
})

export const removeMemberAction = schoolAction('people.manage', removeMemberSchema, async (input, ctx) => {
  const out = await removeMember(db, ctx, input)
  revalidatePath('/people')
  return out
})

/**
 * Makes another of the user's schools the current one, remembered on the server (on every device, and a
 * new membership never changes it); a school they do not belong to is not found.
 */
export const switchSchoolAction = schoolAction('school.read', switchSchoolSchema, async (input, ctx) => {
  if (!ctx.schools.some((s) => s.id === input.schoolId))
    throw new Refusal('NOT_FOUND', 'That school was not found.')
  await rememberSchool(db, ctx.userId, input.schoolId)
  revalidatePath('/', 'layout')
  return { schoolId: input.schoolId }
})
