import type { NextConfig } from 'next'
import { REQUEST_BODY_LIMIT } from './lib/security/body-limit'
import { staticSecurityHeaders } from './lib/security/headers'

const nextConfig: NextConfig = {
  // These load WebAssembly, native code or data files (pdfkit's font metrics and colour profile, found
  // from its own folder) at run time; bundling them breaks that.
  serverExternalPackages: [
    '@electric-sql/pglite',
    'pglite-prisma-adapter',
    'pg',
    '@prisma/adapter-pg',
    '@react-pdf/renderer',
    'pdfkit',
  ],
  poweredByHeader: false,
  // Room for an asset register CSV a little over its 2 MB limit, so that the import itself can say
  // "keep it under 2 MB" beside the field (proxy.ts answers 413 above this).
  experimental: { serverActions: { bodySizeLimit: REQUEST_BODY_LIMIT } },
  typedRoutes: false,
  // The fixed security headers on every response, static files included; the per-page
  // Content-Security-Policy comes from proxy.ts.
  async headers() {
    return [{ source: '/:path*', headers: staticSecurityHeaders() }]
  },
}

export default nextConfig
