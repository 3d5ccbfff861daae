import http, { type IncomingMessage } from 'node:http'
import https from 'node:https'
import { PEER_ADDRESS_HEADER } from './client-ip'

/*
 * Next.js gives route handlers no way to the socket: its only trace of the connection's address is the
 * X-Forwarded-For it fills in when a request arrives without one, and a client can send its own. So every
 * request is stamped, as the Node server receives it and before Next.js sees it, with the socket's address
 * under a header of our own; any value a client sent under that name is overwritten.
 */

/** Writes the connection's own address into the request's headers (or removes a forged one). */
export function stampPeerAddress(req: IncomingMessage): void {
  const address = req.socket?.remoteAddress
  if (address) req.headers[PEER_ADDRESS_HEADER] = address
  else delete req.headers[PEER_ADDRESS_HEADER]
}

const INSTALLED = Symbol.for('continuity.peerAddressStamp')

/**
 * Stamps every request of every HTTP(S) server in this process: called once at start-up from
 * instrumentation.ts, which Next.js runs in the server process before it serves requests. Idempotent.
 */
export function installPeerAddressStamp(): void {
  for (const Server of [http.Server, https.Server]) {
    const proto = Server.prototype as unknown as Record<symbol, unknown> & {
      emit: (event: string | symbol, ...args: unknown[]) => boolean
    }
    if (proto[INSTALLED]) continue
    const emit = proto.emit
    proto.emit = function (this: unknown, event: string | symbol, ...args: unknown[]) {
      if (event === 'request' || event === 'checkContinue' || event === 'checkExpectation')
        stampPeerAddress(args[0] as IncomingMessage)
      return emit.call(this, event, ...args)
    }
    proto[INSTALLED] = true
  }
}
