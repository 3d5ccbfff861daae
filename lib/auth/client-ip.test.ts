import { describe, expect, it } from 'vitest'
import { addressNetwork, clientIp, normaliseIp, parseTrustedProxyHops } from './client-ip'

describe('client address from X-Forwarded-For', () => {
  it('with no proxy counted, takes the right-most entry and ignores what the client put to its left', () => {
    expect(clientIp('6.6.6.6, 203.0.113.9', 0)).toBe('203.0.113.9')
    expect(clientIp('1.1.1.1,2.2.2.2,  203.0.113.9 ', 0)).toBe('203.0.113.9')
    expect(clientIp('203.0.113.9', 0)).toBe('203.0.113.9')
  })
  it('skips the entries appended by trusted proxies', () => {
    // client-sent, real client (added by the CDN), CDN (added by the load balancer)
    expect(clientIp('6.6.6.6, 203.0.113.9, 198.51.100.1', 1)).toBe('203.0.113.9')
    expect(clientIp('6.6.6.6, 203.0.113.9, 198.51.100.1, 198.51.100.2', 2)).toBe('203.0.113.9')
  })
  it('takes the left-most entry when there are fewer entries than hops', () => {
    expect(clientIp('203.0.113.9, 198.51.100.1', 5)).toBe('203.0.113.9')
  })
  it('reads a header given as several lines', () => {
    expect(clientIp(['6.6.6.6', '203.0.113.9'], 0)).toBe('203.0.113.9')
    expect(clientIp(['6.6.6.6, 203.0.113.9', '198.51.100.1'], 1)).toBe('203.0.113.9')
  })
  it('gives null for a missing, empty or unreadable entry', () => {
    expect(clientIp(undefined, 0)).toBeNull()
    expect(clientIp(null, 0)).toBeNull()
    expect(clientIp('', 0)).toBeNull()
    expect(clientIp(' , ,', 0)).toBeNull()
    expect(clientIp('203.0.113.9, unknown', 0)).toBeNull()
    expect(clientIp('203.0.113.9, 999.1.1.1', 0)).toBeNull()
    expect(clientIp('<script>', 0)).toBeNull()
  })
  it('treats a nonsense hop count as 0', () => {
    expect(clientIp('6.6.6.6, 203.0.113.9', -1)).toBe('203.0.113.9')
    expect(clientIp('6.6.6.6, 203.0.113.9', Number.NaN)).toBe('203.0.113.9')
  })
})

describe('address normalisation', () => {
  it('drops ports, brackets and zones', () => {
    expect(normaliseIp('203.0.113.9:51234')).toBe('203.0.113.9')
    expect(normaliseIp('[2001:db8::1]:443')).toBe('2001:db8::1')
    expect(normaliseIp('[2001:db8::1]')).toBe('2001:db8::1')
    expect(normaliseIp('fe80::1%eth0')).toBe('fe80::1')
  })
  it('spells each IPv6 address one way', () => {
    expect(normaliseIp('2001:DB8:0:0:0:0:0:1')).toBe('2001:db8::1')
    expect(normaliseIp('2001:0db8::0001')).toBe('2001:db8::1')
    expect(normaliseIp('::1')).toBe('::1')
  })
  it('turns IPv4-mapped IPv6 (what Node reports for IPv4 on a dual-stack socket) into IPv4', () => {
    expect(normaliseIp('::ffff:127.0.0.1')).toBe('127.0.0.1')
    expect(normaliseIp('::FFFF:cb00:7109')).toBe('203.0.113.9')
  })
  it('refuses what is not an address', () => {
    for (const bad of [
      '',
      'unknown',
      '1.2.3',
      '1.2.3.4.5',
      '1.2.3.4:port',
      'example.org',
      '[1.2.3.4]',
      '::g',
    ])
      expect(normaliseIp(bad)).toBeNull()
  })
  it('groups IPv6 by /64 and leaves IPv4 alone', () => {
    expect(addressNetwork('203.0.113.9')).toBe('203.0.113.9')
    expect(addressNetwork('2001:db8:1:2:3:4:5:6')).toBe('2001:db8:1:2::/64')
    expect(addressNetwork('2001:db8::1')).toBe('2001:db8::/64')
    expect(addressNetwork('2001:db8:0:0:1::')).toBe('2001:db8::/64')
  })
})

describe('TRUSTED_PROXY_HOPS', () => {
  it('defaults to 0 and reads whole numbers', () => {
    expect(parseTrustedProxyHops(undefined)).toBe(0)
    expect(parseTrustedProxyHops('')).toBe(0)
    expect(parseTrustedProxyHops('2')).toBe(2)
    expect(parseTrustedProxyHops(' 1 ')).toBe(1)
  })
  it('refuses anything else rather than guess', () => {
    for (const bad of ['-1', '1.5', 'one', 'true'])
      expect(() => parseTrustedProxyHops(bad)).toThrow(/TRUSTED_PROXY_HOPS/)
  })
})
