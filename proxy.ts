import { type NextRequest, NextResponse } from 'next/server'
import { declaresTooLargeBody, TOO_LARGE_MESSAGE } from '@/lib/security/body-limit'
import { contentSecurityPolicy, newNonce } from '@/lib/security/headers'

const dev = process.env.NODE_ENV === 'development'

/**
 * Runs before every page, action and route handler (not static files: see `config`), so it stays cheap:
 * no session, no database.
 * - A body declared over the limit is refused with 413 and a plain sentence, before Next reads it (Next's
 *   own limit answers 500 and drops the connection).
 * - Every other request gets a fresh CSP nonce. The policy goes on the request, where Next finds the nonce
 *   and puts it on the scripts it renders, and on the response, where the browser enforces it.
 */
export function proxy(request: NextRequest) {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    if (declaresTooLargeBody(request.headers.get('content-length'))) {
      return new NextResponse(TOO_LARGE_MESSAGE, {
        status: 413,
        headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
      })
    }
  }
  const csp = contentSecurityPolicy({ nonce: newNonce(), dev })
  const requestHeaders = new Headers(request.headers)
  requestHeaders.set('Content-Security-Policy', csp)
  const response = NextResponse.next({ request: { headers: requestHeaders } })
  response.headers.set('Content-Security-Policy', csp)
  return response
}

export const config = {
  matcher: [
    {
      // Everything but build output, images and files with an extension (public/): those are not pages,
      // carry no inline script, and get the fixed headers from next.config.ts. Router prefetches fetch
      // data for client-side navigation, not a page, so they skip the proxy too.
      source: '/((?!_next/static|_next/image|favicon\\.ico|.*\\.[a-z0-9]+$).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
}
