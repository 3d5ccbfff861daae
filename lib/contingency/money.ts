/*
 * Costs of contingency plans, in whole pence so sums are exact. People type pounds the way they write
 * them ("£1,200", "350.50", "1200"): the pound sign, spaces and thousands commas are allowed, at most two
 * decimal places, nothing negative.
 */

/** The largest cost the portal stores (£10 million): anything above is a typing slip. */
export const MAX_PENCE = 1_000_000_000

/** Pounds as typed -> pence; null for an empty entry; a message when it cannot be read. */
export function parsePounds(raw: string): { pence: number | null } | { error: string } {
  const v = raw
    .trim()
    .replace(/^£\s*/, '')
    .replace(/,(?=\d{3}(\D|$))/g, '')
    .replace(/\s+/g, '')
  if (v === '') return { pence: null }
  if (!/^\d+(\.\d{1,2})?$/.test(v)) return { error: 'Enter an amount in pounds, like 1,200 or 350.50.' }
  const [whole, fraction = ''] = v.split('.')
  const pence = Number(whole) * 100 + Number(fraction.padEnd(2, '0'))
  if (pence > MAX_PENCE) return { error: 'That amount is too large: enter it in pounds, like 1,200.' }
  return { pence }
}

const gbp = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' })
const gbpWhole = new Intl.NumberFormat('en-GB', {
  style: 'currency',
  currency: 'GBP',
  maximumFractionDigits: 0,
})

/** "£1,200" or "£350.50"; "Not costed" for null. */
export function formatPence(pence: number | null): string {
  if (pence === null) return 'Not costed'
  return pence % 100 === 0 ? gbpWhole.format(pence / 100) : gbp.format(pence / 100)
}

/** Pence as the form shows it again: "1200" or "350.50"; empty for null. */
export function penceToInput(pence: number | null): string {
  if (pence === null) return ''
  return pence % 100 === 0 ? String(pence / 100) : (pence / 100).toFixed(2)
}

/** A plan's costs in one phrase: "£1,200 one-off, £350 a year", or "Not costed" when neither is. */
export function formatCosts(oneOff: number | null, yearly: number | null): string {
  if (oneOff === null && yearly === null) return 'Not costed'
  const say = (p: number | null) => (p === null ? 'not costed' : formatPence(p))
  return `${say(oneOff)} one-off, ${say(yearly)} a year`
}
