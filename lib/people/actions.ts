'use server'
import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { schoolAction } from '@/lib/auth/action'
import { rememberSchool } from '@/lib/auth/school-context'
import { db } from '@/lib/db'
import { Refusal } from '@/lib/result'
import { changeRole, removeMember } from './mutations'
import { LANDING_NOTICES } from './notices'
import { changeRoleSchema, removeMemberSchema, switchSchoolSchema } from './schema'

/**
 * Changes a member's role. For one's own role the first answer is NEEDS_CONFIRMATION and nothing
 * changes; once confirmed, the person (no longer able to manage people) is sent to the dashboard with a
 * notice instead of staying on a page they may no longer open.
 */
export const changeRoleAction = schoolAction('people.manage', changeRoleSchema, async (input, ctx) => {
  const out = await changeRole(db, ctx, input)
  revalidatePath('/', 'layout')
  if (out.self) redirect(`/?notice=${LANDING_NOTICES.roleChanged}`)
  return out
})

/** Removes a member; removing oneself is confirmed first, then lands in the next school or on /no-school. */
export const removeMemberAction = schoolAction('people.manage', removeMemberSchema, async (input, ctx) => {
  const out = await removeMember(db, ctx, input)
  revalidatePath('/', 'layout')
  if (out.self) {
    const left = await db.membership.count({ where: { userId: ctx.userId } })
    redirect(`${left ? '/' : '/no-school'}?notice=${LANDING_NOTICES.leftSchool}`)
  }
  return out
})

/**
 * Makes another of the user's schools the current one, remembered on the server (on every device, and a
 * new membership never changes it), and opens its dashboard. The banner's switcher posts it as a plain
 * form action (no action state: it is on every page, and a stateful action form costs each request).
 * A school they do not belong to (say, removed since the page was drawn) switches nothing and lands on
 * the dashboard with a notice that says so, naming no other school.
 */
export const switchSchoolAction = schoolAction(
  'school.read',
  switchSchoolSchema,
  async (input, ctx) => {
    if (!ctx.schools.some((s) => s.id === input.schoolId)) {
      // The page they pressed it on was drawn with that school in the list: draw the banner again.
      revalidatePath('/', 'layout')
      redirect(`/?notice=${LANDING_NOTICES.schoolGone}`)
      // redirect() throws in Next; the refusal is the answer anywhere it does not (a direct call).
      throw new Refusal('NOT_FOUND', 'That school was not found.')
    }
    await rememberSchool(db, ctx.userId, input.schoolId)
    revalidatePath('/', 'layout')
    return { schoolId: input.schoolId }
  },
  { redirect: () => '/' },
)
