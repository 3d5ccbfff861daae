import { describe, expect, it } from 'vitest'
import {
  addressNetwork,
  clientIp,
  normaliseIp,
  PEER_ADDRESS_HEADER,
  parseTrustedProxies,
  requestAddress,
} from './client-ip'

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

describe('the address a sign-in is counted against', () => {
  const forged = { 'x-forwarded-for': '6.6.6.6', [PEER_ADDRESS_HEADER]: '::ffff:203.0.113.9' }
  it('with no trusted proxy, is the connection itself: X-Forwarded-For is never read', () => {
    expect(requestAddress(forged, 0)).toBe('203.0.113.9')
    expect(requestAddress(new Headers(forged), 0)).toBe('203.0.113.9')
    // A client varying the header gets nowhere: every attempt counts against its socket.
    for (const xff of ['1.1.1.1', '2.2.2.2, 3.3.3.3', ''])
      expect(requestAddress({ ...forged, 'x-forwarded-for': xff }, 0)).toBe('203.0.113.9')
  })
  it('with no trusted proxy and no stamped address, is unknown (only the e-mail is counted)', () => {
    expect(requestAddress({ 'x-forwarded-for': '6.6.6.6' }, 0)).toBeNull()
    expect(requestAddress(undefined, 0)).toBeNull()
  })
  it('with trusted proxies, is the entry the nearest of them was given by the next one out', () => {
    expect(requestAddress({ ...forged, 'x-forwarded-for': '6.6.6.6, 198.51.100.7' }, 1)).toBe('198.51.100.7')
    expect(requestAddress({ ...forged, 'x-forwarded-for': '6.6.6.6, 198.51.100.7, 192.0.2.1' }, 2)).toBe(
      '198.51.100.7',
    )
    expect(requestAddress(new Headers({ 'x-forwarded-for': '6.6.6.6, 198.51.100.7' }), 1)).toBe(
      '198.51.100.7',
    )
  })
})

describe('TRUSTED_PROXIES', () => {
  it('defaults to no proxy and reads whole numbers', () => {
    expect(parseTrustedProxies({})).toBe(0)
    expect(parseTrustedProxies({ TRUSTED_PROXIES: '' })).toBe(0)
    expect(parseTrustedProxies({ TRUSTED_PROXIES: '2' })).toBe(2)
    expect(parseTrustedProxies({ TRUSTED_PROXIES: ' 1 ' })).toBe(1)
  })
  it('refuses anything else rather than guess', () => {
    for (const bad of ['-1', '1.5', 'one', 'true'])
      expect(() => parseTrustedProxies({ TRUSTED_PROXIES: bad })).toThrow(/TRUSTED_PROXIES/)
  })
  it('refuses the old TRUSTED_PROXY_HOPS, which counted one proxy fewer', () => {
    expect(() => parseTrustedProxies({ TRUSTED_PROXY_HOPS: '0' })).toThrow(/TRUSTED_PROXIES/)
  })
})
