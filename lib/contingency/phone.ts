/**
 * The first telephone number in a free-text contact ("Acme IT, 0161 496 0000 (24h)"), as a `tel:` href
 * for a tap-to-call link on a phone; null when there is none. UK style numbers: a leading 0 or +44, ten
 * or eleven digits with spaces or hyphens between.
 */
export function firstPhone(text: string): { shown: string; href: string } | null {
  const m = /(?:\+\d{1,3}[\s-]?)?(?:\(0\)\s?)?\d[\d\s-]{7,}\d/.exec(text)
  if (!m) return null
  const shown = m[0].trim()
  const digits = shown.replace('(0)', '').replace(/[^\d+]/g, '')
  const count = digits.replace('+', '').length
  if (count < 10 || count > 13) return null
  return { shown, href: `tel:${digits}` }
}
