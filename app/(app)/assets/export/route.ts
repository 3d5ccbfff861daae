import { assetsCsv } from '@/lib/assets/export'
import { csvResponse, schoolRoute } from '@/lib/auth/route'

export const GET = schoolRoute('catalogue.read', async (_req, ctx) =>
  csvResponse(await assetsCsv(ctx.schoolId), 'assets', ctx),
)
