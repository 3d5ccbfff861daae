import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, describe, expect, it } from 'vitest'
import { PEER_ADDRESS_HEADER, requestAddress } from './client-ip'
import { installPeerAddressStamp } from './peer-address'

describe('the connection address stamp', () => {
  let server: http.Server | undefined
  afterAll(() => server?.close())

  it('gives every request the socket address, overwriting a forged one, once installed', async () => {
    installPeerAddressStamp()
    installPeerAddressStamp() // idempotent: a second install must not stamp twice or break anything
    const seen: { peer: string | undefined; address: string | null }[] = []
    server = http.createServer((req, res) => {
      seen.push({
        peer: req.headers[PEER_ADDRESS_HEADER] as string | undefined,
        address: requestAddress(req.headers, 0),
      })
      res.end('ok')
    })
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    const attempts: Record<string, string>[] = [
      { [PEER_ADDRESS_HEADER]: '6.6.6.6', 'x-forwarded-for': '6.6.6.6' },
      { 'x-forwarded-for': '7.7.7.7' },
    ]
    for (const headers of attempts) {
      const res = await fetch(`http://127.0.0.1:${port}/`, { headers })
      expect(await res.text()).toBe('ok')
    }
    expect(seen).toEqual([
      { peer: '127.0.0.1', address: '127.0.0.1' },
      { peer: '127.0.0.1', address: '127.0.0.1' },
    ])
  })
})
