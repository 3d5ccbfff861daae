import type { NextConfig } from 'next'

const nextConfig: NextConfig = {
  // These load WebAssembly or native code at run time; bundling them breaks that.
  serverExternalPackages: ['@electric-sql/pglite', 'pglite-prisma-adapter', 'pg', '@prisma/adapter-pg'],
  poweredByHeader: false,
  // Room for an asset register CSV (checked again on the server: at most 2,000 rows).
  experimental: { serverActions: { bodySizeLimit: '2mb' } },
  typedRoutes: false,
}

export default nextConfig
