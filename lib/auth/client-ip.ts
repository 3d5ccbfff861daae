import { isIP } from 'node:net'

/**
 * The client's address from an X-Forwarded-For header, read `trustedProxyHops` entries in from the right.
 *
 * Each proxy appends the address it saw, so only the right-hand entries were written by proxies we run;
 * anything to their left is whatever the client sent, and is never read. 0 takes the right-most entry:
 * the address seen by the proxy next to the app, or, with no proxy, the socket address Next.js fills in.
 * Next.js fills the header only when the request has none (it never appends), so with no proxy in front
 * a client that sends its own header chooses its own address. A count beyond the list takes the
 * left-most entry. Returns null when there is no header or the chosen entry is not an IP address.
 */
export function clientIp(
  header: string | string[] | null | undefined,
  trustedProxyHops: number,
): string | null {
  const entries = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)
  if (entries.length === 0) return null
  const hops = Number.isInteger(trustedProxyHops) && trustedProxyHops > 0 ? trustedProxyHops : 0
  return normaliseIp(entries[Math.max(0, entries.length - 1 - hops)] as string)
}

/** Reads TRUSTED_PROXY_HOPS: unset or empty means 0; anything but a whole number is a setup mistake. */
export function parseTrustedProxyHops(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return 0
  if (!/^\d+$/.test(value.trim())) throw new Error('TRUSTED_PROXY_HOPS must be a whole number (0 or more).')
  return Number(value.trim())
}

/**
 * One spelling per address, so that one client cannot count as several: ports, brackets and IPv6 zones
 * are dropped, IPv6 is lower-cased and compressed, and IPv4-mapped IPv6 (::ffff:10.0.0.1) becomes IPv4.
 */
export function normaliseIp(entry: string): string | null {
  let s = entry.trim()
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(s)
  if (bracketed) s = bracketed[1] as string
  else if (/^[\d.]+:\d+$/.test(s)) s = s.slice(0, s.indexOf(':'))
  s = s.replace(/%.*$/, '')
  const version = isIP(s)
  if (version === 4 && !bracketed) return s
  if (version !== 6) return null
  const v6 = new URL(`http://[${s}]`).hostname.slice(1, -1)
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(v6)
  if (!mapped) return v6
  const hi = Number.parseInt(mapped[1] as string, 16)
  const lo = Number.parseInt(mapped[2] as string, 16)
  return [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.')
}

/**
 * The network a normalised address is throttled as: an IPv4 address alone, an IPv6 address by its /64,
 * because one IPv6 client (or one school's network) is routinely handed a whole /64.
 */
export function addressNetwork(ip: string): string {
  if (isIP(ip) !== 6) return ip
  const [head = '', tail] = ip.split('::')
  const left = head ? head.split(':') : []
  const right = tail ? tail.split(':') : []
  const groups =
    tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right]
  return `${new URL(`http://[${groups.slice(0, 4).join(':')}::]`).hostname.slice(1, -1)}/64`
}
