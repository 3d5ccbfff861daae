import { isIP } from 'node:net'

/**
 * The client's address from an X-Forwarded-For header, read `trustedProxyHops` entries in from the right.
 *
 * Each proxy appends the address it saw, so only the right-hand entries were written by proxies we run;
 * anything to their left is whatever the client sent, and is never read. 0 takes the right-most entry:
 * the address seen by the proxy next to the app. Only for use behind a proxy: Next.js fills the header
 * only when the request has none (it never appends), so with no proxy in front a client that sends its
 * own header would choose its own address (see requestAddress). A count beyond the list takes the
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

/**
 * The header that carries the address of the connection itself. lib/auth/peer-address.ts writes it on
 * every request as it arrives at the Node server, overwriting whatever a client sent under that name, so
 * (unlike X-Forwarded-For) its value always comes from the socket.
 */
export const PEER_ADDRESS_HEADER = 'x-portal-peer-address'

type HeaderBag = Headers | Record<string, string | string[] | undefined> | null | undefined

function header(headers: HeaderBag, name: string): string | string[] | null | undefined {
  if (!headers) return null
  if (headers instanceof Headers) return headers.get(name)
  return headers[name]
}

/**
 * The address a sign-in attempt is counted against. With no trusted proxy (the default) it is the
 * connection's own address and X-Forwarded-For is never read, so a client cannot choose its address. With
 * `trustedProxies` proxies in front (the operator says so in TRUSTED_PROXIES), it is the entry those
 * proxies added to X-Forwarded-For: the right-most for one proxy, one further left for each further proxy.
 * Null when the address is unknown (then only the e-mail is counted).
 */
export function requestAddress(headers: HeaderBag, trustedProxies: number): string | null {
  if (!Number.isInteger(trustedProxies) || trustedProxies <= 0) {
    const peer = header(headers, PEER_ADDRESS_HEADER)
    return typeof peer === 'string' ? normaliseIp(peer) : null
  }
  return clientIp(header(headers, 'x-forwarded-for'), trustedProxies - 1)
}

/**
 * Reads TRUSTED_PROXIES, the number of reverse proxies in front of the app that append the client's
 * address to X-Forwarded-For: unset or empty means none. Anything but a whole number is a setup mistake,
 * and so is the old TRUSTED_PROXY_HOPS, which counted one fewer: guessing would weaken the throttle.
 */
export function parseTrustedProxies(env: Record<string, string | undefined>): number {
  if (env.TRUSTED_PROXY_HOPS !== undefined && env.TRUSTED_PROXY_HOPS.trim() !== '')
    throw new Error(
      'TRUSTED_PROXY_HOPS is no longer read: set TRUSTED_PROXIES to the number of proxies in front of the portal (TRUSTED_PROXY_HOPS + 1).',
    )
  const value = env.TRUSTED_PROXIES
  if (value === undefined || value.trim() === '') return 0
  if (!/^\d+$/.test(value.trim())) throw new Error('TRUSTED_PROXIES must be a whole number (0 or more).')
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
