import type { NextConfig } from 'next'

const nextConfig: NextConfig = {
  // These load WebAssembly or native code at run time; bundling them breaks that.
  serverExternalPackages: ['@electric-sql/pglite', 'pglite-prisma-adapter', 'pg', '@prisma/adapter-pg'],
  poweredByHeader: false,
  typedRoutes: false,
}

export default nextConfig
