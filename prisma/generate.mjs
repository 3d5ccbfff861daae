// `prisma generate` first looks for a native schema engine it would download; generate never runs it,
// so point it at an existing file (see README, "Migrations") and no download is attempted.
import { spawnSync } from 'node:child_process'

const r = spawnSync('npx', ['prisma', 'generate'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
  },
})
process.exit(r.status ?? 1)
