/*
 * Reaching a member when the school is down: the school's own phones and e-mail may be what failed, so
 * only a mobile, another phone or a personal e-mail counts as an off-site contact.
 */

export function hasOffSiteContact(c: { mobile: string; otherPhone: string; personalEmail: string }): boolean {
  return Boolean(c.mobile.trim() || c.otherPhone.trim() || c.personalEmail.trim())
}
