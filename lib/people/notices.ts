/**
 * The notices a page shows after an action sent the person there (`?notice=...`). Only these keys are
 * shown, with fixed text, so a crafted link cannot put words on the page.
 */
export const LANDING_NOTICES = {
  roleChanged: 'role-changed',
  leftSchool: 'left-school',
  schoolGone: 'school-gone',
} as const
export type LandingNotice = (typeof LANDING_NOTICES)[keyof typeof LANDING_NOTICES]

export function landingNoticeText(
  notice: string | null | undefined,
  where: { schoolName?: string; roleLabel?: string },
): string | null {
  if (notice === LANDING_NOTICES.roleChanged && where.schoolName && where.roleLabel)
    return `Your role in ${where.schoolName} is now ${where.roleLabel}.`
  if (notice === LANDING_NOTICES.leftSchool)
    return where.schoolName
      ? `You removed yourself from that school. You are now working in ${where.schoolName}.`
      : 'You removed yourself from that school.'
  if (notice === LANDING_NOTICES.schoolGone)
    return where.schoolName
      ? `That school is no longer one of yours, so nothing was switched. You are working in ${where.schoolName}.`
      : 'That school is no longer one of yours, so nothing was switched.'
  return null
}
