import path from 'node:path'
import { defineConfig } from 'vitest/config'

// A zone far from UTC makes date bugs show; child workers inherit it.
process.env.TZ = 'Pacific/Auckland'

const alias = {
  '@': import.meta.dirname,
  // 'server-only' throws outside React Server Components; the tests are not a client bundle.
  'server-only': path.join(import.meta.dirname, 'tests/support/empty.ts'),
}

export default defineConfig({
  resolve: { alias },
  test: {
    reporters: ['default'],
    projects: [
      {
        resolve: { alias },
        test: { name: 'unit', include: ['lib/**/*.test.ts', 'components/**/*.test.ts'], environment: 'node' },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          // setup.ts gives each file a fresh database; mock-request.ts stands in for Next's request.
          setupFiles: ['tests/integration/setup.ts', 'tests/support/mock-request.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
          isolate: true,
        },
      },
    ],
  },
})
