import { csvResponse, schoolRoute } from '@/lib/auth/route'
import { assetsCsv } from '@/lib/catalogue/export'

export const GET = schoolRoute('catalogue.read', async (_req, ctx) =>
  csvResponse(await assetsCsv(ctx.schoolId), 'assets', ctx),
)
