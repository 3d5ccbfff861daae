import { describe, expect, it } from 'vitest'
import { LANDING_NOTICES, landingNoticeText } from './notices'

describe('landing notices', () => {
  const where = { schoolName: 'Oakfield Primary', roleLabel: 'Team member' }

  it('says what happened for each notice an action sends', () => {
    expect(landingNoticeText(LANDING_NOTICES.roleChanged, where)).toBe(
      'Your role in Oakfield Primary is now Team member.',
    )
    expect(landingNoticeText(LANDING_NOTICES.leftSchool, where)).toBe(
      'You removed yourself from that school. You are now working in Oakfield Primary.',
    )
    expect(landingNoticeText(LANDING_NOTICES.schoolGone, where)).toBe(
      'That school is no longer one of yours, so nothing was switched. You are working in Oakfield Primary.',
    )
    expect(landingNoticeText(LANDING_NOTICES.schoolGone, {})).toBe(
      'That school is no longer one of yours, so nothing was switched.',
    )
  })

  it('shows nothing for a notice it does not know, so a crafted link cannot put words on the page', () => {
    expect(landingNoticeText('you-have-been-hacked', where)).toBeNull()
    expect(landingNoticeText(null, where)).toBeNull()
  })
})
